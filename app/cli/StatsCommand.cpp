#include "StatsCommand.h"

#include "CookieArgumentOpener.h"
#include "Limits.h"
#include "SignerArguments.h"
#include "document/SessionSealer.h"
#include "formats/CookieText.h"
#include "report/SizeReport.h"
#include "report/SizeVerdict.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace sessionlens::cli {

CommandSyntax StatsCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("stats"),
                         tr("What a cookie costs, stage by stage and key by key."));
    SignerArguments::addOpeningOptions(syntax);
    syntax.addOption({QStringLiteral("json"), tr("Print the report as JSON.")});
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Cookie value or header line, '-' for standard input."),
                                 QStringLiteral("[COOKIE|-]"));
    return syntax;
}

int StatsCommand::execute(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() > 1)
        return m_io.usage(tr("stats takes one cookie argument"));

    // Sizes need no verified signature: a signed cookie whose secret is unknown still has a size.
    CookieArgumentOpener opener(m_io);
    if (auto failed = opener.loadAndOpen(parser, CookieArgumentOpener::Accept::Readable))
        return *failed;
    const CookieText::Extracted &cookie = opener.cookie();
    const CookieOpener::Opened &opened = opener.opened();

    SessionSealer::Options options;
    options.format = opened.format;
    options.signer = opener.options();
    if (!cookie.name.isEmpty())
        options.cookieName = cookie.name;
    // Keep the cookie's own compression choice when it differs from the server rule (formats
    // that compress by their own rule, as Flask's, read no compression option).
    const bool ruleCompresses = EncryptedSessionCodec::shouldCompress(
        opened.json().size(), EncryptedSessionCodec::Compression::Auto);
    if (opened.compressed != ruleCompresses)
        options.compression = opened.compressed ? EncryptedSessionCodec::Compression::Always
                                                : EncryptedSessionCodec::Compression::Never;
    // No key: the report alone, from the same pipeline that seals.
    const SizeReport report = SessionSealer::seal(opened.session(), SecureBytes(), options).report;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = report.toJson();
        object.insert(QStringLiteral("actual_cookie_value_bytes"), cookie.value.size());
        m_io.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        m_io.out().flush();
    } else {
        printTable(report, cookie.value.size());
    }
    return ExitOk;
}

void StatsCommand::printTable(const SizeReport &r, qsizetype actualCookieSize)
{
    QTextStream &out = m_io.out();
    auto row = [&out](const QString &label, qsizetype value, const QString &note = {}) {
        out << label.leftJustified(38) << QString::number(value).rightJustified(8);
        if (!note.isEmpty())
            out << QStringLiteral("  ") << note;
        out << Qt::endl;
    };
    row(tr("JSON plaintext"), r.jsonBytes);
    if (r.compressed)
        row(tr("zlib compressed"), r.compressedBytes,
            tr("%1% of the JSON").arg(r.jsonBytes ? 100 * r.compressedBytes / r.jsonBytes : 0));
    else
        row(tr("zlib compressed"), 0, tr("not compressed (JSON up to 1024 bytes)"));
    for (const SizeReport::Stage &stage : r.stages)
        row(stage.name, stage.bytes);
    row(tr("cookie value"), r.cookieValueBytes,
        actualCookieSize != r.cookieValueBytes
            ? tr("the given cookie has %1 bytes: its plaintext is not what the server writes")
                  .arg(actualCookieSize)
            : QString());
    row(tr("name=value (sent with every request)"), r.nameValueBytes);
    row(tr("Set-Cookie header value"), r.setCookieBytes);
    row(tr("headroom to Werkzeug's %1").arg(SizeReport::kWerkzeugMaxCookieSize), r.werkzeugHeadroom,
        r.werkzeugHeadroom < 0 ? tr("OVER: Werkzeug warns")
        : SizeVerdict::judge(r) == SizeVerdict::Kind::NearLimit
            ? tr("near: less than %1 bytes left").arg(SizeVerdict::kNearLimitHeadroom)
            : QString());
    row(tr("headroom to browsers' %1").arg(SizeReport::kBrowserMaxCookieSize), r.browserHeadroom,
        r.browserHeadroom < 0 ? tr("OVER: browsers drop the cookie") : QString());
    if (r.keys.isEmpty())
        return;
    out << Qt::endl
        << tr("key").leftJustified(24) << tr("JSON bytes").rightJustified(11)
        << tr("share").rightJustified(8) << tr("cookie saving").rightJustified(15) << Qt::endl;
    bool anyEstimated = false;
    for (const SizeReport::KeyShare &share : r.keys) {
        anyEstimated = anyEstimated || share.estimated;
        const double percent =
            r.jsonBytes ? 100.0 * double(share.jsonBytes) / double(r.jsonBytes) : 0.0;
        out << share.key.left(23).leftJustified(24)
            << QString::number(share.jsonBytes).rightJustified(11)
            << (QString::number(percent, 'f', 1) + u'%').rightJustified(8)
            << ((share.estimated ? QStringLiteral("~") : QString()) +
                QString::number(share.cookieSaving))
                   .rightJustified(15)
            << Qt::endl;
    }
    if (anyEstimated)
        out << tr("~ estimated from the key's share of the JSON: only the %1 largest keys are "
                  "measured by compressing "
                  "the session without them.")
                   .arg(limits::kMaxExactKeyShares)
            << Qt::endl;
}

} // namespace sessionlens::cli
