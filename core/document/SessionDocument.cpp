#include "document/SessionDocument.h"

#include <vector>

#include "json/PythonRepr.h"

#include <QCoreApplication>
#include <algorithm>

namespace sessionlens {

SessionDocument::SessionDocument()
    : m_root(SessionValue::makeDict()), m_original(SessionValue::makeDict())
{
}

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

namespace {

// Levels of containers in a subtree: 0 for a scalar. Iterative, so a subtree of any
// depth (one built in code, not read) is measured without recursion.
int containerDepth(const SessionValue &value)
{
    int deepest = 0;
    std::vector<std::pair<const SessionValue *, int>> stack{{&value, value.isContainer() ? 1 : 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        for (qsizetype i = 0; i < node->size(); ++i) {
            const SessionValue *child = node->child(i);
            if (child->isContainer())
                stack.push_back({child, depth + 1});
        }
    }
    return deepest;
}

} // namespace

Result<Done> SessionDocument::checkPlacement(const SessionPath &path, const SessionValue &value)
{
    // The root container is level 1, so a container at path length L is at level L + 1.
    const qsizetype levels = path.size() + containerDepth(value);
    if (levels > kMaxDepth)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "the session would nest %1 levels deep; at most %2 are allowed")
                               .arg(levels)
                               .arg(kMaxDepth));
    return Done{};
}

} // namespace sessionlens
