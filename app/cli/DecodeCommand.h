#pragma once

#include "CliIo.h"
#include "formats/FlaskSignedCodec.h"

#include <QStringList>

namespace sessionlens {
class KeyRing;
}

namespace sessionlens::cli {

/// `decode`: open cookies with the given keys and print the session.
class DecodeCommand
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)

public:
    explicit DecodeCommand(CliIo &io) : m_io(io) {}
    int run(const QStringList &arguments);

private:
    enum class OutputFormat
    {
        Tree,
        Json,
        Python
    };
    int decodeLines(const QString &path, KeyRing &ring, OutputFormat format);

    CliIo &m_io;
    FlaskSignedCodec::Options m_options;
};

} // namespace sessionlens::cli
