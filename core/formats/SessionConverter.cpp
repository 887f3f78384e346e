#include "formats/SessionConverter.h"

#include "json/FlaskTags.h"
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"
#include "json/TagDecoder.h"
#include <QCoreApplication>

namespace sessionlens {

namespace {

// What the seed's object hook makes of a dict holding "__type__": the dict is replaced by
// what the hook returns, with a note, or the error that drops the whole session.
void applySeedHook(SessionValue &node, SessionConverter::Converted &out)
{
    const qsizetype typeIndex = node.indexOfKey(QStringLiteral("__type__"));
    if (typeIndex < 0)
        return;
    const SessionValue *type = node.child(typeIndex);
    const bool bytesMarker =
        type->type() == SessionValue::Type::String && type->stringValue() == QLatin1String("bytes");
    if (!bytesMarker) {
        if (typeIndex == node.size() - 1)
            return;
        out.notes.append({PythonRepr::path(&node), TagDecoder::typeKeyMovedNote()});
        node.move(typeIndex, node.size() - 1);
        return;
    }
    const QString path = PythonRepr::path(&node);
    QString problem;
    if (auto refused =
            TagDecoder::apply(node, PythonJsonReader::Dialect::EncryptedSession, nullptr)) {
        problem = *refused;
    }
    if (!problem.isEmpty()) {
        if (!out.error)
            out.error = Error::make(
                ErrorCategory::Format,
                QCoreApplication::translate("sessionlens::Error",
                                            "%1: a dict shaped like EncryptedSession's bytes "
                                            "marker that its server cannot load (%2): it would "
                                            "drop the whole session")
                    .arg(path, problem));
        return;
    }
    out.notes.append({path, QCoreApplication::translate(
                                "sessionlens::Note",
                                "a dict shaped like EncryptedSession's bytes marker: its server "
                                "reads it as bytes %1")
                                .arg(PythonRepr::bytesRepr(node.bytesValue()))});
}

// What json.dumps makes of the types it has no form for: tuples become lists and Markup
// plain strings (as it writes them); UUID and datetime, which it cannot write at all, become
// their text. Whether `node` was one of them.
bool toJsonType(SessionValue &node, QList<SessionConverter::Note> &notes)
{
    switch (node.type()) {
    case SessionValue::Type::Tuple:
        notes.append({PythonRepr::path(&node),
                      QCoreApplication::translate("sessionlens::Note",
                                                  "tuple becomes list (JSON has no tuples)")});
        node.setListFromTuple();
        return true;
    case SessionValue::Type::Markup:
        notes.append(
            {PythonRepr::path(&node),
             QCoreApplication::translate("sessionlens::Note",
                                         "Markup becomes str (the safe-HTML marker is lost)")});
        node.setString(node.stringValue());
        return true;
    case SessionValue::Type::Uuid:
        notes.append({PythonRepr::path(&node),
                      QCoreApplication::translate("sessionlens::Note",
                                                  "UUID cannot be carried; written as its text")});
        node.setString(FlaskTags::uuidText(node.uuidBytes()));
        return true;
    case SessionValue::Type::DateTime:
        notes.append(
            {PythonRepr::path(&node),
             QCoreApplication::translate("sessionlens::Note",
                                         "datetime cannot be carried; written as its HTTP date")});
        node.setString(QString::fromLatin1(FlaskTags::httpDate(node.dateTimeSeconds())));
        return true;
    default:
        return false;
    }
}

void toEncrypted(SessionValue &node, SessionConverter::Converted &out)
{
    // Children first, as the server's object hook runs innermost first.
    for (qsizetype i = 0; i < node.size(); ++i)
        toEncrypted(*node.child(i), out);
    if (!toJsonType(node, out.notes) && node.type() == SessionValue::Type::Dict)
        applySeedHook(node, out);
}

void toPlain(SessionValue &node, QList<SessionConverter::Note> &notes)
{
    for (qsizetype i = 0; i < node.size(); ++i)
        toPlain(*node.child(i), notes);
    if (toJsonType(node, notes) || node.type() != SessionValue::Type::Bytes)
        return;
    // json.dumps raises TypeError on bytes, so the server could not even write the session.
    notes.append({PythonRepr::path(&node),
                  QCoreApplication::translate("sessionlens::Note",
                                              "bytes cannot be carried (plain JSON has no bytes); "
                                              "written as its standard base64 text")});
    node.setString(QString::fromLatin1(node.bytesValue().toBase64()));
}

bool sortedKeys(const SessionValue &node)
{
    for (qsizetype i = 1; i < node.size(); ++i) {
        if (FlaskTags::codePointLess(node.child(i)->key(), node.child(i - 1)->key()))
            return false;
    }
    return true;
}

void toSigned(const SessionValue &node, QList<SessionConverter::Note> &notes)
{
    if (node.type() == SessionValue::Type::Dict && !sortedKeys(node))
        notes.append(
            {PythonRepr::path(&node),
             QCoreApplication::translate("sessionlens::Note",
                                         "keys are written in sorted order (Flask sorts them)")});
    for (qsizetype i = 0; i < node.size(); ++i)
        toSigned(*node.child(i), notes);
}

} // namespace

SessionConverter::Converted SessionConverter::toEncryptedSession(const SessionValue &session)
{
    Converted out{session, {}, std::nullopt};
    toEncrypted(out.session, out);
    return out;
}

SessionConverter::Converted SessionConverter::toPlainJson(const SessionValue &session)
{
    Converted out{session, {}, std::nullopt};
    toPlain(out.session, out.notes);
    return out;
}

const SessionValue *SessionConverter::firstNotPlainJson(const SessionValue &node)
{
    switch (node.type()) {
    case SessionValue::Type::Bytes:
    case SessionValue::Type::Uuid:
    case SessionValue::Type::DateTime:
        return &node;
    default:
        break;
    }
    for (qsizetype i = 0; i < node.size(); ++i) {
        if (const SessionValue *found = firstNotPlainJson(*node.child(i)))
            return found;
    }
    return nullptr;
}

SessionConverter::Converted SessionConverter::toFlaskSigned(const SessionValue &session)
{
    Converted out{session, {}, std::nullopt};
    toSigned(out.session, out.notes);
    return out;
}

} // namespace sessionlens
