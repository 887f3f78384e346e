#pragma once

#include "Command.h"
#include "formats/FlaskSignedCodec.h"

#include <QStringList>

namespace sessionlens {
class KeyRing;
}

namespace sessionlens::cli {

/// `decode`: open cookies with the given keys and print the session.
class DecodeCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)

public:
    using Command::Command;
    [[nodiscard]] CommandSyntax syntax() const override;

protected:
    int execute(const QCommandLineParser &parser) override;

private:
    enum class OutputFormat
    {
        Tree,
        Json,
        Python
    };
    int decodeLines(const QString &path, const KeyRing &ring, OutputFormat format);

    FlaskSignedCodec::Options m_options;
};

} // namespace sessionlens::cli
