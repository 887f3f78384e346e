#include "json/PythonRepr.h"

#include "json/FlaskTags.h"
#include "json/PythonFloat.h"
#include "json/SessionPathText.h"

#include <QChar>
#include <QStringList>

#include <QCoreApplication>
#include <algorithm>

namespace sessionlens {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendHex(QString &out, char prefix, char32_t value, int digits)
{
    out.append(u'\\');
    out.append(QLatin1Char(prefix));
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.append(QLatin1Char(kHex[(value >> shift) & 0xf]));
}

} // namespace

bool PythonRepr::isPrintable(char32_t codePoint)
{
    if (codePoint < 0x80)
        return codePoint >= 0x20 && codePoint < 0x7f;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

QString PythonRepr::path(const SessionValue *node)
{
    // One writer of paths: SessionPathText also reads them back (the CLI's edit).
    return SessionPathText::python(SessionPathText::stepsOf(node));
}

QString PythonRepr::stringRepr(const QString &text)
{
    // Python prefers single quotes, and switches only when the text has ' but no ".
    const bool hasSingle = text.contains(u'\'');
    const bool hasDouble = text.contains(u'"');
    const char16_t quote = (hasSingle && !hasDouble) ? u'"' : u'\'';
    QString out;
    out.reserve(text.size() + 2);
    out.append(QChar(quote));
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t cp = text.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (cp == quote || cp == u'\\') {
            out.append(u'\\');
            out.append(QChar(static_cast<char16_t>(cp)));
        } else if (cp == u'\t') {
            out.append(QLatin1String("\\t"));
        } else if (cp == u'\n') {
            out.append(QLatin1String("\\n"));
        } else if (cp == u'\r') {
            out.append(QLatin1String("\\r"));
        } else if (isPrintable(cp)) {
            if (cp > 0xffff) {
                const char32_t ucs[1] = {cp};
                out.append(QString::fromUcs4(ucs, 1));
            } else {
                out.append(QChar(static_cast<char16_t>(cp)));
            }
        } else if (cp <= 0xff) {
            appendHex(out, 'x', cp, 2);
        } else if (cp <= 0xffff) {
            appendHex(out, 'u', cp, 4);
        } else {
            appendHex(out, 'U', cp, 8);
        }
    }
    out.append(QChar(quote));
    return out;
}

QString PythonRepr::bytesRepr(const QByteArray &bytes)
{
    const bool hasSingle = bytes.contains('\'');
    const bool hasDouble = bytes.contains('"');
    const char quote = (hasSingle && !hasDouble) ? '"' : '\'';
    QString out;
    out.reserve(bytes.size() + 3);
    out.append(u'b');
    out.append(QLatin1Char(quote));
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out.append(u'\\');
            out.append(QLatin1Char(ch));
        } else if (c == '\t') {
            out.append(QLatin1String("\\t"));
        } else if (c == '\n') {
            out.append(QLatin1String("\\n"));
        } else if (c == '\r') {
            out.append(QLatin1String("\\r"));
        } else if (c < 0x20 || c >= 0x7f) {
            appendHex(out, 'x', c, 2);
        } else {
            out.append(QLatin1Char(ch));
        }
    }
    out.append(QLatin1Char(quote));
    return out;
}

QString PythonRepr::textOrBytesLiteral(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    const bool printable =
        text.toUtf8() == bytes &&
        std::all_of(text.begin(), text.end(), [](QChar c) { return c.isPrint(); });
    return printable ? text : bytesRepr(bytes);
}

QString PythonRepr::repr(const SessionValue &value)
{
    QString out;
    append(value, out);
    return out;
}

Result<QString> PythonRepr::reprBounded(const SessionValue &value, qsizetype maxChars)
{
    QString out;
    if (!appendBounded(value, out, maxChars))
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "the Python view exceeds the output limit of %1 characters")
                .arg(maxChars));
    return out;
}

bool PythonRepr::appendBounded(const SessionValue &value, QString &out, qsizetype maxChars)
{
    // A scalar's repr is at least as long as its content, so the check comes first.
    if (out.size() + value.stringValue().size() + value.bytesValue().size() > maxChars)
        return false;
    if (!value.isContainer() && value.type() != SessionValue::Type::Dict) {
        append(value, out);
        return out.size() <= maxChars;
    }
    const bool dict = value.type() == SessionValue::Type::Dict;
    const bool tuple = value.type() == SessionValue::Type::Tuple;
    out.append(dict ? u'{' : tuple ? u'(' : u'[');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i)
            out.append(QLatin1String(", "));
        if (dict) {
            out.append(stringRepr(value.child(i)->key()));
            out.append(QLatin1String(": "));
        }
        if (!appendBounded(*value.child(i), out, maxChars))
            return false;
    }
    if (tuple && value.size() == 1)
        out.append(u',');
    out.append(dict ? u'}' : tuple ? u')' : u']');
    return out.size() <= maxChars;
}

void PythonRepr::append(const SessionValue &value, QString &out)
{
    switch (value.type()) {
    case SessionValue::Type::Null:
        out.append(QLatin1String("None"));
        return;
    case SessionValue::Type::Bool:
        out.append(value.boolValue() ? QLatin1String("True") : QLatin1String("False"));
        return;
    case SessionValue::Type::Integer:
        out.append(QLatin1String(value.integerText()));
        return;
    case SessionValue::Type::Float:
        out.append(
            QLatin1String(PythonFloat::repr(value.floatValue(), PythonFloat::Specials::Repr)));
        return;
    case SessionValue::Type::String:
        out.append(stringRepr(value.stringValue()));
        return;
    case SessionValue::Type::Bytes:
        out.append(bytesRepr(value.bytesValue()));
        return;
    case SessionValue::Type::List:
        out.append(u'[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(QLatin1String(", "));
            append(*value.child(i), out);
        }
        out.append(u']');
        return;
    case SessionValue::Type::Tuple:
        out.append(u'(');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(QLatin1String(", "));
            append(*value.child(i), out);
        }
        if (value.size() == 1)
            out.append(u','); // ('a',)
        out.append(u')');
        return;
    case SessionValue::Type::Markup:
        out.append(QLatin1String("Markup("));
        out.append(stringRepr(value.stringValue()));
        out.append(u')');
        return;
    case SessionValue::Type::Uuid:
        out.append(QLatin1String("UUID('"));
        out.append(FlaskTags::uuidText(value.uuidBytes()));
        out.append(QLatin1String("')"));
        return;
    case SessionValue::Type::DateTime:
        out.append(FlaskTags::dateTimeRepr(value.dateTimeSeconds(), value.dateTimeUtcOffset()));
        return;
    case SessionValue::Type::Dict:
        out.append(u'{');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i)
                out.append(QLatin1String(", "));
            out.append(stringRepr(value.child(i)->key()));
            out.append(QLatin1String(": "));
            append(*value.child(i), out);
        }
        out.append(u'}');
        return;
    }
}

} // namespace sessionlens
