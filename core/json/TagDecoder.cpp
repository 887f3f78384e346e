#include "json/TagDecoder.h"

#include "encoding/Base64.h"
#include "json/FlaskTags.h"
#include "json/PythonRepr.h"
#include "json/RfcDateParser.h"

#include <QCoreApplication>

namespace sessionlens {

namespace {

// A warning shows a value's start only: a crafted tag may hold a large tree.
constexpr qsizetype kShownChars = 60;
constexpr qsizetype kReprBound = 4096;

QString shortRepr(const SessionValue &value)
{
    auto text = PythonRepr::reprBounded(value, kReprBound);
    if (!text)
        return QStringLiteral("…");
    return text->size() > kShownChars ? text->left(kShownChars) + QStringLiteral("…")
                                      : text.value();
}

QString errorText(const char *text)
{
    return QCoreApplication::translate("sessionlens::Error", text);
}

// Truthiness, as `if not data` in _parsedate_tz asks it.
bool pythonFalsy(const SessionValue &value)
{
    switch (value.type()) {
    case SessionValue::Type::Null:
        return true;
    case SessionValue::Type::Bool:
        return !value.boolValue();
    case SessionValue::Type::Integer:
        return value.integerText() == "0";
    case SessionValue::Type::Float:
        return value.floatValue() == 0.0;
    case SessionValue::Type::String:
    case SessionValue::Type::Markup:
        return value.stringValue().isEmpty();
    case SessionValue::Type::Bytes:
        return value.bytesValue().isEmpty();
    case SessionValue::Type::List:
    case SessionValue::Type::Dict:
    case SessionValue::Type::Tuple:
        return value.size() == 0;
    case SessionValue::Type::Uuid:
    case SessionValue::Type::DateTime:
        break;
    }
    return false;
}

// key[:-2] in code points.
QString withoutLastTwo(const QString &key)
{
    QString out = key;
    for (int n = 0; n < 2 && !out.isEmpty(); ++n) {
        const bool pair = out.size() >= 2 && out.back().isLowSurrogate() &&
                          out.at(out.size() - 2).isHighSurrogate();
        out.chop(pair ? 2 : 1);
    }
    return out;
}

void appendCharacters(SessionValue &tuple, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        tuple.append(SessionValue::makeString(text.mid(i, pair ? 2 : 1)));
        i += pair ? 1 : 0;
    }
}

} // namespace

QString TagDecoder::pythonStr(const SessionValue &value)
{
    switch (value.type()) {
    case SessionValue::Type::String:
    case SessionValue::Type::Markup:
        return value.stringValue();
    case SessionValue::Type::Uuid:
        return FlaskTags::uuidText(value.uuidBytes());
    case SessionValue::Type::DateTime:
        return FlaskTags::dateTimeStr(value.dateTimeSeconds(), value.dateTimeUtcOffset());
    default:
        return PythonRepr::repr(value);
    }
}

QString TagDecoder::typeKeyMovedNote()
{
    return QCoreApplication::translate(
        "sessionlens::Note",
        "EncryptedSession's server moves \"__type__\" to the end of this dict when it reads it");
}

std::optional<QString> TagDecoder::apply(SessionValue &object, PythonJsonReader::Dialect dialect,
                                         QStringList *warnings, bool moveTypeKey)
{
    switch (dialect) {
    case PythonJsonReader::Dialect::EncryptedSession:
        return applyBytesTag(object, warnings, moveTypeKey);
    case PythonJsonReader::Dialect::FlaskTagged:
        return applyFlaskTag(object, warnings);
    case PythonJsonReader::Dialect::Plain:
        break;
    }
    return std::nullopt;
}

