#include "Error.h"

#include <array>
#include <utility>

namespace sessionlens {

namespace {
constexpr std::array<std::pair<ErrorCategory, const char *>, 10> kNames{{
    {ErrorCategory::Format, "format"},
    {ErrorCategory::Base64, "base64"},
    {ErrorCategory::Authentication, "authentication"},
    {ErrorCategory::Decompression, "decompression"},
    {ErrorCategory::Encoding, "encoding"},
    {ErrorCategory::Json, "json"},
    {ErrorCategory::Limit, "limit"},
    {ErrorCategory::Key, "key"},
    {ErrorCategory::Io, "io"},
    {ErrorCategory::Network, "network"},
}};
} // namespace

Error Error::make(ErrorCategory category, QString message, QString detail, int field,
                  qsizetype position)
{
    return Error{category, std::move(message), std::move(detail), field, position};
}

QString Error::categoryName(ErrorCategory category)
{
    for (const auto &[value, name] : kNames) {
        if (value == category)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

bool Error::categoryFromName(const QString &name, ErrorCategory *out)
{
    for (const auto &[value, text] : kNames) {
        if (name == QLatin1String(text)) {
            *out = value;
            return true;
        }
    }
    return false;
}

QString Error::toString() const
{
    QString text = categoryName(category) + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

} // namespace sessionlens
