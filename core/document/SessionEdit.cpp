#include "document/SessionEdit.h"

#include "formats/CookieFormat.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

// The path at the start of `text` and where it ends; `separator`: whether `=` must follow.
Result<SessionPathText::Parsed> pathBefore(QStringView text, bool separator)
{
    auto parsed = SessionPathText::parsePrefix(text);
    if (!parsed)
        return parsed.error();
    const bool hasSeparator = parsed->end < text.size() && text[parsed->end] == u'=';
    if (separator && !hasSeparator)
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "PATH=VALUE expected: no = after the path"),
                           {}, -1, parsed->end);
    if (!separator && parsed->end != text.size())
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "path, character %1: unexpected text "
                                                       "after the path")
                               .arg(parsed->end + 1),
                           {}, -1, parsed->end);
    return parsed;
}

Error jsonError(const QString &message)
{
    return Error::make(ErrorCategory::Json, message);
}

} // namespace

Result<SessionEdit> SessionEdit::set(QStringView text, const CookieFormat &format,
                                     QStringList *warnings)
{
    auto path = pathBefore(text, true);
    if (!path)
        return path.error();
    // The value's own member order is kept, as `seal` keeps a file's.
    PythonJsonReader::Options options = format.readerOptions();
    options.moveTypeKey = false;
    auto value = PythonJsonReader::read(text.mid(path->end + 1).toUtf8(), options, warnings);
    if (!value)
        return value.error();
    SessionEdit edit;
    edit.m_kind = Kind::Set;
    edit.m_steps = std::move(path->steps);
    edit.m_value = std::move(value).value();
    return edit;
}

Result<SessionEdit> SessionEdit::remove(QStringView text)
{
    auto path = pathBefore(text, false);
    if (!path)
        return path.error();
    SessionEdit edit;
    edit.m_kind = Kind::Delete;
    edit.m_steps = std::move(path->steps);
    return edit;
}

Result<SessionEdit> SessionEdit::rename(QStringView text)
{
    auto path = pathBefore(text, true);
    if (!path)
        return path.error();
    SessionEdit edit;
    edit.m_kind = Kind::Rename;
    edit.m_steps = std::move(path->steps);
    edit.m_newKey = text.mid(path->end + 1).toString();
    return edit;
}

Result<Done> SessionEdit::applyTo(SessionDocument &document) const
{
    if (m_kind == Kind::Set)
        return applySet(document);
    if (m_steps.isEmpty())
        return jsonError(m_kind == Kind::Delete
                             ? QCoreApplication::translate("sessionlens::Error",
                                                           "the session itself cannot be deleted")
                             : QCoreApplication::translate("sessionlens::Error",
                                                           "the session itself has no key to "
                                                           "rename"));
    auto path = SessionPathText::resolve(document.root(), m_steps);
    if (!path)
        return path.error();
    SessionValue *node = document.nodeAt(*path);
    SessionValue *parent = node->parent();
    if (m_kind == Kind::Delete) {
        parent->remove(node->indexInParent());
        return Done{};
    }
    if (parent->type() != SessionValue::Type::Dict)
        return jsonError(
            QCoreApplication::translate("sessionlens::Error",
                                        "%1 is an item of a %2, not a key: it cannot be renamed")
                .arg(PythonRepr::path(node), SessionValue::typeName(parent->type())));
    const QString where = PythonRepr::path(node);
    if (node->key() != m_newKey && !parent->renameChild(node->indexInParent(), m_newKey))
        return jsonError(QCoreApplication::translate("sessionlens::Error",
                                                     "%1 cannot be renamed to %2: %3 exists")
                             .arg(where, PythonRepr::stringRepr(m_newKey),
                                  PythonRepr::path(parent->value(m_newKey))));
    return Done{};
}

Result<Done> SessionEdit::applySet(SessionDocument &document) const
{
    if (m_steps.isEmpty()) {
        if (auto notSession = SessionDialect::checkIsSession(m_value))
            return *notSession;
        if (auto placed = SessionDocument::checkPlacement({}, m_value); !placed)
            return placed.error();
        document.root().assign(m_value);
        return Done{};
    }
    auto parentPath = SessionPathText::resolve(document.root(), m_steps.mid(0, m_steps.size() - 1));
    if (!parentPath)
        return parentPath.error();
    SessionValue *parent = document.nodeAt(*parentPath);
    const SessionPathText::Step &last = m_steps.constLast();
    auto index = SessionPathText::childIndex(*parent, last, PythonRepr::path(parent));
    SessionPath path = *parentPath;
    if (index) {
        path.append(*index);
        if (auto placed = SessionDocument::checkPlacement(path, m_value); !placed)
            return placed.error();
        parent->child(*index)->assign(m_value);
        return Done{};
    }
    // A new key of a dict, or an item just past a list's end, is added where the window's Add
    // puts it: at the end.
    const bool newKey = parent->type() == SessionValue::Type::Dict &&
                        last.kind != SessionPathText::Step::Kind::Index;
    const bool append = parent->isSequence() && last.kind != SessionPathText::Step::Kind::Key &&
                        last.index == parent->size();
    if (!newKey && !append)
        return index.error();
    path.append(parent->size());
    if (auto placed = SessionDocument::checkPlacement(path, m_value); !placed)
        return placed.error();
    if (newKey)
        parent->insertEntry(parent->size(), last.key, m_value);
    else
        parent->insert(parent->size(), m_value);
    return Done{};
}

} // namespace sessionlens
