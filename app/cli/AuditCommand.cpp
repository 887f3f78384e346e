#include "AuditCommand.h"

#include "formats/FormatRegistry.h"

#include "Limits.h"
#include "SignerArguments.h"
#include "audit/FileListAudit.h"
#include "audit/SizeAudit.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace sessionlens::cli {

CommandSyntax AuditCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("audit"),
                         tr("What the session cookies of whole captures cost."));
    SignerArguments::addOpeningOptions(syntax);
    syntax.addOption({QStringLiteral("threads"), tr("Worker threads (default: one per core)."),
                      tr("count"), QStringLiteral("0")});
    syntax.addOption({QStringLiteral("format"),
                      tr("text (default), json or csv (one row per cookie)."), tr("format"),
                      QStringLiteral("text")},
                     CommandOption::Hints::oneOf(
                         {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}));
    syntax.addOption({QStringLiteral("cookie-name"),
                      tr("Name of the session cookie (default: session)."), tr("name"),
                      QStringLiteral("session")});
    syntax.addOption({QStringLiteral("fail-over"),
                      tr("Exit 1 when an opened cookie's Set-Cookie value is longer."),
                      tr("bytes")});
    syntax.addOption(
        {QStringLiteral("baseline"), tr("An earlier JSON report to compare with."), tr("file")},
        CommandOption::Hints::path());
    syntax.addPositionalArgument(QStringLiteral("files"),
                                 tr("Files with one cookie or header line per line, HAR, "
                                    "cookies.txt or browser databases; '-' for standard input."),
                                 QStringLiteral("[FILE...|-]"), true);
    return syntax;
}

