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

/// Moves `node` into json.dumps' types; `bytesHook`: the target reads EncryptedSession's bytes
/// marker back as bytes (else it has no bytes at all, nor a hook).
void toJsonTypes(SessionValue &node, SessionConverter::Converted &out, bool bytesHook)
{
    // Children first, as the server's object hook runs innermost first.
    for (qsizetype i = 0; i < node.size(); ++i)
        toJsonTypes(*node.child(i), out, bytesHook);
    QList<SessionConverter::Note> &notes = out.notes;
    switch (node.type()) {
    case SessionValue::Type::Bytes:
        if (bytesHook)
            break;
        notes.append({PythonRepr::path(&node),
                      QCoreApplication::translate("sessionlens::Note",
                                                  "bytes cannot be carried (json.dumps refuses "
                                                  "them); written as their base64 text")});
        node.setString(QString::fromLatin1(node.bytesValue().toBase64()));
        break;
    case SessionValue::Type::Tuple:
        notes.append({PythonRepr::path(&node),
                      QCoreApplication::translate("sessionlens::Note",
                                                  "tuple becomes list (JSON has no tuples)")});
        node.setListFromTuple();
        break;
    case SessionValue::Type::Markup:
        notes.append(
            {PythonRepr::path(&node),
             QCoreApplication::translate("sessionlens::Note",
                                         "Markup becomes str (the safe-HTML marker is lost)")});
        node.setString(node.stringValue());
        break;
    case SessionValue::Type::Uuid:
        notes.append({PythonRepr::path(&node),
                      QCoreApplication::translate("sessionlens::Note",
                                                  "UUID cannot be carried; written as its text")});
        node.setString(FlaskTags::uuidText(node.uuidBytes()));
        break;
    case SessionValue::Type::DateTime:
        notes.append(
            {PythonRepr::path(&node),
             QCoreApplication::translate("sessionlens::Note",
                                         "datetime cannot be carried; written as its HTTP date")});
        node.setString(QString::fromLatin1(FlaskTags::httpDate(node.dateTimeSeconds())));
        break;
    case SessionValue::Type::Dict:
        if (bytesHook)
            applySeedHook(node, out);
        break;
    default:
        break;
    }
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
    toJsonTypes(out.session, out, true);
    return out;
}

SessionConverter::Converted SessionConverter::toPlainJson(const SessionValue &session)
{
    Converted out{session, {}, std::nullopt};
    toJsonTypes(out.session, out, false);
    return out;
}

SessionConverter::Converted SessionConverter::toFlaskSigned(const SessionValue &session)
{
    Converted out{session, {}, std::nullopt};
    toSigned(out.session, out.notes);
    return out;
}

} // namespace sessionlens
