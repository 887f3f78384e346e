#include "EntryPrinter.h"

#include "text/TreeText.h"
#include "json/PythonRepr.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace sessionlens::cli {

std::optional<EntryPrinter::Format> EntryPrinter::formatFromName(const QString &name)
{
    if (name == QLatin1String("tree"))
        return Format::Tree;
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("python"))
        return Format::Python;
    if (name == QLatin1String("jsonl"))
        return Format::Jsonl;
    return std::nullopt;
}

void EntryPrinter::addOption(CommandSyntax &syntax)
{
    syntax.addOption(
        {QStringLiteral("format"),
         tr("Output: tree (default), json, python or jsonl (one JSON object per cookie)."),
         tr("format"), QStringLiteral("tree")},
        CommandOption::Hints::oneOf({QStringLiteral("tree"), QStringLiteral("json"),
                                     QStringLiteral("python"), QStringLiteral("jsonl")}));
}

std::optional<EntryPrinter::Format> EntryPrinter::formatFrom(const QCommandLineParser &parser,
                                                             CliIo &io)
{
    const QString name = parser.value(QStringLiteral("format"));
    const auto format = formatFromName(name);
    if (!format)
        (void)io.usage(tr("unknown format '%1': use tree, json, python or jsonl").arg(name));
    return format;
}

QTextStream &EntryPrinter::notes()
{
    return m_format == Format::Jsonl ? m_io.err() : m_io.out();
}

void EntryPrinter::printClientNote(const Timeline::Entry &entry)
{
    QString note;
    if (entry.identifier)
        // As `decode --user-agent` says it.
        note = tr("session['%1']: %2")
                   .arg(QStringLiteral("_id"), FlaskLoginSession::explain(QStringLiteral("_id")) +
                                                   QStringLiteral(" (") + entry.identifier->text +
                                                   u')');
    else
        // Without an `_id` too, so that a null user_agent is never a silent cut.
        note = entry.cookie.client.refusalNote();
    if (note.isEmpty())
        return;
    if (m_format == Format::Jsonl)
        m_io.err() << tr("note: %1").arg(note) << Qt::endl;
    else
        m_io.out() << QStringLiteral("# ") << note << Qt::endl;
}

void EntryPrinter::print(const Timeline::Entry &entry)
{
    if (m_format == Format::Jsonl) {
        printClientNote(entry);
        m_io.out().flush();
        const QByteArray line =
            QJsonDocument(Timeline::toJson(entry)).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fflush(stdout);
        return;
    }
    const CapturedCookie &c = entry.cookie;
    QTextStream &out = m_io.out();
    QString where = CapturedCookie::sourceName(c.source);
    if (c.pinned && c.source == CapturedCookie::Source::Request)
        where += tr(" (pin)");
    if (c.status >= 0)
        where += u' ' + QString::number(c.status);
    if (!c.url.isEmpty())
        where += u' ' + c.url;
    const bool isSigned = entry.opened.format->keyKind() == CookieFormat::KeyKind::Secret;
    QString what = entry.opened.format->shortName();
    if (!entry.openedWith.isEmpty())
        what += QStringLiteral(", ") +
                (isSigned ? tr("verified with %1") : tr("opened with %1")).arg(entry.openedWith);
    else if (isSigned && entry.readable())
        what += QStringLiteral(", ") + tr("signature not verified");
    out << QStringLiteral("# %1 %2=%3… (%4)")
               .arg(where, QString::fromLatin1(c.name), QString::fromLatin1(c.value.left(12)), what)
        << Qt::endl;
    if (entry.pin == Timeline::PinVerdict::Refused)
        out << tr("# the app rejected the pinned cookie: it answered %1, so it may not have "
                  "opened it (sealed with another key?)")
                   .arg(c.status)
            << Qt::endl;
    else if (entry.pin == Timeline::PinVerdict::NewSession)
        out << tr("# the app rejected the pinned cookie: it could not open it (sealed with "
                  "another key?) and started a new session")
            << Qt::endl;
    if (!entry.readable()) {
        out << tr("# error in the %1 step: %2")
                   .arg(Error::stepName(entry.opened.error->category), entry.opened.error->message)
            << Qt::endl;
        out.flush();
        return;
    }
    if (entry.hasPrevious) {
        if (entry.changes.changes.isEmpty())
            out << tr("# no change since the previous session of this origin") << Qt::endl;
        for (const SessionDiff::Change &change : entry.changes.changes.mid(0, 10))
            out << QStringLiteral("# %1 %2").arg(
                       change.path, change.after.isEmpty() ? tr("removed") : change.after.left(80))
                << Qt::endl;
        const qsizetype more = entry.changes.changes.size() - 10 + entry.changes.omitted;
        if (more > 0)
            out << tr("# … and %1 more changes").arg(more) << Qt::endl;
    }
    printClientNote(entry);
    switch (m_format) {
    case Format::Json:
        out << QString::fromUtf8(entry.opened.json()) << Qt::endl;
        break;
    case Format::Python: {
        auto text = PythonRepr::reprBounded(entry.opened.session());
        out << (text ? text.value() : tr("# %1").arg(text.error().message)) << Qt::endl;
        break;
    }
    default: {
        auto written = TreeText::writeIndented(entry.opened.session(),
                                               [&out](const QString &chunk) { out << chunk; });
        if (!written)
            out << tr("# %1").arg(written.error().message) << Qt::endl;
        break;
    }
    }
    out.flush();
}

} // namespace sessionlens::cli
