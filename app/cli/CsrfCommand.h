#pragma once

#include "Command.h"

#include "document/CookieOpener.h"
#include "document/CsrfTokenCheck.h"

namespace sessionlens::cli {

/// `csrf verify` and `csrf mint`: Flask-WTF's form token against a session cookie, and a valid
/// token for a session a tester crafted (with the session sealed again when it had no raw
/// token).
class CsrfCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CsrfCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    int verify(const QCommandLineParser &parser, const KeyRing &ring,
               const CookieOpener::Opened &session, const CsrfTokenCheck::Options &options);
    int mint(const QCommandLineParser &parser, const KeyRing &ring, qsizetype runEntries,
             const CookieOpener::Opened &session, const CsrfTokenCheck::Options &options,
             const FlaskSignedCodec::Options &signer);
};

} // namespace sessionlens::cli
