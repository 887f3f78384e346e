#pragma once

#include "CliIo.h"
#include "CommandSyntax.h"
#include "formats/FlaskLoginSession.h"
#include "formats/OpenedCookie.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>

#include <optional>

namespace sessionlens::cli {

/// What `decode` says on stderr about Flask-Login: a remember cookie's user and digest, and the
/// Flask-Login keys of a session with what each holds (`_id` checked against --user-agent and
/// --remote-addr when given).
class FlaskLoginNotes
{
    Q_DECLARE_TR_FUNCTIONS(FlaskLoginNotes)

public:
    /// The address Flask sees for a local capture or a request from this machine.
    static constexpr char kLocalAddress[] = "127.0.0.1";

    static void addOptions(CommandSyntax &syntax);
    /// The client to check `_id` against: given with --user-agent (the address defaults to
    /// 127.0.0.1); nullopt without it.
    [[nodiscard]] static std::optional<FlaskLoginSession::Client>
    client(const QCommandLineParser &parser);
    /// The lines for one opened cookie; nothing when it has nothing of Flask-Login.
    static void print(CliIo &io, const OpenedCookie &opened, const KeyRing &ring,
                      const std::optional<FlaskLoginSession::Client> &client);
};

} // namespace sessionlens::cli
