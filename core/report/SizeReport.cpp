#include "report/SizeReport.h"

#include "crypto/SecureBytes.h"
#include "formats/FormatRegistry.h"
#include "formats/SealedCookie.h"

#include <QJsonArray>

namespace sessionlens {

SizeReport::SizeReport(CookieSize size, const QString &cookieName) : CookieSize(std::move(size))
{
    setCookieValueBytes(cookieValueBytes,
                        serverCookieName.isEmpty() ? cookieName : serverCookieName);
}

SizeReport SizeReport::compute(const SessionValue &session, const SealOptions &options)
{
    const CookieFormat *format =
        options.format ? options.format : FormatRegistry::builtIn().fallback();
    SealedCookie sealed;
    format->seal(session, SecureBytes(), options, sealed);
    return SizeReport(std::move(sealed.size), options.cookieName);
}

qsizetype SizeReport::setCookieValueSize(qsizetype nameBytes, qsizetype valueBytes)
{
    return nameBytes + 1 + valueBytes + kFlaskAttributeBytes;
}

QJsonObject SizeReport::toJson() const
{
    QJsonArray shares;
    for (const KeyShare &share : keys)
        shares.append(QJsonObject{{QStringLiteral("key"), share.key},
                                  {QStringLiteral("json_bytes"), share.jsonBytes},
                                  {QStringLiteral("cookie_saving"), share.cookieSaving},
                                  {QStringLiteral("estimated"), share.estimated}});
    QJsonObject object{
        {QStringLiteral("format"), format},
        {QStringLiteral("json_bytes"), jsonBytes},
        {QStringLiteral("compressed"), compressed},
        {QStringLiteral("compressed_bytes"), compressedBytes},
        {QStringLiteral("cookie_value_bytes"), cookieValueBytes},
        {QStringLiteral("name_value_bytes"), nameValueBytes},
        {QStringLiteral("set_cookie_bytes"), setCookieBytes},
        {QStringLiteral("set_cookie_line_bytes"), setCookieLineBytes},
        {QStringLiteral("werkzeug_limit"), kWerkzeugMaxCookieSize},
        {QStringLiteral("werkzeug_headroom"), werkzeugHeadroom},
        {QStringLiteral("browser_limit"), kBrowserMaxCookieSize},
        {QStringLiteral("browser_headroom"), browserHeadroom},
        {QStringLiteral("keys"), shares},
    };
    for (const Stage &stage : stages) {
        object.insert(stage.id, stage.bytes);
        if (!stage.jsonAlias.isEmpty())
            object.insert(stage.jsonAlias, stage.bytes);
    }
    return object;
}

void SizeReport::setCookieValueBytes(qsizetype valueBytes, const QString &cookieName)
{
    cookieValueBytes = valueBytes;
    const qsizetype nameBytes = cookieName.toUtf8().size();
    nameValueBytes = nameBytes + 1 + cookieValueBytes;
    setCookieBytes = setCookieValueSize(nameBytes, cookieValueBytes) + extraAttributeBytes;
    setCookieLineBytes = setCookieBytes + qsizetype(sizeof("Set-Cookie: ") - 1);
    werkzeugHeadroom = kWerkzeugMaxCookieSize - setCookieBytes;
    browserHeadroom = kBrowserMaxCookieSize - nameValueBytes;
}

} // namespace sessionlens