std::optional<QString> TagDecoder::applyBytesTag(SessionValue &object, QStringList *warnings,
                                                 bool moveTypeKey)
{
    const qsizetype typeIndex = object.indexOfKey(QStringLiteral("__type__"));
    if (typeIndex < 0)
        return std::nullopt;
    const SessionValue *type = object.child(typeIndex);
    if (type->type() != SessionValue::Type::String ||
        type->stringValue() != QLatin1String("bytes")) {
        // The server's hook pops "__type__" and puts it back, which moves it to the end.
        if (typeIndex == object.size() - 1)
            return std::nullopt;
        if (moveTypeKey)
            object.move(typeIndex, object.size() - 1);
        else if (warnings)
            warnings->append(PythonRepr::path(&object) + QStringLiteral(": ") + typeKeyMovedNote());
        return std::nullopt;
    }
    const SessionValue *payload = object.value(QStringLiteral("b"));
    if (!payload || payload->type() != SessionValue::Type::String)
        return errorText(
            QT_TRANSLATE_NOOP("sessionlens::Error", "bytes object without a \"b\" string"));
    // The seed decodes base64.b64decode(bytes(obj["b"], "utf-8")): characters outside the
    // alphabet are skipped, a lone surrogate cannot be encoded.
    const QString &text = payload->stringValue();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (!pair && text.at(i).isSurrogate())
            return errorText(QT_TRANSLATE_NOOP(
                "sessionlens::Error", "bytes object holds a lone surrogate, which UTF-8 cannot "
                                      "encode"));
        i += pair ? 1 : 0;
    }
    auto decoded = Base64::decodeLenient(text.toUtf8());
    if (!decoded)
        return errorText(
            QT_TRANSLATE_NOOP("sessionlens::Error", "bytes object holds invalid base64"));
    if (object.size() > 2 && warnings)
        warnings->append(QCoreApplication::translate(
            "sessionlens::Note", "bytes object has extra keys that Python drops"));
    if (warnings &&
        Base64::encode(decoded.value(), Base64::Alphabet::Standard) != QStringView(text).toLatin1())
        warnings->append(QCoreApplication::translate(
                             "sessionlens::Note",
                             "%1: the bytes object's base64 %2 is not what the server writes; it "
                             "reads it leniently as %3")
                             .arg(PythonRepr::path(&object), PythonRepr::stringRepr(text),
                                  PythonRepr::bytesRepr(decoded.value())));
    object.setBytes(std::move(decoded).value());
    return std::nullopt;
}

