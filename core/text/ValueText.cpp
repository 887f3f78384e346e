#include "text/ValueText.h"

#include "json/Utf8Validator.h"

#include "encoding/Base64.h"
#include "json/FlaskTags.h"
#include "json/PythonFloat.h"

#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"
#include <QDateTime>
#include <QTimeZone>

#include <QCoreApplication>
#include <charconv>
#include <cmath>
#include <limits>

namespace sessionlens {

namespace {

Error expected(const QString &what)
{
    return Error::make(ErrorCategory::Json,
                       QCoreApplication::translate("sessionlens::Error", "expected %1").arg(what));
}

Result<SessionValue> parseInteger(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype digitsStart = t.startsWith(u'-') ? 1 : 0;
    if (t.size() == digitsStart)
        return expected(QCoreApplication::translate("sessionlens::Error", "an integer"));
    for (qsizetype i = digitsStart; i < t.size(); ++i) {
        if (t[i] < u'0' || t[i] > u'9')
            return expected(QCoreApplication::translate(
                "sessionlens::Error", "an integer (digits, optional leading '-')"));
    }
    if (t.size() - digitsStart > PythonJsonReader::kMaxIntegerDigits)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "more than %1 digits: Python refuses to convert it")
                .arg(PythonJsonReader::kMaxIntegerDigits));
    return SessionValue::makeInteger(t.toLatin1());
}

Result<SessionValue> parseFloat(const QString &text)
{
    QString t = text.trimmed().toLower();
    bool negative = false;
    if (t.startsWith(u'-') || t.startsWith(u'+')) {
        negative = t.startsWith(u'-');
        t.remove(0, 1);
    }
    const double sign = negative ? -1.0 : 1.0;
    if (t == QLatin1String("nan"))
        return SessionValue::makeFloat(std::numeric_limits<double>::quiet_NaN());
    if (t == QLatin1String("inf") || t == QLatin1String("infinity"))
        return SessionValue::makeFloat(sign * std::numeric_limits<double>::infinity());
    const QByteArray latin = t.toLatin1();
    double value = 0;
    const auto [end, ec] =
        std::from_chars(latin.constData(), latin.constData() + latin.size(), value);
    if (latin.isEmpty() || end != latin.constData() + latin.size() ||
        (ec != std::errc() && ec != std::errc::result_out_of_range) || latin.contains('n') ||
        latin.contains('i'))
        return expected(QCoreApplication::translate("sessionlens::Error",
                                                    "a number such as 3.25, 1e-05, nan or inf"));
    if (ec == std::errc::result_out_of_range) {
        const auto python = PythonFloat::parse(latin);
        value = python ? *python : value;
    }
    return SessionValue::makeFloat(sign * value);
}

Result<SessionValue> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1"))
        return SessionValue::makeBool(true);
    if (t == QLatin1String("false") || t == QLatin1String("0"))
        return SessionValue::makeBool(false);
    return expected(QCoreApplication::translate("sessionlens::Error", "True or False"));
}

Result<SessionValue> parseBytes(const QString &text, ValueText::BytesForm form)
{
    QByteArray compact;
    for (const QChar c : text) {
        if (!c.isSpace() && (form == ValueText::BytesForm::Base64 || c != u':'))
            compact.append(c.toLatin1());
    }
    if (form == ValueText::BytesForm::Hex) {
        if (compact.size() % 2)
            return expected(
                QCoreApplication::translate("sessionlens::Error", "an even number of hex digits"));
        for (const char c : compact) {
            if (!std::isxdigit(static_cast<unsigned char>(c)))
                return expected(QCoreApplication::translate("sessionlens::Error", "hex digits"));
        }
        return SessionValue::makeBytes(QByteArray::fromHex(compact));
    }
    auto decoded = Base64::decode(compact, Base64::Alphabet::Standard);
    if (!decoded)
        return expected(
            QCoreApplication::translate("sessionlens::Error", "standard base64 with padding"));
    return SessionValue::makeBytes(decoded.value());
}

std::optional<qint64> parseDateTime(const QString &text)
{
    const QString t = text.trimmed();
    if (const auto http = FlaskTags::parseHttpDate(t.toLatin1()))
        return http;
    QString iso = t;
    iso.replace(u' ', u'T');
    if (!iso.endsWith(u'Z') && !iso.contains(u'+'))
        iso.append(u'Z');
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toSecsSinceEpoch();
}

} // namespace

QString ValueText::editText(const SessionValue &value, BytesForm bytesForm)
{
    switch (value.type()) {
    case SessionValue::Type::Null:
        return QStringLiteral("None");
    case SessionValue::Type::Bool:
        return value.boolValue() ? QStringLiteral("True") : QStringLiteral("False");
    case SessionValue::Type::Integer:
        return QString::fromLatin1(value.integerText());
    case SessionValue::Type::Float:
        return QString::fromLatin1(
            PythonFloat::repr(value.floatValue(), PythonFloat::Specials::Repr));
    case SessionValue::Type::String:
    case SessionValue::Type::Markup:
        return value.stringValue();
    case SessionValue::Type::Uuid:
        return FlaskTags::uuidText(value.uuidBytes());
    case SessionValue::Type::DateTime:
        return QDateTime::fromSecsSinceEpoch(value.dateTimeSeconds(), QTimeZone::utc())
            .toString(Qt::ISODate);
    case SessionValue::Type::Bytes:
        return bytesForm == BytesForm::Hex ? QString::fromLatin1(value.bytesValue().toHex(' '))
                                           : QString::fromLatin1(value.bytesValue().toBase64());
    case SessionValue::Type::List:
    case SessionValue::Type::Dict:
    case SessionValue::Type::Tuple:
        return PythonRepr::repr(value);
    }
    return {};
}

