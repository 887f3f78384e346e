#pragma once

#include "Result.h"
#include "crypto/SecureBytes.h"
#include "formats/FlaskSignedCodec.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace sessionlens {

/**
 * Weak-secret audit of a Flask signed cookie: tries candidate secrets from a
 * wordlist (one per line, any bytes; "\n" or "\r\n" ends a line) and from a
 * small built-in list of secrets that tutorials and frameworks ship with, on
 * all cores, and stops at the first secret whose signature matches.
 */
class SecretAudit
{
public:
    struct Options
    {
        FlaskSignedCodec::Options codec;
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

    /// Secrets seen in tutorials, docs and framework templates.
    [[nodiscard]] static QList<QByteArray> builtInSecrets();
};

} // namespace sessionlens
