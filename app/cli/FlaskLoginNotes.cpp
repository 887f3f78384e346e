#include "FlaskLoginNotes.h"

#include "StoredKeys.h"
#include "formats/RememberCookieFormat.h"

namespace sessionlens::cli {

void FlaskLoginNotes::addOptions(CommandSyntax &syntax)
{
    syntax.addOption({QStringLiteral("user-agent"),
                      tr("Check Flask-Login's _id against this User-Agent."), tr("text")});
    syntax.addOption({QStringLiteral("remote-addr"),
                      tr("The client address for the _id check (default 127.0.0.1)."),
                      tr("address")});
}

std::optional<FlaskLoginSession::Client> FlaskLoginNotes::client(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("user-agent")))
        return std::nullopt;
    FlaskLoginSession::Client client;
    client.userAgent = parser.value(QStringLiteral("user-agent")).toUtf8();
    client.remoteAddress = parser.isSet(QStringLiteral("remote-addr"))
                               ? parser.value(QStringLiteral("remote-addr")).toUtf8()
                               : QByteArray(kLocalAddress);
    return client;
}

void FlaskLoginNotes::print(CliIo &io, const OpenedCookie &opened, const KeyRing &ring,
                            const std::optional<FlaskLoginSession::Client> &client)
{
    if (opened.detailsAs<RememberCookieFormat::Details>()) {
        const SessionValue *userId =
            opened.session().size() == 1 ? opened.session().child(0) : nullptr;
        io.err() << tr("Flask-Login remember cookie for user id \"%1\"")
                        .arg(userId ? userId->stringValue() : QString())
                 << Qt::endl;
        if (!opened.verified.has_value())
            io.err() << tr("note: the digest was not checked (give --secret to verify it)")
                     << Qt::endl;
        else if (*opened.verified)
            io.err() << tr("digest valid: %1")
                            .arg(opened.keyIndex >= 0
                                     ? StoredKeys::describe(ring.at(opened.keyIndex))
                                     : tr("the empty secret"))
                     << Qt::endl;
        return;
    }
    for (const FlaskLoginSession::KeyNote &note :
         FlaskLoginSession::notes(opened.session(), client))
        io.err() << tr("note: session['%1']: %2").arg(note.key, note.explanation) << Qt::endl;
}

} // namespace sessionlens::cli
