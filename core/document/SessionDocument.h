#pragma once

#include "Result.h"
#include "json/PythonJsonReader.h"
#include "json/SessionValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sessionlens {

class CookieFormat;

/// Position of a node: child indices from the root. Stays meaningful across undo/redo,
/// where node addresses do not.
using SessionPath = QList<qsizetype>;

/**
 * The session being inspected: the tree as decoded (kept for comparison), the
 * tree as edited, and where it came from. Edits go through the GUI's undo
 * commands, which address nodes by SessionPath.
 */
class SessionDocument
{
public:
    SessionDocument();

    /// Starts over with a freshly decoded session.
    void reset(SessionValue session, QByteArray originalCookie = {}, QString keyName = {});

    [[nodiscard]] SessionValue &root() { return m_root; }
    [[nodiscard]] const SessionValue &root() const { return m_root; }
    [[nodiscard]] const SessionValue &original() const { return m_original; }
    [[nodiscard]] const QByteArray &originalCookie() const { return m_originalCookie; }
    [[nodiscard]] const QString &keyName() const { return m_keyName; }
    /// The format the session is in: its JSON dialect, and the cookie it is sealed into.
    /// nullptr until one is set (the built-in registry's fallback is meant then).
    [[nodiscard]] const CookieFormat *format() const { return m_format; }
    void setFormat(const CookieFormat *format) { m_format = format; }

    /// Edits may not nest deeper than the reader accepts: every recursive stage (writer,
    /// repr, diff, copy) can then trust the depth.
    static constexpr int kMaxDepth = PythonJsonReader::kDefaultMaxDepth;
    /// Whether `value` may stand at `path` (its containers within kMaxDepth); a `limit` error if
    /// not.
    [[nodiscard]] static Result<Done> checkPlacement(const SessionPath &path,
                                                     const SessionValue &value);

    [[nodiscard]] static SessionPath pathOf(const SessionValue *node);
    [[nodiscard]] SessionValue *nodeAt(const SessionPath &path);
    [[nodiscard]] const SessionValue *nodeAt(const SessionPath &path) const;

private:
    SessionValue m_root;
    SessionValue m_original;
    QByteArray m_originalCookie;
    QString m_keyName;
    const CookieFormat *m_format = nullptr;
};

} // namespace sessionlens
