#include "document/SessionDocument.h"

#include "json/PythonRepr.h"

#include <algorithm>

namespace sessionlens {

SessionDocument::SessionDocument() : m_root(SessionValue::makeDict()), m_original(SessionValue::makeDict()) {}

void SessionDocument::reset(SessionValue session, QByteArray originalCookie, QString keyName)
{
    m_original = session;
    m_root = std::move(session);
    m_originalCookie = std::move(originalCookie);
    m_keyName = std::move(keyName);
}

SessionPath SessionDocument::pathOf(const SessionValue *node)
{
    SessionPath path;
    while (node && node->parent()) {
        path.append(node->indexInParent());
        node = node->parent();
    }
    std::reverse(path.begin(), path.end());
    return path;
}

SessionValue *SessionDocument::nodeAt(const SessionPath &path)
{
    SessionValue *node = &m_root;
    for (const qsizetype index : path) {
        if (index < 0 || index >= node->size())
            return nullptr;
        node = node->child(index);
    }
    return node;
}

const SessionValue *SessionDocument::nodeAt(const SessionPath &path) const
{
    return const_cast<SessionDocument *>(this)->nodeAt(path);
}

QString SessionDocument::displayPath(const SessionValue *node)
{
    QStringList parts;
    while (node && node->parent()) {
        if (node->parent()->isSequence())
            parts.prepend(QStringLiteral("[%1]").arg(node->indexInParent()));
        else
            parts.prepend(QStringLiteral("[%1]").arg(PythonRepr::stringRepr(node->key())));
        node = node->parent();
    }
    return QStringLiteral("session") + parts.join(QString());
}

} // namespace sessionlens
