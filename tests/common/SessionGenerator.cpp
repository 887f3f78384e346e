#include "SessionGenerator.h"

#include "json/PythonJsonWriter.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace sessionlens::test {

double SessionGenerator::awkwardDouble()
{
    switch (below(10)) {
    case 0:
        return std::numeric_limits<double>::quiet_NaN();
    case 1:
        return below(2) ? std::numeric_limits<double>::infinity()
                        : -std::numeric_limits<double>::infinity();
    case 2:
        return below(2) ? -0.0 : 0.0;
    case 3: // exponents around both switch points of repr
        return std::pow(10.0, below(40) - 20) * (1 + below(9));
    case 4:
        return double(below(100000)) / 8.0;
    case 5:
        return double(static_cast<qint64>(m_random.generate64() >> 11)); // large integral floats
    default: {
        // Any finite bit pattern.
        double d = 0;
        do {
            const quint64 bits = m_random.generate64();
            std::memcpy(&d, &bits, sizeof d);
        } while (!std::isfinite(d));
        return d;
    }
    }
}

QString SessionGenerator::text(int maxLength)
{
    const int length = below(maxLength + 1);
    QString out;
    for (int i = 0; i < length; ++i) {
        switch (below(12)) {
        case 0:
            out.append(QChar(static_cast<char16_t>(below(0x20)))); // controls
            break;
        case 1:
            out.append(QChar(static_cast<char16_t>(0xa0 + below(0x2000)))); // Latin-1 and beyond
            break;
        case 2:
            out.append(QChar(static_cast<char16_t>(0x3040 + below(0x60)))); // kana
            break;
        case 3: { // astral character as a surrogate pair
            const char32_t cp = 0x1F300 + static_cast<char32_t>(below(0x300));
            out.append(QString::fromUcs4(&cp, 1));
            break;
        }
        case 4: // lone surrogate
            out.append(QChar(static_cast<char16_t>(0xD800 + below(0x800))));
            break;
        case 5: {
            const char specials[] = "\"\\/'\x7f";
            out.append(QLatin1Char(specials[below(5)]));
            break;
        }
        default:
            out.append(QLatin1Char(static_cast<char>(0x20 + below(0x5f))));
        }
    }
    // Two lone surrogates may have met as a valid pair: both sides treat that as one
    // character, so the session stays comparable; nothing to fix here.
    return out;
}

SessionValue SessionGenerator::scalar()
{
    switch (below(8)) {
    case 0:
        return SessionValue::makeNull();
    case 1:
        return SessionValue::makeBool(below(2) == 1);
    case 2:
        return SessionValue::makeInteger(static_cast<qint64>(m_random.generate64()));
    case 3: {
        QByteArray digits = below(2) ? "-" : "";
        digits.append(static_cast<char>('1' + below(9)));
        const int count = below(60);
        for (int i = 0; i < count; ++i)
            digits.append(static_cast<char>('0' + below(10)));
        return SessionValue::makeInteger(digits);
    }
    case 4:
        return SessionValue::makeFloat(awkwardDouble());
    case 5: {
        QByteArray bytes(below(40), Qt::Uninitialized);
        for (char &c : bytes)
            c = static_cast<char>(below(256));
        return SessionValue::makeBytes(bytes);
    }
    default:
        return SessionValue::makeString(text(24));
    }
}

SessionValue SessionGenerator::value(int depth)
{
    const int pick = below(10);
    if (depth < 4 && pick == 0) {
        SessionValue list = SessionValue::makeList();
        const int n = below(5);
        for (int i = 0; i < n; ++i)
            list.append(value(depth + 1));
        return list;
    }
    if (depth < 4 && pick == 1) {
        SessionValue dict = SessionValue::makeDict();
        const int n = below(5);
        for (int i = 0; i < n; ++i)
            dict.setValue(text(8), value(depth + 1));
        return dict;
    }
    return scalar();
}

SessionValue SessionGenerator::flaskValue(int depth)
{
    switch (below(12)) {
    case 0:
        if (depth < 3) {
            SessionValue tuple = SessionValue::makeTuple();
            const int n = below(4);
            for (int i = 0; i < n; ++i)
                tuple.append(flaskValue(depth + 1));
            return tuple;
        }
        break;
    case 1:
        return SessionValue::makeMarkup(text(16));
    case 2: {
        QByteArray uuid(16, Qt::Uninitialized);
        for (char &c : uuid)
            c = static_cast<char>(below(256));
        return SessionValue::makeUuid(uuid);
    }
    case 3:
        return SessionValue::makeDateTime(qint64(m_random.bounded(4102444800.0))); // 1970..2100
    case 4:
        if (depth < 3) {
            const char *tags[] = {" t", " b", " m", " u", " d", " di"};
            SessionValue escaped = SessionValue::makeDict();
            escaped.setValue(QLatin1String(tags[below(6)]), flaskValue(depth + 1));
            return escaped;
        }
        break;
    case 5:
        if (depth < 3) {
            SessionValue list = SessionValue::makeList();
            const int n = below(4);
            for (int i = 0; i < n; ++i)
                list.append(flaskValue(depth + 1));
            return list;
        }
        break;
    case 6:
        if (depth < 3) {
            SessionValue dict = SessionValue::makeDict();
            const int n = below(4);
            for (int i = 0; i < n; ++i)
                dict.setValue(text(6), flaskValue(depth + 1));
            return dict;
        }
        break;
    default:
        break;
    }
    return scalar();
}

SessionValue SessionGenerator::flaskSession()
{
    SessionValue root = SessionValue::makeDict();
    // A quarter are tiny, where zlib cannot save the 2 bytes itsdangerous asks for.
    if (below(4) == 0) {
        root.setValue(text(4), below(2) ? flaskValue(3) : SessionValue::makeInteger(below(1000)));
        return root;
    }
    const int n = 1 + below(8);
    for (int i = 0; i < n; ++i)
        root.setValue(text(10), flaskValue(0));
    // Some sessions are long and repetitive, so that the payload gets compressed.
    if (below(3) == 0)
        root.setValue(QStringLiteral("_pad"),
                      SessionValue::makeString(QString(200 + below(2000), QLatin1Char('p'))));
    return root;
}

SessionValue SessionGenerator::session()
{
    SessionValue root = SessionValue::makeDict();
    const int n = 1 + below(8);
    for (int i = 0; i < n; ++i)
        root.setValue(text(10), value(0));
    // A third of the sessions are padded to land near or far past the compression threshold.
    const int padding = below(3);
    if (padding > 0) {
        const qsizetype current = PythonJsonWriter::write(root).size();
        const qsizetype target = padding == 1 ? 1000 + below(60) : 1500 + below(3000);
        if (target > current + 20) {
            QString filler;
            const qsizetype want = target - current - 16;
            while (filler.size() < want)
                filler.append(QLatin1Char(static_cast<char>('a' + below(26))));
            root.setValue(QStringLiteral("_pad"), SessionValue::makeString(filler));
        }
    }
    return root;
}

} // namespace sessionlens::test
