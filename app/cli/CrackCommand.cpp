#include "CrackCommand.h"

#include "Limits.h"

#include "SignerArguments.h"
#include "StoredKeys.h"
#include "audit/SecretAudit.h"
#include "formats/CookieText.h"
#include "keys/KeyRing.h"
#include "json/PythonRepr.h"

#include <QCommandLineParser>

#include <unistd.h>

namespace sessionlens::cli {

namespace {

} // namespace

CommandSyntax CrackCommand::syntax() const
{
    CommandSyntax syntax(
        QStringLiteral("crack"),
        tr("Audit a signed cookie's secret against wordlists (only of apps you may test)."));
    SignerArguments::addOptions(syntax);
    StoredKeys::addOptions(syntax);
    syntax.addOption(
        {QStringLiteral("wordlist"), tr("Candidate secrets, one per line."), tr("file")},
        CommandOption::Hints::path());
    syntax.addOption({QStringLiteral("threads"), tr("Worker threads (default: one per core)."),
                      tr("count"), QStringLiteral("0")});
    syntax.addOption(
        {QStringLiteral("no-builtin"), tr("Skip the built-in list of well-known secrets.")});
    syntax.addOption({QStringLiteral("python-literals"),
                      tr("Read lines holding Python string or bytes literals ('x', b'\\x8e...', "
                         "as flask-unsign's wordlists) as their values.")});
    syntax.addOption({QStringLiteral("strip"),
                      tr("Strip white space around each line first, as flask-unsign does.")});
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Signed cookie value or header line, '-' for standard input."),
                                 QStringLiteral("COOKIE|-"));
    return syntax;
}

int CrackCommand::execute(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        return m_io.usage(tr("crack takes one cookie argument"));
    auto codecOptions = SignerArguments::options(parser);
    if (!codecOptions)
        return m_io.fail(codecOptions.error());
    bool threadsOk = false;
    SecretAudit::Options options;
    options.codec = codecOptions.value();
    options.threads = parser.value(QStringLiteral("threads")).toInt(&threadsOk);
    if (!threadsOk || options.threads < 0 || options.threads > limits::kMaxThreads)
        return m_io.usage(
            tr("--threads takes a count from 0 (one per core) to %1").arg(limits::kMaxThreads));
    options.builtIn = !parser.isSet(QStringLiteral("no-builtin"));
    options.pythonLiterals = parser.isSet(QStringLiteral("python-literals"));
    options.strip = parser.isSet(QStringLiteral("strip"));

    // The secrets of the stored ring (and any given for the run) are tried first: the audit
    // answers "is it one of ours?" before "is it a weak one?".
    KeyRing ring;
    auto given = SignerArguments::addSecretsTo(parser, m_io, ring);
    if (!given)
        return m_io.fail(given.error());
    StoredKeys::appendTo(parser, m_io, ring);
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == SessionKey::Kind::SigningSecret)
            options.known.append({StoredKeys::describe(ring.at(i)), ring.at(i).bytes()});
    }

    auto cookie = m_io.readCookie(parser.positionalArguments().constFirst());
    if (!cookie)
        return m_io.fail(cookie.error());

    const bool interactive = isatty(STDERR_FILENO);
    auto outcome = SecretAudit::run(
        cookie->value, parser.value(QStringLiteral("wordlist")), options, nullptr,
        [this, interactive](const SecretAudit::Progress &p) {
            if (!interactive)
                return;
            const double percent =
                p.bytesTotal ? 100.0 * double(p.bytesDone) / double(p.bytesTotal) : 100.0;
            m_io.err() << QStringLiteral("\r")
                       << tr("%1 tried, %2%, about %3 s left")
                              .arg(p.tried)
                              .arg(percent, 0, 'f', 1)
                              .arg(std::max(0.0, p.etaSeconds()), 0, 'f', 0);
            m_io.err().flush();
        });
    if (interactive)
        m_io.err() << QStringLiteral("\n");
    if (!outcome)
        return m_io.fail(outcome.error());
    const double rate = outcome->seconds > 0 ? double(outcome->tried) / outcome->seconds : 0;
    m_io.err() << tr("tried %1 secrets in %2 s (%3 per second)")
                      .arg(outcome->tried)
                      .arg(outcome->seconds, 0, 'f', 2)
                      .arg(rate, 0, 'f', 0)
               << Qt::endl;
    if (!outcome->found) {
        m_io.err() << tr("no candidate secret signs this cookie") << Qt::endl;
        return ExitAuthentication;
    }
    const auto &found = *outcome->found;
    if (found.line > 0)
        m_io.err() << tr("found at line %1 of %2").arg(found.line).arg(found.source) << Qt::endl;
    else if (found.source == QLatin1String("built-in"))
        m_io.err() << tr("found in the built-in list of well-known secrets") << Qt::endl;
    else
        m_io.err() << tr("signed with a known secret: %1").arg(found.source) << Qt::endl;
    QByteArray secret = found.secret.exposeCopy();
    m_io.out() << PythonRepr::textOrBytesLiteral(secret) << Qt::endl;
    wipeByteArray(secret);
    return ExitOk;
}

} // namespace sessionlens::cli
