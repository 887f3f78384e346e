#include "AppSettings.h"

#include "SessionDefaults.h"
#include "capture/HttpCapture.h"
#include "formats/DjangoSignedCodec.h"
#include "formats/StarletteSessionFormat.h"
#include "formats/WtfCsrfCodec.h"

#include <array>

namespace sessionlens {

namespace {

struct Entry
{
    AppSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

const std::array<Entry, 27> &table()
{
    static const std::array<Entry, 27> entries{{
        {AppSettings::Key::Language, "ui/language", QString()},
        {AppSettings::Key::Compression, "seal/compression", QStringLiteral("auto")},
        {AppSettings::Key::BytesDisplay, "tree/bytesDisplay", QStringLiteral("hex")},
        {AppSettings::Key::MaxInflatedMiB, "limits/maxInflatedMiB", defaults::kMaxInflatedMiB},
        {AppSettings::Key::ReplayUrl, "replay/url", QStringLiteral("http://127.0.0.1:5000/")},
        {AppSettings::Key::CookieName, "replay/cookieName", QStringLiteral("session")},
        {AppSettings::Key::KeyNames, "keys/names", QStringList()},
        {AppSettings::Key::KeyFormats, "keys/formats", QStringList()},
        {AppSettings::Key::KeyStoreBackend, "keys/backend", QString()},
        {AppSettings::Key::SessionLifetimeDays, "signed/lifetimeDays",
         defaults::kSessionLifetimeDays},
        {AppSettings::Key::StarletteMaxAgeSeconds, "starlette/maxAgeSeconds",
         StarletteSessionFormat::kDefaultMaxAgeSeconds},
        {AppSettings::Key::DjangoCookieAgeSeconds, "django/cookieAgeSeconds",
         DjangoSignedCodec::kDefaultCookieAge},
        {AppSettings::Key::WtfCsrfTimeLimitSeconds, "wtfcsrf/timeLimitSeconds",
         WtfCsrfCodec::kDefaultTimeLimitSeconds},
        {AppSettings::Key::SignerSalt, "signed/salt",
         QString::fromLatin1(defaults::kFlaskSessionSalt)},
        {AppSettings::Key::SignerDigest, "signed/digest", QStringLiteral("sha1")},
        {AppSettings::Key::SignerDerivation, "signed/keyDerivation", QStringLiteral("hmac")},
        {AppSettings::Key::SignerLegacyEpoch, "signed/legacyEpoch", false},
        {AppSettings::Key::HistoryEnabled, "privacy/history", true},
        {AppSettings::Key::ClipboardClearSeconds, "privacy/clipboardClearSeconds", 45},
        {AppSettings::Key::RecentRequests, "capture/recentRequests", QStringList()},
        {AppSettings::Key::ProxyUpstream, "capture/proxyUpstream",
         QStringLiteral("http://127.0.0.1:5000/")},
        {AppSettings::Key::ProxyPort, "capture/proxyPort", 8080},
        {AppSettings::Key::RequestTimeoutSeconds, "capture/requestTimeoutSeconds",
         HttpCapture::kDefaultTimeoutMs / 1000},
        {AppSettings::Key::FlaskLoginUserAgent, "flasklogin/userAgent", QString()},
        {AppSettings::Key::FlaskLoginAddress, "flasklogin/address", QStringLiteral("127.0.0.1")},
        {AppSettings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {AppSettings::Key::WindowState, "window/state", QByteArray()},
    }};
    return entries;
}

const Entry &entryFor(AppSettings::Key key)
{
    for (const Entry &entry : table()) {
        if (entry.key == key)
            return entry;
    }
    return table().front();
}

} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

QVariant AppSettings::value(Key key) const
{
    const Entry &entry = entryFor(key);
    return m_settings->value(QLatin1String(entry.name), entry.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(entryFor(key).name), value);
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

ValueText::BytesForm AppSettings::bytesForm() const
{
    return string(Key::BytesDisplay) == QLatin1String("base64") ? ValueText::BytesForm::Base64
                                                                : ValueText::BytesForm::Hex;
}

} // namespace sessionlens
