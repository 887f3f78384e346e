#include "Error.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace sessionlens {

namespace {
struct CategoryNames
{
    ErrorCategory category;
    const char *id;   ///< stable, for JSON reports and logs
    const char *step; ///< the step as a person reads it, translated by stepName()
};

// lupdate reads these markers, so the CLI and the window share one translation of each step.
constexpr std::array<CategoryNames, 10> kNames{{
    {ErrorCategory::Format, "format", QT_TRANSLATE_NOOP("sessionlens::Error", "format")},
    {ErrorCategory::Base64, "base64", QT_TRANSLATE_NOOP("sessionlens::Error", "base64")},
    {ErrorCategory::Authentication, "authentication",
     QT_TRANSLATE_NOOP("sessionlens::Error", "authentication")},
    {ErrorCategory::Decompression, "decompression",
     QT_TRANSLATE_NOOP("sessionlens::Error", "decompression")},
    {ErrorCategory::Encoding, "encoding", QT_TRANSLATE_NOOP("sessionlens::Error", "encoding")},
    {ErrorCategory::Json, "json", QT_TRANSLATE_NOOP("sessionlens::Error", "JSON")},
    {ErrorCategory::Limit, "limit", QT_TRANSLATE_NOOP("sessionlens::Error", "limit")},
    {ErrorCategory::Key, "key", QT_TRANSLATE_NOOP("sessionlens::Error", "key")},
    {ErrorCategory::Io, "io", QT_TRANSLATE_NOOP("sessionlens::Error", "input/output")},
    {ErrorCategory::Network, "network", QT_TRANSLATE_NOOP("sessionlens::Error", "network")},
}};
} // namespace

Error Error::make(ErrorCategory category, QString message, QString detail, int field,
                  qsizetype position)
{
    return Error{category, std::move(message), std::move(detail), field, position};
}

QString Error::categoryName(ErrorCategory category)
{
    for (const CategoryNames &names : kNames) {
        if (names.category == category)
            return QString::fromLatin1(names.id);
    }
    return QStringLiteral("unknown");
}

QString Error::stepName(ErrorCategory category)
{
    for (const CategoryNames &names : kNames) {
        if (names.category == category)
            return QCoreApplication::translate("sessionlens::Error", names.step);
    }
    return categoryName(category);
}

QString Error::toString() const
{
    QString text = categoryName(category) + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

} // namespace sessionlens