std::optional<QString> TagDecoder::applyFlaskTag(SessionValue &object, QStringList *warnings)
{
    if (object.size() != 1 || !FlaskTags::isTagKey(object.child(0)->key()))
        return std::nullopt;
    const QString tag = object.child(0)->key();
    SessionValue payload = object.take(0);
    const auto bad = [&tag](const char *what) {
        return QCoreApplication::translate("sessionlens::Error", "tag \"%1\" holds %2")
            .arg(tag.trimmed(), QCoreApplication::translate("sessionlens::Error", what));
    };
    const SessionValue::Type kind = payload.type();
    const bool text = kind == SessionValue::Type::String || kind == SessionValue::Type::Markup;
    // Whether Flask's own dumps would give this tag object back: only then is it silent.
    bool asFlaskWrites = true;
    // The payload as written, for the warning; made only for a tag Flask never writes so.
    QString shownPayload;
    if (tag == QLatin1String(" t")) {
        // tuple(value): any iterable; a str gives its characters, a dict its keys, bytes ints.
        SessionValue tuple = SessionValue::makeTuple();
        if (payload.isSequence()) {
            if (kind == SessionValue::Type::Tuple && warnings)
                shownPayload = shortRepr(payload);
            payload.setTupleFromList();
            tuple = std::move(payload);
        } else if (text) {
            appendCharacters(tuple, payload.stringValue());
        } else if (kind == SessionValue::Type::Dict) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                tuple.append(SessionValue::makeString(payload.child(i)->key()));
        } else if (kind == SessionValue::Type::Bytes) {
            for (const char c : payload.bytesValue())
                tuple.append(SessionValue::makeInteger(qint64(static_cast<unsigned char>(c))));
        } else {
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "nothing tuple() can iterate"));
        }
        asFlaskWrites = kind == SessionValue::Type::List;
        object.assign(std::move(tuple));
    } else if (tag == QLatin1String(" b")) {
        // b64decode(value): ASCII str or bytes, without validate=True.
        QByteArray ascii;
        if (text) {
            for (const QChar c : payload.stringValue()) {
                if (c.unicode() > 0x7f)
                    return bad(QT_TRANSLATE_NOOP("sessionlens::Error",
                                                 "a string with non-ASCII characters"));
            }
            ascii = payload.stringValue().toLatin1();
        } else if (kind == SessionValue::Type::Bytes) {
            ascii = payload.bytesValue();
        } else {
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no string"));
        }
        auto decoded = Base64::decodeLenient(ascii);
        if (!decoded)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "invalid base64"));
        asFlaskWrites = kind == SessionValue::Type::String &&
                        Base64::encode(decoded.value(), Base64::Alphabet::Standard) == ascii;
        object.setBytes(std::move(decoded).value());
    } else if (tag == QLatin1String(" m")) {
        asFlaskWrites = kind == SessionValue::Type::String;
        object.setMarkup(pythonStr(payload)); // Markup(value) is str(value), marked safe
    } else if (tag == QLatin1String(" u")) {
        const auto uuid = text ? FlaskTags::parseUuidText(payload.stringValue()) : std::nullopt;
        if (!uuid)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no UUID"));
        asFlaskWrites = kind == SessionValue::Type::String &&
                        payload.stringValue() == QLatin1String(FlaskTags::uuidHex(*uuid));
        object.setUuid(*uuid);
    } else if (tag == QLatin1String(" d")) {
        // parse_date(value): None for what is falsy or unreadable; other types raise, except
        // bytes, which _parsedate_tz trips over with a TypeError that parse_date catches.
        std::optional<RfcDateParser::Parsed> date;
        if (text && !pythonFalsy(payload))
            date = RfcDateParser::parse(payload.stringValue());
        else if (!pythonFalsy(payload) && kind != SessionValue::Type::Bytes)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no HTTP date"));
        if (date) {
            asFlaskWrites = kind == SessionValue::Type::String && date->utcOffset == 0 &&
                            payload.stringValue() ==
                                QLatin1String(FlaskTags::httpDate(date->secondsSinceEpoch));
            object.setDateTime(date->secondsSinceEpoch, date->utcOffset);
        } else {
            asFlaskWrites = false;
            object.setNull();
        }
    } else { // " di": {"<key>__": value} is {"<key>": value}; Flask takes the first key only
        if (kind != SessionValue::Type::Dict || payload.size() == 0)
            return bad(QT_TRANSLATE_NOOP("sessionlens::Error", "no object with a key"));
        const QString written = payload.child(0)->key();
        const QString key = withoutLastTwo(written);
        asFlaskWrites = payload.size() == 1 && written.endsWith(QLatin1String("__")) &&
                        FlaskTags::isTagKey(key);
        if (!asFlaskWrites && warnings)
            shownPayload = shortRepr(payload);
        SessionValue value = payload.take(0);
        object.setDict();
        object.appendEntryUnchecked(key, std::move(value));
    }
    // The branches that consume `payload` (" di", " t" of a sequence) made the text above.
    if (!asFlaskWrites && warnings && shownPayload.isEmpty())
        shownPayload = shortRepr(payload);
    if (!asFlaskWrites && warnings)
        warnings->append(QCoreApplication::translate(
                             "sessionlens::Note",
                             "%1: Flask never writes the tag {\"%2\": %3}, but reads it as %4")
                             .arg(PythonRepr::path(&object), tag, shownPayload, shortRepr(object)));
    return std::nullopt;
}

} // namespace sessionlens
