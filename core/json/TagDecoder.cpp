#include "json/TagDecoder.h"

#include "formats/Base64.h"
#include "json/FlaskTags.h"
#include <QCoreApplication>

namespace sessionlens {

std::optional<QString> TagDecoder::apply(SessionValue &object, PythonJsonReader::Dialect dialect,
                                         QStringList *warnings)
{
    switch (dialect) {
    case PythonJsonReader::Dialect::EncryptedSession:
        return applyBytesTag(object, warnings);
    case PythonJsonReader::Dialect::FlaskTagged:
        return applyFlaskTag(object);
    case PythonJsonReader::Dialect::Plain:
        break;
    }
    return std::nullopt;
}

std::optional<QString> TagDecoder::applyBytesTag(SessionValue &object, QStringList *warnings)
{
    const qsizetype typeIndex = object.indexOfKey(QStringLiteral("__type__"));
    if (typeIndex < 0)
        return std::nullopt;
    const SessionValue *type = object.child(typeIndex);
    if (type->type() != SessionValue::Type::String ||
        type->stringValue() != QLatin1String("bytes")) {
        // The server's hook pops "__type__" and puts it back, which moves it to the end.
        object.move(typeIndex, object.size() - 1);
        return std::nullopt;
    }
    const SessionValue *payload = object.value(QStringLiteral("b"));
    if (!payload || payload->type() != SessionValue::Type::String)
        return QCoreApplication::translate("sessionlens::Error",
                                           "bytes object without a \"b\" string");
    const QByteArray text = payload->stringValue().toLatin1();
    const auto decoded = Base64::decode(text, Base64::Alphabet::Standard);
    if (!decoded || payload->stringValue().size() != text.size())
        return QCoreApplication::translate("sessionlens::Error",
                                           "bytes object holds invalid base64");
    if (object.size() > 2 && warnings)
        warnings->append(QCoreApplication::translate(
            "sessionlens::Note", "bytes object has extra keys that Python drops"));
    object.setBytes(decoded.value());
    return std::nullopt;
}

std::optional<QString> TagDecoder::applyFlaskTag(SessionValue &object)
{
    if (object.size() != 1 || !FlaskTags::isTagKey(object.child(0)->key()))
        return std::nullopt;
    const QString tag = object.child(0)->key();
    SessionValue payload = object.take(0);
    const auto bad = [&tag](const char *what) {
        return QCoreApplication::translate("sessionlens::Error", "tag \"%1\" holds %2")
            .arg(tag.trimmed(), QCoreApplication::translate("sessionlens::Error", what));
    };
    if (tag == QLatin1String(" t")) {
        if (payload.type() != SessionValue::Type::List)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no list"));
        payload.setTupleFromList();
        object.assign(std::move(payload));
    } else if (tag == QLatin1String(" b")) {
        if (payload.type() != SessionValue::Type::String)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no string"));
        auto decoded = Base64::decode(payload.stringValue().toLatin1(), Base64::Alphabet::Standard);
        if (!decoded)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "invalid base64"));
        object.setBytes(decoded.value());
    } else if (tag == QLatin1String(" m")) {
        if (payload.type() != SessionValue::Type::String)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no string"));
        object.setMarkup(payload.stringValue());
    } else if (tag == QLatin1String(" u")) {
        const auto uuid = payload.type() == SessionValue::Type::String
                              ? FlaskTags::parseUuid(payload.stringValue().toLatin1())
                              : std::nullopt;
        if (!uuid)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no UUID"));
        object.setUuid(*uuid);
    } else if (tag == QLatin1String(" d")) {
        const auto seconds = payload.type() == SessionValue::Type::String
                                 ? FlaskTags::parseHttpDate(payload.stringValue().toLatin1())
                                 : std::nullopt;
        if (!seconds)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no HTTP date"));
        object.setDateTime(*seconds);
    } else { // " di": {"<key>__": value} is {"<key>": value}
        if (payload.type() != SessionValue::Type::Dict || payload.size() != 1)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no one-key object"));
        QString key = payload.child(0)->key();
        key.chop(2);
        SessionValue value = payload.take(0);
        object.setDict();
        object.appendEntryUnchecked(key, std::move(value));
    }
    return std::nullopt;
}

} // namespace sessionlens
