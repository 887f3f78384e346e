#include "CsrfCommand.h"

#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/SessionSealer.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace sessionlens::cli {

namespace {

const QString kVerify = QStringLiteral("verify");
const QString kMint = QStringLiteral("mint");

void addCommonOptions(CommandSyntax &syntax)
{
    syntax.addOption(
        {QStringLiteral("session"),
         QCoreApplication::translate("CsrfCommand", "The session cookie ('-': standard input)."),
         QCoreApplication::translate("CsrfCommand", "cookie")},
        CommandOption::Hints::secretValue());
    syntax.addOption({QStringLiteral("field"),
                      QCoreApplication::translate(
                          "CsrfCommand", "WTF_CSRF_FIELD_NAME: the session key (default: %1).")
                          .arg(QLatin1String(WtfCsrfCodec::kDefaultFieldName)),
                      QCoreApplication::translate("CsrfCommand", "name"),
                      QString::fromLatin1(WtfCsrfCodec::kDefaultFieldName)});
    SignerArguments::addOpeningOptions(syntax);
    StoredKeys::addOptions(syntax);
    StoredKeys::addWithOption(syntax);
}

} // namespace

CommandSyntax CsrfCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("csrf"),
                         tr("Verify or mint Flask-WTF's CSRF form token for a session."));
    CommandSyntax verify(kVerify, tr("Check a form token against a session and the secrets, "
                                     "naming the step that fails."));
    addCommonOptions(verify);
    verify.addOption(
        {QStringLiteral("token"), tr("The form token (csrf_token field)."), tr("token")},
        CommandOption::Hints::secretValue());
    verify.addOption({QStringLiteral("time-limit"),
                      tr("WTF_CSRF_TIME_LIMIT in seconds, or 'none' (default: %1).")
                          .arg(WtfCsrfCodec::kDefaultTimeLimitSeconds),
                      tr("seconds")});
    verify.addOption({QStringLiteral("json"), tr("Print the verdict as JSON.")});
    syntax.addSubcommand(verify);

    CommandSyntax mint(kMint, tr("Print a form token the app accepts for the session, and the "
                                 "session sealed again when it had no csrf_token."));
    addCommonOptions(mint);
    syntax.addSubcommand(mint);
    return syntax;
}

int CsrfCommand::execute(const QCommandLineParser &parser)
{
    if (subcommand().isEmpty())
        return m_io.usage(tr("csrf needs a subcommand: verify or mint"));
    if (!parser.isSet(QStringLiteral("session")))
        return m_io.usage(tr("--session is required"));
    CsrfTokenCheck::Options options;
    if (subcommand() == kVerify && parser.isSet(QStringLiteral("time-limit"))) {
        const QString text = parser.value(QStringLiteral("time-limit"));
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok);
        if (text == QLatin1String("none"))
            options.timeLimit.reset();
        else if (ok && seconds >= 0)
            options.timeLimit = seconds;
        else
            return m_io.usage(tr("--time-limit takes seconds or 'none'"));
    }
    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    auto cookie = m_io.readCookie(parser.value(QStringLiteral("session")));
    if (!cookie)
        return m_io.fail(cookie.error());
    const CookieOpener::Opened session = CookieOpener::open(cookie->value, ring, loaded->options);
    for (const QString &warning : session.warnings)
        m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (!session.readable()) {
        m_io.err() << tr("the session cookie does not open:") << Qt::endl;
        return m_io.fail(*session.error);
    }
    // A Django or Starlette session holds no csrf_token a Flask-WTF token could sign, nor does
    // a remember cookie or a token itself: minting one would print a token no app accepts.
    if (session.format && !CsrfTokenCheck::keptIn(*session.format))
        return m_io.fail(
            Error::make(ErrorCategory::Format,
                        tr("Flask-WTF keeps its csrf_token in a Flask session (signed or "
                           "EncryptedSession), not in this format: %1")
                            .arg(session.format->displayName())));
    if (!session.ok())
        m_io.err() << tr("warning: no secret verified the session cookie: the app would start "
                         "an empty session instead")
                   << Qt::endl;

    options.fieldName = parser.value(QStringLiteral("field"));
    options.bounds = loaded->options;
    if (subcommand() == kVerify)
        return verify(parser, ring, session, options);
    return mint(parser, ring, loaded->runKeys, session, options, loaded->options);
}

