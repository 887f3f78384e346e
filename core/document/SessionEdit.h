#pragma once

#include "Result.h"
#include "document/SessionDocument.h"
#include "json/SessionPathText.h"
#include "json/SessionValue.h"

#include <QStringList>
#include <QStringView>

namespace sessionlens {

class CookieFormat;

/**
 * One edit of a session addressed by a path text (SessionPathText), as a script gives it:
 * set a value, delete a node, rename a key. The operations are the tree's own (assign, insert
 * entry, take, rename child) that the window's undo steps apply, under the same placement
 * check (SessionDocument::checkPlacement), so a script cannot build what the window refuses.
 */
class SessionEdit
{
public:
    enum class Kind
    {
        Set,
        Delete,
        Rename,
    };

    /// `PATH=JSON`, the value read in `format`'s dialect (big integers, NaN, bytes and tagged
    /// types keep their types). A path's syntax is a `format` error, the value's the reader's
    /// (`json`, `encoding`, `limit`); the reader's notes go to `warnings`.
    [[nodiscard]] static Result<SessionEdit> set(QStringView text, const CookieFormat &format,
                                                 QStringList *warnings = nullptr);
    /// `PATH`.
    [[nodiscard]] static Result<SessionEdit> remove(QStringView text);
    /// `PATH=KEY`: the key is the text after the first `=` after the path, as it is.
    [[nodiscard]] static Result<SessionEdit> rename(QStringView text);

    /// Applies the edit to the document's session. A path that leads nowhere is a `json` error
    /// naming the step; so is setting the session itself to anything but a dict, deleting or
    /// renaming it, or renaming onto a key that exists. Nesting too deep is a `limit` error.
    /// Nothing changes when it fails.
    [[nodiscard]] Result<Done> applyTo(SessionDocument &document) const;

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const SessionPathText::Steps &steps() const { return m_steps; }
    [[nodiscard]] const SessionValue &value() const { return m_value; }
    [[nodiscard]] const QString &newKey() const { return m_newKey; }

private:
    [[nodiscard]] Result<Done> applySet(SessionDocument &document) const;

    Kind m_kind = Kind::Set;
    SessionPathText::Steps m_steps;
    SessionValue m_value;
    QString m_newKey;
};

} // namespace sessionlens
