#include "formats/SessionConverter.h"

#include "json/FlaskTags.h"
#include "json/PythonRepr.h"
#include <QCoreApplication>

namespace sessionlens {

namespace {

void toEncrypted(SessionValue &node, QList<SessionConverter::Note> &notes)
{
    switch (node.type()) {
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
    default:
        break;
    }
    for (qsizetype i = 0; i < node.size(); ++i)
        toEncrypted(*node.child(i), notes);
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

SessionConverter::Converted SessionConverter::convert(const SessionValue &session, Target target)
{
    Converted out{session, {}};
    if (target == Target::EncryptedSession)
        toEncrypted(out.session, out.notes);
    else
        toSigned(out.session, out.notes);
    return out;
}

} // namespace sessionlens