Result<SessionValue> ValueText::parse(SessionValue::Type type, const QString &text,
                                      BytesForm bytesForm)
{
    switch (type) {
    case SessionValue::Type::Null:
        if (text.trimmed() == QLatin1String("None") || text.trimmed() == QLatin1String("null"))
            return SessionValue::makeNull();
        return expected(QStringLiteral("None"));
    case SessionValue::Type::Bool:
        return parseBool(text);
    case SessionValue::Type::Integer:
        return parseInteger(text);
    case SessionValue::Type::Float:
        return parseFloat(text);
    case SessionValue::Type::String:
        return SessionValue::makeString(text);
    case SessionValue::Type::Markup:
        return SessionValue::makeMarkup(text);
    case SessionValue::Type::Bytes:
        return parseBytes(text, bytesForm);
    case SessionValue::Type::Uuid:
        if (const auto uuid = FlaskTags::parseUuid(text.trimmed().toLatin1()))
            return SessionValue::makeUuid(*uuid);
        return expected(QCoreApplication::translate(
            "sessionlens::Error", "a UUID such as 12345678-1234-5678-1234-567812345678"));
    case SessionValue::Type::DateTime:
        if (const auto seconds = parseDateTime(text))
            return SessionValue::makeDateTime(*seconds);
        return expected(QCoreApplication::translate(
            "sessionlens::Error", "a UTC time such as 2024-05-17T12:30:45Z or an HTTP date"));
    case SessionValue::Type::List:
    case SessionValue::Type::Dict:
    case SessionValue::Type::Tuple:
        break;
    }
    return expected(QCoreApplication::translate("sessionlens::Error", "a scalar type"));
}

SessionValue ValueText::convert(const SessionValue &value, SessionValue::Type type)
{
    if (value.type() == type)
        return value;
    const QString text = value.type() == SessionValue::Type::String
                             ? value.stringValue()
                             : editText(value, BytesForm::Hex);
    switch (type) {
    case SessionValue::Type::Null:
        return SessionValue::makeNull();
    case SessionValue::Type::Bool:
        if (value.type() == SessionValue::Type::Integer)
            return SessionValue::makeBool(value.integerText() != "0");
        if (value.isContainer())
            return SessionValue::makeBool(value.size() > 0);
        if (auto parsed = parseBool(text))
            return parsed.value();
        return SessionValue::makeBool(value.type() == SessionValue::Type::String &&
                                      !text.isEmpty());
    case SessionValue::Type::Integer:
        if (value.type() == SessionValue::Type::Bool)
            return SessionValue::makeInteger(value.boolValue() ? 1 : 0);
        if (value.type() == SessionValue::Type::Float && std::isfinite(value.floatValue()) &&
            std::abs(value.floatValue()) < 9.0e18)
            return SessionValue::makeInteger(static_cast<qint64>(value.floatValue()));
        if (auto parsed = parseInteger(text))
            return parsed.value();
        return SessionValue::makeInteger(0);
    case SessionValue::Type::Float:
        if (value.type() == SessionValue::Type::Bool)
            return SessionValue::makeFloat(value.boolValue() ? 1.0 : 0.0);
        if (auto parsed = parseFloat(text))
            return parsed.value();
        return SessionValue::makeFloat(0.0);
    case SessionValue::Type::String:
        if (value.type() == SessionValue::Type::Bytes)
            return SessionValue::makeString(Utf8Validator::decode(value.bytesValue()));
        return SessionValue::makeString(text);
    case SessionValue::Type::Markup:
        return SessionValue::makeMarkup(value.type() == SessionValue::Type::Bytes
                                            ? Utf8Validator::decode(value.bytesValue())
                                            : text);
    case SessionValue::Type::Uuid:
        if (const auto uuid = FlaskTags::parseUuid(text.trimmed().toLatin1()))
            return SessionValue::makeUuid(*uuid);
        return SessionValue::makeUuid(QByteArray(16, '\0'));
    case SessionValue::Type::DateTime:
        if (const auto seconds = value.toInt64())
            return SessionValue::makeDateTime(*seconds);
        if (const auto seconds = parseDateTime(text))
            return SessionValue::makeDateTime(*seconds);
        return SessionValue::makeDateTime(0);
    case SessionValue::Type::Tuple: {
        SessionValue tuple = convert(value, SessionValue::Type::List);
        tuple.setTupleFromList();
        return tuple;
    }
    case SessionValue::Type::Bytes:
        if (value.type() == SessionValue::Type::String)
            return SessionValue::makeBytes(value.stringValue().toUtf8());
        return SessionValue::makeBytes({});
    case SessionValue::Type::List: {
        SessionValue list = SessionValue::makeList();
        if (value.type() == SessionValue::Type::Dict || value.type() == SessionValue::Type::Tuple) {
            for (qsizetype i = 0; i < value.size(); ++i)
                list.append(*value.child(i));
        } else if (value.type() != SessionValue::Type::Null) {
            list.append(value);
        }
        return list;
    }
    case SessionValue::Type::Dict: {
        SessionValue dict = SessionValue::makeDict();
        if (value.isSequence()) {
            for (qsizetype i = 0; i < value.size(); ++i)
                dict.setValue(QString::number(i), *value.child(i));
        }
        return dict;
    }
    }
    return SessionValue();
}

} // namespace sessionlens