int AuditCommand::execute(const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json") &&
        format != QLatin1String("csv"))
        return m_io.usage(tr("unknown format '%1': use text, json or csv").arg(format));
    bool ok = false;
    const int threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || threads < 0 || threads > 256)
        return m_io.usage(tr("--threads takes a count from 0 (one per core) to 256"));
    qsizetype failOver = -1;
    if (parser.isSet(QStringLiteral("fail-over"))) {
        failOver = parser.value(QStringLiteral("fail-over")).toLongLong(&ok);
        if (!ok || failOver < 0)
            return m_io.usage(tr("--fail-over takes a number of bytes"));
    }
    QJsonObject baseline;
    if (parser.isSet(QStringLiteral("baseline"))) {
        auto text = m_io.readAll(parser.value(QStringLiteral("baseline")), limits::kMaxReportBytes);
        if (!text)
            return m_io.fail(text.error());
        QJsonParseError error;
        baseline = QJsonDocument::fromJson(text.value(), &error).object();
        if (error.error != QJsonParseError::NoError ||
            !baseline.contains(QStringLiteral("cookie_bytes")))
            return m_io.fail(Error::make(ErrorCategory::Json,
                                         tr("the baseline is not an audit report"),
                                         parser.value(QStringLiteral("baseline"))));
    }
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files = {QStringLiteral("-")};

    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    SizeAudit::Options options;
    for (qsizetype i = 0; i < ring.size(); ++i)
        options.keys.append(ring.at(i));
    options.signer = loaded->options;
    options.cookieName = parser.value(QStringLiteral("cookie-name")).toUtf8();
    options.threads = threads;

    const bool csv = format == QLatin1String("csv");
    const bool interactive = ::isatty(STDERR_FILENO) != 0;
    QByteArray csvBuffer;
    const auto flushCsv = [&csvBuffer] {
        std::fwrite(csvBuffer.constData(), 1, std::size_t(csvBuffer.size()), stdout);
        std::fflush(stdout);
        csvBuffer.clear();
    };
    if (csv)
        csvBuffer.append("line,format,step,cookie_bytes,plaintext_bytes,compressed\n");
    const FileListAudit::RowSink rowSink = [&](int, const QList<SizeAudit::Row> &rows) {
        for (const SizeAudit::Row &row : rows) {
            csvBuffer.append(QByteArray::number(row.line))
                .append(',')
                .append(row.format.toLatin1())
                .append(',')
                .append(row.step.toLatin1())
                .append(',')
                .append(QByteArray::number(row.cookieBytes))
                .append(',')
                .append(QByteArray::number(row.plaintextBytes))
                .append(',')
                .append(row.compressed ? "true" : "false")
                .append('\n');
        }
        if (csvBuffer.size() > limits::kOutputBufferBytes)
            flushCsv();
    };
    QElapsedTimer clock;
    clock.start();
    const FileListAudit::Outcome outcome = FileListAudit::run(
        files, options, csv ? rowSink : FileListAudit::RowSink{},
        [&](const SizeAudit::Progress &p) {
            if (!interactive)
                return;
            const double seconds = std::max(0.001, double(clock.elapsed()) / 1000.0);
            QString line =
                tr("%1 cookies, %2/s").arg(p.cookies).arg(double(p.cookies) / seconds, 0, 'f', 0);
            if (p.bytesTotal > 0 && p.bytesDone > 0)
                line += tr(", about %1 s left")
                            .arg(seconds * double(p.bytesTotal - p.bytesDone) / double(p.bytesDone),
                                 0, 'f', 0);
            m_io.err() << '\r' << line << "   ";
            m_io.err().flush();
        });
    if (interactive)
        m_io.err() << '\r' << QString(60, u' ') << '\r';
    for (const FileListAudit::FileWarning &warning : outcome.warnings)
        m_io.err() << tr("warning: %1: %2").arg(files.at(warning.file), warning.text) << Qt::endl;
    // Every file that could not be read is named; the report covers the others, and the exit
    // code is the first failure's.
    int exitCode = ExitOk;
    for (const FileListAudit::FileError &failure : outcome.failures) {
        Error error = failure.error;
        if (error.detail != files.at(failure.file))
            error.message = QStringLiteral("%1: %2").arg(files.at(failure.file), error.message);
        const int code = m_io.fail(error);
        if (exitCode == ExitOk)
            exitCode = code;
    }
    m_io.err().flush();
    const SizeAudit::Report &report = outcome.report;

    QJsonObject json = report.toJson();
    if (csv) {
        flushCsv();
    } else if (format == QLatin1String("json")) {
        if (!baseline.isEmpty()) {
            QJsonObject changes;
            printBaseline(json, baseline, &changes);
            json.insert(QStringLiteral("baseline_changes"), changes);
        }
        m_io.out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        printText(json);
        if (!baseline.isEmpty())
            printBaseline(json, baseline, nullptr);
    }
    m_io.out().flush();
    if (failOver >= 0 && report.largestSetCookie > failOver) {
        m_io.err() << tr("an opened cookie's Set-Cookie value is %1 bytes, over --fail-over %2")
                          .arg(report.largestSetCookie)
                          .arg(failOver)
                   << Qt::endl;
        return exitCode == ExitOk ? 1 : exitCode;
    }
    return exitCode;
}

