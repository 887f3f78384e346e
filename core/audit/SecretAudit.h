#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"
#include "formats/CookieFormat.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace sessionlens {

/**
 * Weak-secret audit of a signed cookie of any format that has a secret to guess (the format
 * prepares a SecretCheck): tries candidate secrets from a
 * wordlist (one per line, any bytes; "\n" or "\r\n" ends a line) and from a
 * small built-in list of secrets that tutorials and frameworks ship with, on
 * all cores, and stops at the first secret whose signature matches.
 */
class SecretAudit
{
public:
    struct Options
    {
        /// The signer's options, for formats whose salt, digest and key derivation vary.
        OpenOptions codec;
        /// The cookie's format; nullptr: every format whose shape the cookie has and that takes
        /// a secret (formatsFor), else the first registered format that takes one (whose steps
        /// then say what is wrong with the cookie).
        const CookieFormat *format = nullptr;
        int threads = 0;     ///< 0: one per core
        bool builtIn = true; ///< try the built-in list first
        /// Secrets tried before everything else (the user's stored ring), with their names as
        /// the Found source.
        QList<std::pair<QString, SecureBytes>> known;
        /// Read lines holding Python str or bytes literals ('x', b'\x8e...', r"..."), as
        /// flask-unsign writes its wordlists, as their values; other lines are themselves.
        bool pythonLiterals = false;
        /// Strip each line's surrounding white space first, as flask-unsign does.
        bool strip = false;
    };

    struct Progress
    {
        qint64 tried = 0;
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
        double secondsElapsed = 0;
        /// Seconds left at the current rate, -1 while unknown.
        [[nodiscard]] double etaSeconds() const;
    };

    struct Found
    {
        SecureBytes secret;
        qint64 line = 0; ///< 1-based line in the wordlist; 0 for the built-in list
        QString source;  ///< the wordlist path, or "built-in"
        /// The format whose signer the secret signs the cookie with (of formatsFor's).
        const CookieFormat *format = nullptr;
    };

    struct Outcome
    {
        std::optional<Found> found;
        qint64 tried = 0;
        double seconds = 0;
        bool cancelled = false;
    };

    using ProgressCallback = std::function<void(const Progress &)>;

    /**
     * Runs the audit. `cancel` (optional) stops it from another thread; `progress`
     * (optional) is called from the calling thread about ten times a second.
     * An empty `wordlistPath` audits the built-in list only.
     */
    [[nodiscard]] static Result<Outcome> run(const QByteArray &cookie, const QString &wordlistPath,
                                             const Options &options,
                                             const std::atomic<bool> *cancel = nullptr,
                                             const ProgressCallback &progress = {});

    /// The formats `run` audits `cookie` as, following Options::format's rule: with no format
    /// given, each that takes a secret of the best-scored formats whose shape the cookie has
    /// (a payload with no '+', '/' or '=' and JSON without json.dumps' separators fits both
    /// Flask's signed cookie and Starlette's, so a secret is found whichever of them made it).
    [[nodiscard]] static QList<const CookieFormat *> formatsFor(QByteArrayView cookie,
                                                                const Options &options);

    /// Secrets seen in tutorials, docs and framework templates.
    [[nodiscard]] static QList<QByteArray> builtInSecrets();
};

} // namespace sessionlens
