#pragma once

#include "CliIo.h"
#include "capture/Timeline.h"

#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

/// Prints timeline entries for capture, import, proxy and watch, flushed one by one so
/// that a pipe sees each entry as it happens.
class EntryPrinter
{
    Q_DECLARE_TR_FUNCTIONS(EntryPrinter)

public:
    enum class Format
    {
        Tree,
        Json,
        Python,
        Jsonl
    };

    /// "tree", "json", "python" or "jsonl"; nullopt for anything else.
    [[nodiscard]] static std::optional<Format> formatFromName(const QString &name);
    static void addOption(CommandSyntax &syntax);
    /// The --format of a parser with addOption(); an unknown name is reported as a usage error.
    [[nodiscard]] static std::optional<Format> formatFrom(const QCommandLineParser &parser,
                                                          CliIo &io);

    EntryPrinter(CliIo &io, Format format) : m_io(io), m_format(format) {}
    void print(const Timeline::Entry &entry);
    /// Lines for people (hops, notes): stdout in the readable formats, stderr with jsonl.
    QTextStream &notes();

private:
    /// Flask-Login's `_id` checked against the record's client, when the session has one;
    /// otherwise that the record's User-Agent was refused for its length, when it was.
    void printClientNote(const Timeline::Entry &entry);

    CliIo &m_io;
    Format m_format;
};

} // namespace sessionlens::cli