int CsrfCommand::verify(const QCommandLineParser &parser, const KeyRing &ring,
                        const CookieOpener::Opened &session, const CsrfTokenCheck::Options &options)
{
    KeyRing secrets;
    if (parser.isSet(QStringLiteral("with"))) {
        // Only the named secret: the app's WTF_CSRF_SECRET_KEY, say.
        auto chosen = StoredKeys::choose(parser, ring, SessionKey::Kind::SigningSecret, 0);
        if (!chosen)
            return m_io.fail(chosen.error());
        if (!secrets.add(*chosen).ok())
            return m_io.fail(Error::make(ErrorCategory::Key, tr("the secret cannot be used")));
    }
    const KeyRing &tried = parser.isSet(QStringLiteral("with")) ? secrets : ring;
    const CsrfTokenCheck::Verdict verdict = CsrfTokenCheck::verify(
        parser.value(QStringLiteral("token")).toUtf8(), session.session(), tried, options);
    const FlaskSignedCodec::Decoded &token = verdict.token.token;
    const QString secretName =
        verdict.keyIndex >= 0 ? StoredKeys::describe(tried.at(verdict.keyIndex)) : QString();
    for (const QString &warning : token.warnings)
        m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out{{QStringLiteral("valid"), verdict.ok()},
                        {QStringLiteral("step"), CsrfTokenCheck::stepId(verdict.failed)}};
        if (verdict.error)
            out.insert(QStringLiteral("message"), verdict.error->message);
        if (!secretName.isEmpty())
            out.insert(QStringLiteral("secret"), secretName);
        if (!token.parts.signatureText.isEmpty()) {
            out.insert(QStringLiteral("timestamp"), token.parts.timestamp);
            out.insert(QStringLiteral("age_seconds"), token.ageSeconds);
        }
        out.insert(QStringLiteral("time_limit"),
                   options.timeLimit ? QJsonValue(*options.timeLimit) : QJsonValue());
        m_io.out() << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    if (!verdict.ok()) {
        const Error &error = *verdict.error;
        m_io.err() << tr("sessionlens-cli: the CSRF token fails at step %1: %2")
                          .arg(CsrfTokenCheck::stepId(verdict.failed), error.message)
                   << (error.detail.isEmpty() ? QString()
                                              : QStringLiteral(" (%1)").arg(error.detail))
                   << Qt::endl;
        return CliIo::exitCodeFor(error.category);
    }
    if (!parser.isSet(QStringLiteral("json")))
        m_io.out() << tr("valid: signed with %1, %2 s old (time limit: %3)")
                          .arg(secretName)
                          .arg(token.ageSeconds)
                          .arg(options.timeLimit ? tr("%1 s").arg(*options.timeLimit) : tr("none"))
                   << Qt::endl;
    return ExitOk;
}

int CsrfCommand::mint(const QCommandLineParser &parser, const KeyRing &ring, qsizetype runEntries,
                      const CookieOpener::Opened &session, const CsrfTokenCheck::Options &options,
                      const FlaskSignedCodec::Options &signer)
{
    // The token's secret: the one named, else the one that verified a signed session (Flask-WTF
    // falls back to SECRET_KEY), else the one secret given.
    KeyRing tokenSecret;
    const bool sessionSecret = !parser.isSet(QStringLiteral("with")) && session.keyIndex >= 0 &&
                               ring.at(session.keyIndex).kind() == SessionKey::Kind::SigningSecret;
    auto chosen = sessionSecret ? Result<SessionKey>(ring.at(session.keyIndex))
                                : StoredKeys::choose(parser, ring, SessionKey::Kind::SigningSecret,
                                                     runEntries);
    if (!chosen)
        return m_io.fail(chosen.error());
    if (!tokenSecret.add(*chosen).ok())
        return m_io.fail(Error::make(ErrorCategory::Key, tr("the secret cannot be used")));
    const CsrfTokenCheck::Minted minted =
        CsrfTokenCheck::mint(session.session(), tokenSecret, options);
    if (!minted.ok())
        return m_io.fail(*minted.error);
    m_io.err() << tr("form token signed with %1").arg(StoredKeys::describe(*chosen)) << Qt::endl;
    m_io.out() << minted.token << Qt::endl;
    if (!minted.sessionChanged)
        return ExitOk;
    if (!session.ok() || session.keyIndex < 0)
        return m_io.fail(Error::make(
            ErrorCategory::Key,
            tr("the session had no %1, and without the key that opened it the session cannot be "
               "sealed again with one")
                .arg(options.fieldName)));
    SessionSealer::Options seal;
    seal.format = session.format;
    seal.signer = signer;
    const SessionSealer::Sealed sealed =
        SessionSealer::seal(minted.session, ring.at(session.keyIndex).bytes(), seal);
    if (!sealed.ok())
        return m_io.fail(*sealed.error);
    m_io.err() << tr("the session had no %1: it now holds a new one, so send this session "
                     "cookie (line 2) with the token")
                      .arg(options.fieldName)
               << Qt::endl;
    m_io.out() << sealed.cookie << Qt::endl;
    return ExitOk;
}

} // namespace sessionlens::cli
