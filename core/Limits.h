#pragma once

#include <QtGlobal>

namespace sessionlens::limits {

/// A signed cookie needs no key to open, so every stage after the reader sees
/// shapes an attacker chose. Each stage has a named bound here; reaching one is
/// a `limit` error (or, for warnings and diffs, a counted remainder), never a
/// silent cut.

/// Nodes a decoded session may hold. 8 MiB of inflated JSON could otherwise
/// become four million heap nodes.
inline constexpr qsizetype kMaxNodes = 500'000;
/// Characters of text (tree, repr) rendered for one session.
inline constexpr qsizetype kMaxOutputChars = 64 * 1024 * 1024;
/// Indentation levels the tree text draws; deeper lines carry their depth instead.
inline constexpr int kMaxIndentLevels = 32;
/// Warnings kept for one cookie; the rest are counted in a last line.
inline constexpr qsizetype kMaxWarnings = 100;
/// Changes one comparison lists; the rest are counted.
inline constexpr qsizetype kMaxDiffChanges = 10'000;
/// Characters of one value shown in a change; longer values end in a counted ellipsis.
inline constexpr qsizetype kMaxDiffValueChars = 4'096;
/// Top-level keys whose share of a compressed cookie is measured by deflating the
/// session without them; the others are estimated from their JSON share, so that
/// a report stays linear in the session size.
inline constexpr qsizetype kMaxExactKeyShares = 64;
/// One line of a wordlist or a batch input.
inline constexpr qsizetype kMaxLineBytes = 1024 * 1024;
/// Worker threads a command may ask for.
inline constexpr int kMaxThreads = 256;
/// Chunk of standard input read at a time (reads continue to EOF or the input limit).
inline constexpr qsizetype kReadChunkBytes = 64 * 1024;
/// A cookie value either codec accepts: far above any browser's 4 KiB, far below memory trouble.
inline constexpr qsizetype kMaxCookieBytes = 1024 * 1024;
/// A JSON report read back (the audit's --baseline).
inline constexpr qsizetype kMaxReportBytes = 64 * 1024 * 1024;
/// Output gathered before one write to standard output, so a batch makes few system calls.
inline constexpr qsizetype kOutputBufferBytes = 1024 * 1024;
/// Key text read from standard input (`key inspect -`), as a key file.
inline constexpr qsizetype kMaxKeyTextBytes = 64 * 1024;

} // namespace sessionlens::limits
