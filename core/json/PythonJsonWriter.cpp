#include "json/PythonJsonWriter.h"

#include "formats/Base64.h"
#include "json/PythonFloat.h"

namespace sessionlens {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

QByteArray PythonJsonWriter::write(const SessionValue &value)
{
    QByteArray out;
    out.reserve(256);
    append(value, out);
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
            const char escape[6] = {'\\', 'u', kHex[(u >> 12) & 0xf], kHex[(u >> 8) & 0xf],
                                    kHex[(u >> 4) & 0xf], kHex[u & 0xf]};
            out.append(escape, 6);
        }
        }
    }
    out.append('"');
}

void PythonJsonWriter::append(const SessionValue &value, QByteArray &out)
{
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
        appendString(value.stringValue(), out);
        return;
    case SessionValue::Type::Bytes:
        out.append("{\"__type__\": \"bytes\", \"b\": \"");
        out.append(Base64::encode(value.bytesValue(), Base64::Alphabet::Standard));
        out.append("\"}", 2);
        return;
    case SessionValue::Type::List:
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(", ", 2);
            append(*value.child(i), out);
        }
        out.append(']');
        return;
    case SessionValue::Type::Dict:
        out.append('{');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(", ", 2);
            appendString(value.child(i)->key(), out);
            out.append(": ", 2);
            append(*value.child(i), out);
        }
        out.append('}');
        return;
    }
}

} // namespace sessionlens
