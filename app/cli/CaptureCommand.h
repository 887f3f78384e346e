#pragma once

#include "Command.h"
#include "capture/CookieJar.h"
#include "capture/HttpCapture.h"

#include <optional>

namespace sessionlens::cli {

/// `capture`: send one request and print each session cookie the responses set, decoded.
/// Takes curl's habits where they overlap: -X, -H, -d (a form unless -H names a type),
/// --json, -b (cookies from a string or a cookie file) and -c (the cookie file to write), so
/// that a shell script can log in with one run and go on with the session in the next.
class CaptureCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CaptureCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    /// What -b/--cookie holds, decided as curl does (a '=' makes it cookies, otherwise it
    /// names a file), except that a session cookie value goes as --cookie always sent it.
    enum class CookieArgument
    {
        SessionValue,
        Pairs,
        File
    };
    [[nodiscard]] static CookieArgument classify(const QString &argument);
    /// The session cookie and the other cookies to send, from --cookie-name, --cookie-file
    /// and -b/--cookie; a file given to -b fills `jar`.
    [[nodiscard]] Result<Done> readCookies(const QCommandLineParser &parser,
                                           HttpCapture::Request &request, CookieJar &jar);
    /// The body, its Content-Type (and Accept for --json) as curl sends them, and POST when
    /// a body comes without a method; an exit code on a usage error or a failed read.
    [[nodiscard]] std::optional<int> readBody(const QCommandLineParser &parser,
                                              HttpCapture::Request &request);
};

} // namespace sessionlens::cli