void AuditCommand::printText(const QJsonObject &r)
{
    QTextStream &out = m_io.out();
    out << tr("cookies:    %1").arg(r[QStringLiteral("cookies")].toInteger()) << Qt::endl
        << tr("opened:     %1").arg(r[QStringLiteral("opened")].toInteger()) << Qt::endl;
    const QJsonObject failed = r[QStringLiteral("failed")].toObject();
    for (auto it = failed.begin(); it != failed.end(); ++it)
        out << tr("failed:     %1 in the %2 step").arg(it.value().toInteger()).arg(it.key())
            << Qt::endl;
    const QJsonObject formats = r[QStringLiteral("formats")].toObject();
    // Every registered format, in registration order, by its short name.
    QStringList counts;
    for (const CookieFormat *format : FormatRegistry::builtIn().formats())
        counts.append(tr("%1 %2").arg(formats[format->id()].toInteger()).arg(format->shortName()));
    out << tr("formats:    %1, %2 of no known shape; %3 compressed")
               .arg(counts.join(QStringLiteral(", ")))
               .arg(formats[QStringLiteral("unknown")].toInteger())
               .arg(r[QStringLiteral("compressed")].toInteger())
        << Qt::endl
        << tr("over 4093:  %1 (Werkzeug warns)   over 4096: %2 (browsers drop them)")
               .arg(r[QStringLiteral("over_4093")].toInteger())
               .arg(r[QStringLiteral("over_4096")].toInteger())
        << Qt::endl
        << Qt::endl;
    out << QStringLiteral("%1%2%3%4%5%6%7")
               .arg(QString(), -18)
               .arg(QStringLiteral("min"), 8)
               .arg(QStringLiteral("p50"), 8)
               .arg(QStringLiteral("p95"), 8)
               .arg(QStringLiteral("p99"), 8)
               .arg(QStringLiteral("max"), 8)
               .arg(QStringLiteral("mean"), 10)
        << Qt::endl;
    for (const char *field : {"cookie_bytes", "plaintext_bytes"}) {
        const QJsonObject d = r[QLatin1String(field)].toObject();
        out << QStringLiteral("%1%2%3%4%5%6%7")
                   .arg(QLatin1String(field), -18)
                   .arg(d[QStringLiteral("min")].toInteger(), 8)
                   .arg(d[QStringLiteral("p50")].toInteger(), 8)
                   .arg(d[QStringLiteral("p95")].toInteger(), 8)
                   .arg(d[QStringLiteral("p99")].toInteger(), 8)
                   .arg(d[QStringLiteral("max")].toInteger(), 8)
                   .arg(d[QStringLiteral("mean")].toDouble(), 10, 'f', 1)
            << Qt::endl;
    }
    const QJsonArray top = r[QStringLiteral("top_keys")].toArray();
    if (top.isEmpty())
        return;
    out << Qt::endl << tr("top keys (bytes of \"key\": value in the plaintext)") << Qt::endl;
    for (qsizetype i = 0; i < std::min<qsizetype>(top.size(), 20); ++i) {
        const QJsonObject k = top[i].toObject();
        // Numbers padded inside their phrases, so that the columns line up in any language.
        out << QStringLiteral("  %1%2  %3")
                   .arg(k[QStringLiteral("key")].toString().left(30), -32)
                   .arg(tr("%1 bytes").arg(k[QStringLiteral("json_bytes")].toInteger(), 12))
                   .arg(tr("in %1 cookies").arg(k[QStringLiteral("cookies")].toInteger(), 9))
            << Qt::endl;
    }
}

void AuditCommand::printBaseline(const QJsonObject &report, const QJsonObject &baseline,
                                 QJsonObject *changes)
{
    QTextStream &out = m_io.out();
    if (!changes)
        out << Qt::endl << tr("compared with the baseline:") << Qt::endl;
    for (const char *field : {"cookie_bytes", "plaintext_bytes"}) {
        QJsonObject fieldChanges;
        for (const char *stat : {"min", "p50", "p95", "p99", "max"}) {
            const qint64 now = report[QLatin1String(field)][QLatin1String(stat)].toInteger();
            const qint64 before = baseline[QLatin1String(field)][QLatin1String(stat)].toInteger();
            fieldChanges.insert(QLatin1String(stat), now - before);
            if (!changes)
                out << QStringLiteral("  %1 %2: %3 -> %4 (%5%6)")
                           .arg(QLatin1String(field), QLatin1String(stat))
                           .arg(before)
                           .arg(now)
                           .arg(now >= before ? QStringLiteral("+") : QString())
                           .arg(now - before)
                    << Qt::endl;
        }
        if (changes)
            changes->insert(QLatin1String(field), fieldChanges);
    }
    QHash<QString, qint64> before;
    for (const QJsonValue k : baseline[QStringLiteral("top_keys")].toArray())
        before.insert(k[QStringLiteral("key")].toString(),
                      k[QStringLiteral("json_bytes")].toInteger());
    QJsonObject growth;
    for (const QJsonValue k : report[QStringLiteral("top_keys")].toArray()) {
        const QString key = k[QStringLiteral("key")].toString();
        const qint64 now = k[QStringLiteral("json_bytes")].toInteger();
        const qint64 was = before.value(key, 0);
        growth.insert(key, now - was);
        if (!changes)
            out << QStringLiteral("  key %1: %2 -> %3 bytes (%4%5)%6")
                       .arg(key)
                       .arg(was)
                       .arg(now)
                       .arg(now >= was ? QStringLiteral("+") : QString())
                       .arg(now - was)
                       .arg(before.contains(key) ? QString() : tr(", new"))
                << Qt::endl;
    }
    if (changes)
        changes->insert(QStringLiteral("top_keys"), growth);
}

} // namespace sessionlens::cli
