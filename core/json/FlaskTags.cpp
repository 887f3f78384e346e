#include "json/FlaskTags.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sessionlens {

namespace {
const QString kHttpDateFormat = QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'");

char32_t codePointAt(const QString &text, qsizetype &i)
{
    const char16_t unit = text.at(i).unicode();
    if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        const char32_t cp = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
        i += 2;
        return cp;
    }
    ++i;
    return unit; // lone surrogates compare by their own value, as in Python
}
} // namespace

QByteArray FlaskTags::httpDate(qint64 secondsSinceEpoch)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc());
    return QLocale::c().toString(time, kHttpDateFormat).toLatin1();
}

std::optional<qint64> FlaskTags::parseHttpDate(QByteArrayView text)
{
    QDateTime time =
        QLocale::c().toDateTime(QString::fromLatin1(text.data(), text.size()), kHttpDateFormat);
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    return time.toSecsSinceEpoch();
}

QByteArray FlaskTags::uuidHex(const QByteArray &bytes)
{
    return bytes.toHex();
}

QString FlaskTags::uuidText(const QByteArray &bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) +
           u'-' + hex.mid(20);
}

std::optional<QByteArray> FlaskTags::parseUuid(QByteArrayView text)
{
    QByteArray hex;
    QByteArrayView body = text;
    if (body.startsWith("urn:uuid:"))
        body = body.sliced(9);
    for (const char c : body) {
        if (c == '-' || c == '{' || c == '}')
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        hex.append(c);
    }
    if (hex.size() != 32)
        return std::nullopt;
    return QByteArray::fromHex(hex);
}

QString FlaskTags::dateTimeRepr(qint64 secondsSinceEpoch)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc());
    const QDate d = time.date();
    const QTime t = time.time();
    QString out = QStringLiteral("datetime.datetime(%1, %2, %3, %4, %5")
                      .arg(d.year())
                      .arg(d.month())
                      .arg(d.day())
                      .arg(t.hour())
                      .arg(t.minute());
    if (t.second() != 0)
        out += QStringLiteral(", %1").arg(t.second());
    return out + QStringLiteral(", tzinfo=datetime.timezone.utc)");
}

bool FlaskTags::isTagKey(const QString &key)
{
    return key == QLatin1String(" di") || key == QLatin1String(" d") ||
           key == QLatin1String(" t") || key == QLatin1String(" b") || key == QLatin1String(" m") ||
           key == QLatin1String(" u");
}

bool FlaskTags::codePointLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t x = codePointAt(a, i);
        const char32_t y = codePointAt(b, j);
        if (x != y)
            return x < y;
    }
    return i >= a.size() && j < b.size();
}

} // namespace sessionlens
