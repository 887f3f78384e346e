#include "json/SessionDiff.h"

#include "json/PythonRepr.h"

namespace sessionlens {

namespace {

QString childPath(const QString &parent, const SessionValue &container, qsizetype index)
{
    if (container.isSequence())
        return parent + QStringLiteral("[%1]").arg(index);
    return parent + u'[' + PythonRepr::stringRepr(container.child(index)->key()) + u']';
}

void walk(const SessionValue &a, const SessionValue &b, const QString &path,
          QList<SessionDiff::Change> &out)
{
    if (a.type() != b.type() || !a.isContainer()) {
        if (a != b)
            out.append({SessionDiff::Kind::Changed, path, PythonRepr::repr(a), PythonRepr::repr(b)});
        return;
    }
    if (a.isSequence()) {
        const qsizetype common = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < common; ++i)
            walk(*a.child(i), *b.child(i), childPath(path, a, i), out);
        for (qsizetype i = common; i < a.size(); ++i)
            out.append({SessionDiff::Kind::Removed, childPath(path, a, i), PythonRepr::repr(*a.child(i)), {}});
        for (qsizetype i = common; i < b.size(); ++i)
            out.append({SessionDiff::Kind::Added, childPath(path, b, i), {}, PythonRepr::repr(*b.child(i))});
        return;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const SessionValue &left = *a.child(i);
        const qsizetype j = b.indexOfKey(left.key());
        if (j < 0) {
            out.append({SessionDiff::Kind::Removed, childPath(path, a, i), PythonRepr::repr(left), {}});
            continue;
        }
        if (j != i)
            out.append({SessionDiff::Kind::Moved, childPath(path, a, i), QStringLiteral("#%1").arg(i),
                        QStringLiteral("#%1").arg(j)});
        walk(left, *b.child(j), childPath(path, a, i), out);
    }
    for (qsizetype j = 0; j < b.size(); ++j) {
        if (a.indexOfKey(b.child(j)->key()) < 0)
            out.append({SessionDiff::Kind::Added, childPath(path, b, j), {}, PythonRepr::repr(*b.child(j))});
    }
}

} // namespace

QList<SessionDiff::Change> SessionDiff::compare(const SessionValue &before, const SessionValue &after)
{
    QList<Change> out;
    walk(before, after, QStringLiteral("session"), out);
    return out;
}

} // namespace sessionlens
