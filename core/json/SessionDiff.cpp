#include "json/SessionDiff.h"

#include "json/PythonRepr.h"

#include <QCoreApplication>
#include <QHash>

#include <vector>

namespace sessionlens {

namespace {

class DiffWalker
{
public:
    DiffWalker(const SessionDiff::Options &options, SessionDiff::Result &result)
        : m_options(options), m_result(result)
    {
    }

    void walk(const SessionValue &a, const SessionValue &b)
    {
        if (a.type() != b.type() || !a.isContainer()) {
            if (a != b)
                record(SessionDiff::Kind::Changed, &a, &b);
            return;
        }
        if (a.isSequence()) {
            const qsizetype common = std::min(a.size(), b.size());
            for (qsizetype i = 0; i < common; ++i)
                descend(a, i, [&] { walk(*a.child(i), *b.child(i)); });
            for (qsizetype i = common; i < a.size(); ++i)
                descend(a, i, [&] { record(SessionDiff::Kind::Removed, a.child(i), nullptr); });
            for (qsizetype i = common; i < b.size(); ++i)
                descend(b, i, [&] { record(SessionDiff::Kind::Added, nullptr, b.child(i)); });
            return;
        }
        const QHash<QString, qsizetype> inB = keyIndex(b);
        for (qsizetype i = 0; i < a.size(); ++i) {
            const SessionValue &left = *a.child(i);
            const qsizetype j = inB.value(left.key(), -1);
            descend(a, i, [&] {
                if (j < 0) {
                    record(SessionDiff::Kind::Removed, &left, nullptr);
                    return;
                }
                if (j != i)
                    emitMove(i, j);
                walk(left, *b.child(j));
            });
        }
        const QHash<QString, qsizetype> inA = keyIndex(a);
        for (qsizetype j = 0; j < b.size(); ++j) {
            if (!inA.contains(b.child(j)->key()))
                descend(b, j, [&] { record(SessionDiff::Kind::Added, nullptr, b.child(j)); });
        }
    }

private:
    static QHash<QString, qsizetype> keyIndex(const SessionValue &dict)
    {
        QHash<QString, qsizetype> index;
        index.reserve(dict.size());
        for (qsizetype i = 0; i < dict.size(); ++i)
            index.insert(dict.child(i)->key(), i);
        return index;
    }

    template <typename Body> void descend(const SessionValue &container, qsizetype index, Body body)
    {
        m_trail.push_back({&container, index});
        body();
        m_trail.pop_back();
    }

    bool full()
    {
        if (m_result.changes.size() < m_options.maxChanges)
            return false;
        ++m_result.omitted;
        return true;
    }

    QString path() const
    {
        QString out = QStringLiteral("session");
        for (const auto &[container, index] : m_trail) {
            if (container->isSequence())
                out += QStringLiteral("[%1]").arg(index);
            else
                out += u'[' + PythonRepr::stringRepr(container->child(index)->key()) + u']';
        }
        return out;
    }

    QString valueText(const SessionValue *value) const
    {
        if (!value)
            return {};
        auto text = PythonRepr::reprBounded(*value, m_options.maxValueChars);
        if (text)
            return std::move(text).value();
        // Too long to show whole: the start and a count of what is left out.
        auto whole = PythonRepr::reprBounded(*value, limits::kMaxOutputChars);
        const qsizetype total = whole ? whole->size() : -1;
        QString shown = whole ? whole->left(m_options.maxValueChars) : QString();
        if (total >= 0)
            return shown +
                   QCoreApplication::translate("sessionlens::Note", "… (%1 more characters)")
                       .arg(total - shown.size());
        return QCoreApplication::translate("sessionlens::Note", "… (more than %1 characters)")
            .arg(limits::kMaxOutputChars);
    }

    void record(SessionDiff::Kind kind, const SessionValue *before, const SessionValue *after)
    {
        if (full())
            return;
        m_result.changes.append({kind, path(), valueText(before), valueText(after)});
    }

    void emitMove(qsizetype from, qsizetype to)
    {
        if (full())
            return;
        m_result.changes.append({SessionDiff::Kind::Moved, path(), QStringLiteral("#%1").arg(from),
                                 QStringLiteral("#%1").arg(to)});
    }

    const SessionDiff::Options &m_options;
    SessionDiff::Result &m_result;
    std::vector<std::pair<const SessionValue *, qsizetype>> m_trail;
};

} // namespace

SessionDiff::Result SessionDiff::compare(const SessionValue &before, const SessionValue &after,
                                         const Options &options)
{
    Result result;
    DiffWalker(options, result).walk(before, after);
    return result;
}

SessionDiff::Result SessionDiff::compare(const SessionValue &before, const SessionValue &after)
{
    return compare(before, after, Options{});
}

} // namespace sessionlens
