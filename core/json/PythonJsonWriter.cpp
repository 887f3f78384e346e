#include "json/PythonJsonWriter.h"

#include "encoding/Base64.h"
#include "json/FlaskTags.h"
#include "json/PythonFloat.h"

#include <algorithm>
#include <vector>

namespace sessionlens {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

QByteArray PythonJsonWriter::write(const SessionValue &value, Style style)
{
    QByteArray out;
    out.reserve(256);
    append(value, out, style);
    return out;
}

void PythonJsonWriter::appendString(const QString &text, QByteArray &out)
{
    out.append('"');
    const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = units[i];
        if (u >= 0x20 && u < 0x7f && u != '"' && u != '\\') {
            out.append(static_cast<char>(u));
            continue;
        }
        switch (u) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            // ensure_ascii: UTF-16 units map one to one onto Python's escapes,
            // including surrogate pairs for astral characters and lone surrogates.
            const char escape[6] = {'\\',
                                    'u',
                                    kHex[(u >> 12) & 0xf],
                                    kHex[(u >> 8) & 0xf],
                                    kHex[(u >> 4) & 0xf],
                                    kHex[u & 0xf]};
            out.append(escape, 6);
        }
        }
    }
    out.append('"');
}

namespace {

void appendFlask(const SessionValue &value, QByteArray &out);

void appendDict(const SessionValue &value, QByteArray &out, QList<qsizetype> *entryEnds)
{
    out.append('{');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i)
            out.append(", ", 2);
        PythonJsonWriter::appendString(value.child(i)->key(), out);
        out.append(": ", 2);
        PythonJsonWriter::append(*value.child(i), out);
        if (entryEnds)
            entryEnds->append(out.size());
    }
    out.append('}');
}

void appendTag(const char *tag, QByteArray &out)
{
    out.append("{\"", 2);
    out.append(tag);
    out.append("\":", 2);
}

void appendFlaskSequence(const SessionValue &value, QByteArray &out)
{
    out.append('[');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i)
            out.append(',');
        appendFlask(*value.child(i), out);
    }
    out.append(']');
}

void appendFlaskDict(const SessionValue &value, QByteArray &out)
{
    // TagDict: a dict whose only key is itself a tag is wrapped, its key suffixed "__".
    if (value.size() == 1 && FlaskTags::isTagKey(value.child(0)->key())) {
        appendTag(" di", out);
        out.append('{');
        PythonJsonWriter::appendString(value.child(0)->key() + QStringLiteral("__"), out);
        out.append(':');
        appendFlask(*value.child(0), out);
        out.append("}}", 2);
        return;
    }
    std::vector<const SessionValue *> children;
    children.reserve(static_cast<std::size_t>(value.size()));
    for (qsizetype i = 0; i < value.size(); ++i)
        children.push_back(value.child(i));
    std::stable_sort(children.begin(), children.end(),
                     [](const SessionValue *a, const SessionValue *b) {
                         return FlaskTags::codePointLess(a->key(), b->key());
                     });
    out.append('{');
    bool first = true;
    for (const SessionValue *child : children) {
        if (!first)
            out.append(',');
        first = false;
        PythonJsonWriter::appendString(child->key(), out);
        out.append(':');
        appendFlask(*child, out);
    }
    out.append('}');
}

void appendFlask(const SessionValue &value, QByteArray &out)
{
    switch (value.type()) {
    case SessionValue::Type::Dict:
        appendFlaskDict(value, out);
        return;
    case SessionValue::Type::List:
        appendFlaskSequence(value, out);
        return;
    case SessionValue::Type::Tuple:
        appendTag(" t", out);
        appendFlaskSequence(value, out);
        out.append('}');
        return;
    case SessionValue::Type::Bytes:
        appendTag(" b", out);
        out.append('"');
        out.append(Base64::encode(value.bytesValue(), Base64::Alphabet::Standard));
        out.append("\"}", 2);
        return;
    case SessionValue::Type::Markup:
        appendTag(" m", out);
        PythonJsonWriter::appendString(value.stringValue(), out);
        out.append('}');
        return;
    case SessionValue::Type::Uuid:
        appendTag(" u", out);
        out.append('"');
        out.append(FlaskTags::uuidHex(value.uuidBytes()));
        out.append("\"}", 2);
        return;
    case SessionValue::Type::DateTime:
        appendTag(" d", out);
        out.append('"');
        out.append(FlaskTags::httpDate(value.dateTimeSeconds()));
        out.append("\"}", 2);
        return;
    default:
        PythonJsonWriter::append(value, out, PythonJsonWriter::Style::EncryptedSession);
        return;
    }
}

void appendCompact(const SessionValue &value, QByteArray &out)
{
    switch (value.type()) {
    case SessionValue::Type::Dict:
        out.append('{');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(',');
            PythonJsonWriter::appendString(value.child(i)->key(), out);
            out.append(':');
            appendCompact(*value.child(i), out);
        }
        out.append('}');
        return;
    case SessionValue::Type::List:
    case SessionValue::Type::Tuple:
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(',');
            appendCompact(*value.child(i), out);
        }
        out.append(']');
        return;
    default:
        PythonJsonWriter::append(value, out, PythonJsonWriter::Style::EncryptedSession);
        return;
    }
}

} // namespace

void PythonJsonWriter::append(const SessionValue &value, QByteArray &out, Style style)
{
    if (style == Style::FlaskTagged) {
        appendFlask(value, out);
        return;
    }
    if (style == Style::Compact) {
        appendCompact(value, out);
        return;
    }
    switch (value.type()) {
    case SessionValue::Type::Null:
        out.append("null", 4);
        return;
    case SessionValue::Type::Bool:
        if (value.boolValue())
            out.append("true", 4);
        else
            out.append("false", 5);
        return;
    case SessionValue::Type::Integer:
        value.appendIntegerText(out);
        return;
    case SessionValue::Type::Float:
        out.append(PythonFloat::repr(value.floatValue()));
        return;
    case SessionValue::Type::String:
    case SessionValue::Type::Markup:
        appendString(value.stringValue(), out);
        return;
    case SessionValue::Type::Uuid:
        appendString(FlaskTags::uuidText(value.uuidBytes()), out);
        return;
    case SessionValue::Type::DateTime:
        appendString(QString::fromLatin1(FlaskTags::httpDate(value.dateTimeSeconds())), out);
        return;
    case SessionValue::Type::Bytes:
        out.append("{\"__type__\": \"bytes\", \"b\": \"");
        out.append(Base64::encode(value.bytesValue(), Base64::Alphabet::Standard));
        out.append("\"}", 2);
        return;
    case SessionValue::Type::List:
    case SessionValue::Type::Tuple:
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(", ", 2);
            append(*value.child(i), out);
        }
        out.append(']');
        return;
    case SessionValue::Type::Dict:
        appendDict(value, out, nullptr);
        return;
    }
}

QByteArray PythonJsonWriter::write(const SessionValue &value, QList<qsizetype> *entryEnds)
{
    QByteArray out;
    out.reserve(256);
    if (value.type() == SessionValue::Type::Dict)
        appendDict(value, out, entryEnds);
    else
        append(value, out);
    return out;
}

} // namespace sessionlens
