#include "formats/FormatRegistry.h"

#include "formats/DjangoSignedFormat.h"
#include "formats/EncryptedSessionFormat.h"
#include "formats/FlaskSignedFormat.h"
#include "formats/RememberCookieFormat.h"
#include "formats/StarletteSessionFormat.h"

#include "formats/WtfCsrfFormat.h"
#include <algorithm>

namespace sessionlens {

FormatRegistry FormatRegistry::withBuiltIns()
{
    FormatRegistry registry;
    registry.add(std::make_shared<EncryptedSessionFormat>());
    registry.add(std::make_shared<FlaskSignedFormat>());
    registry.add(std::make_shared<RememberCookieFormat>());
    registry.add(std::make_shared<DjangoSignedFormat>());
    registry.add(std::make_shared<StarletteSessionFormat>());
    registry.add(std::make_shared<WtfCsrfFormat>());
    return registry;
}

const FormatRegistry &FormatRegistry::builtIn()
{
    static const FormatRegistry registry = withBuiltIns();
    return registry;
}

bool FormatRegistry::add(std::shared_ptr<const CookieFormat> format)
{
    if (!format || find(format->id()))
        return false;
    m_formats.push_back(std::move(format));
    return true;
}

const CookieFormat *FormatRegistry::find(QStringView id) const
{
    for (const auto &format : m_formats) {
        if (format->id() == id)
            return format.get();
    }
    return nullptr;
}

QList<const CookieFormat *> FormatRegistry::formats() const
{
    QList<const CookieFormat *> all;
    for (const auto &format : m_formats)
        all.append(format.get());
    return all;
}

QStringList FormatRegistry::ids() const
{
    QStringList all;
    for (const auto &format : m_formats)
        all.append(format->id());
    return all;
}

const CookieFormat *FormatRegistry::fallback() const
{
    return m_formats.empty() ? nullptr : m_formats.front().get();
}

const CookieFormat *FormatRegistry::shapeOf(QByteArrayView cookie) const
{
    const Detection detection = detect(cookie);
    return detection.format ? detection.format : fallback();
}

FormatRegistry::Detection FormatRegistry::detect(QByteArrayView cookie) const
{
    // One scan of the characters for every format: this runs once per cookie in a batch.
    return detect(cookie, FormatDetector::characters(cookie));
}

FormatRegistry::Detection FormatRegistry::detect(QByteArrayView cookie,
                                                 const FormatDetector::Characters &characters) const
{
    Detection best;
    QVarLengthArray<Candidate, 4> fits;
    for (const auto &format : m_formats) {
        const int score = format->score(cookie, characters);
        if (score >= CookieFormat::Possible)
            fits.append({format.get(), score});
        if (score > best.score) {
            best.format = format.get();
            best.score = score;
        }
    }
    if (fits.size() > 1) {
        std::stable_sort(fits.begin(), fits.end(),
                         [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
        best.candidates = std::move(fits);
    }
    return best;
}

} // namespace sessionlens
