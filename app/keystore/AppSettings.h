#pragma once

#include "text/ValueText.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace sessionlens {

/**
 * Typed access to the application's settings. Every key and its default are
 * in one table (AppSettings.cpp). Secrets never go here: only key names,
 * fingerprints and preferences. Tests pass a file path to keep their own.
 */
class AppSettings
{
public:
    enum class Key
    {
        Language,               ///< "" = follow the system, or "en", "de"
        Compression,            ///< "auto", "always", "never"
        BytesDisplay,           ///< "hex" or "base64"
        MaxInflatedMiB,         ///< inflate limit in MiB
        ReplayUrl,              ///< URL used in curl / requests snippets
        CookieName,             ///< Flask SESSION_COOKIE_NAME
        KeyNames,               ///< ordered names of key-ring entries (no secrets)
        KeyFormats,             ///< "<format ids>:<name>" of keys kept for some formats only
        KeyStoreBackend,        ///< "keychain" or "file"
        SessionLifetimeDays,    ///< PERMANENT_SESSION_LIFETIME, for flagging expired signed cookies
        StarletteMaxAgeSeconds, ///< SessionMiddleware's max_age, for Starlette sessions
        DjangoCookieAgeSeconds, ///< SESSION_COOKIE_AGE, for Django's signed-cookie sessions
        WtfCsrfTimeLimitSeconds, ///< WTF_CSRF_TIME_LIMIT for Flask-WTF's tokens (0: None)
        SignerSalt,              ///< itsdangerous salt of the app's session signer
        SignerDigest,            ///< "sha1", "sha256", "sha512"
        SignerDerivation,        ///< "hmac", "concat", "django-concat", "none"
        SignerLegacyEpoch,       ///< timestamps from 2011 (itsdangerous before 1.0)
        HistoryEnabled,          ///< keep opened cookies (sealed) in File ▸ History
        ClipboardClearSeconds, ///< a copied cookie or key leaves the clipboard after this long (0:
                               ///< never)
        RecentRequests,        ///< capture requests, "METHOD URL", newest first
        ProxyUpstream,         ///< the app the capture proxy forwards to
        ProxyPort,             ///< where the capture proxy listens (loopback)
        RequestTimeoutSeconds, ///< how long a request of the Capture dock may wait for the app
        FlaskLoginUserAgent,   ///< the client's User-Agent Flask-Login's _id is checked against
        FlaskLoginAddress,     ///< the client's address for that check
        WindowGeometry,
        WindowState,
    };

    /// Settings in the platform's usual place.
    AppSettings();
    /// Settings in an INI file (tests, portable use).
    explicit AppSettings(const QString &iniFile);

    [[nodiscard]] QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    [[nodiscard]] QString string(Key key) const { return value(key).toString(); }
    [[nodiscard]] int integer(Key key) const { return value(key).toInt(); }
    /// How bytes values are shown and typed (the BytesDisplay setting), for every view.
    [[nodiscard]] ValueText::BytesForm bytesForm() const;
    [[nodiscard]] QStringList stringList(Key key) const { return value(key).toStringList(); }
    [[nodiscard]] QByteArray bytes(Key key) const { return value(key).toByteArray(); }

    void sync();
    [[nodiscard]] QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace sessionlens
