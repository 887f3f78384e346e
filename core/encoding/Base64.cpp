#include "encoding/Base64.h"

#include <QCoreApplication>
#include <array>

namespace sessionlens {

namespace {

using DecodeTable = std::array<signed char, 256>;

constexpr DecodeTable makeTable(char plus, char slash)
{
    DecodeTable table{};
    for (auto &entry : table)
        entry = -1;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 62; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    table[static_cast<unsigned char>(plus)] = 62;
    table[static_cast<unsigned char>(slash)] = 63;
    return table;
}

constexpr DecodeTable kStandard = makeTable('+', '/');
constexpr DecodeTable kUrlSafe = makeTable('-', '_');

// Each character's six bits already shifted to their place in a group's 24, one table per
// place, with the top bit set for a character outside the alphabet: a group of four then costs
// four loads and three ORs (every cookie's payload goes through here).
using GroupTables = std::array<std::array<quint32, 256>, 4>;
constexpr quint32 kNotBase64 = 0x80000000u;

constexpr GroupTables makeGroupTables(const DecodeTable &table)
{
    GroupTables tables{};
    for (int place = 0; place < 4; ++place) {
        for (int c = 0; c < 256; ++c) {
            tables[std::size_t(place)][std::size_t(c)] =
                table[std::size_t(c)] < 0 ? kNotBase64
                                          : quint32(table[std::size_t(c)]) << (18 - 6 * place);
        }
    }
    return tables;
}

constexpr GroupTables kStandardGroups = makeGroupTables(kStandard);
constexpr GroupTables kUrlSafeGroups = makeGroupTables(kUrlSafe);

Error badCharacter(QByteArrayView text, qsizetype position)
{
    const auto c = static_cast<unsigned char>(text[position]);
    const QString shown = (c >= 0x20 && c < 0x7f)
                              ? QStringLiteral("'%1'").arg(QLatin1Char(static_cast<char>(c)))
                              : QStringLiteral("0x%1").arg(c, 2, 16, QChar(u'0'));
    return Error::make(
        ErrorCategory::Base64,
        QCoreApplication::translate("sessionlens::Error", "character %1 at offset %2 is not base64")
            .arg(shown)
            .arg(position),
        {}, -1, position);
}

} // namespace

Result<QByteArray> Base64::decode(QByteArrayView text, Alphabet alphabet)
{
    const DecodeTable &table = alphabet == Alphabet::Standard ? kStandard : kUrlSafe;
    qsizetype length = text.size();
    if (alphabet == Alphabet::Standard) {
        if (length % 4 != 0) {
            // A character that is not base64 explains more than the length it leads to.
            for (qsizetype k = 0; k < length; ++k) {
                if (table[static_cast<unsigned char>(text[k])] < 0 && text[k] != '=')
                    return badCharacter(text, k);
            }
            return Error::make(
                ErrorCategory::Base64,
                QCoreApplication::translate("sessionlens::Error",
                                            "length %1 is not a multiple of 4 (padding missing)")
                    .arg(length),
                {}, -1, length);
        }
        int padding = 0;
        while (padding < 2 && length > 0 && text[length - 1] == '=') {
            --length;
            ++padding;
        }
    }
    if (length % 4 == 1)
        return Error::make(
            ErrorCategory::Base64,
            QCoreApplication::translate("sessionlens::Error", "%1 characters cannot be base64")
                .arg(length),
            {}, -1, length);

    QByteArray out((length / 4) * 3 + (length % 4 ? length % 4 - 1 : 0), Qt::Uninitialized);
    auto *target = reinterpret_cast<unsigned char *>(out.data());
    const auto *source = reinterpret_cast<const unsigned char *>(text.data());
    const GroupTables &groups = alphabet == Alphabet::Standard ? kStandardGroups : kUrlSafeGroups;
    qsizetype i = 0;
    for (; i + 4 <= length; i += 4) {
        const quint32 v = groups[0][source[i]] | groups[1][source[i + 1]] |
                          groups[2][source[i + 2]] | groups[3][source[i + 3]];
        if (v & kNotBase64) {
            for (qsizetype k = i;; ++k) {
                if (table[source[k]] < 0)
                    return badCharacter(text, k);
            }
        }
        *target++ = static_cast<unsigned char>(v >> 16);
        *target++ = static_cast<unsigned char>(v >> 8);
        *target++ = static_cast<unsigned char>(v);
    }
    const qsizetype rest = length - i;
    if (rest > 0) {
        unsigned v = 0;
        for (qsizetype k = 0; k < rest; ++k) {
            const int digit = table[source[i + k]];
            if (digit < 0)
                return badCharacter(text, i + k);
            v |= unsigned(digit) << (18 - 6 * k);
        }
        *target++ = static_cast<unsigned char>(v >> 16);
        if (rest == 3)
            *target++ = static_cast<unsigned char>(v >> 8);
    }
    return out;
}

Result<QByteArray> Base64::decodeLenient(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() / 4 * 3 + 3);
    int quadPosition = 0;
    int pads = 0;
    unsigned char left = 0;
    // Step by step as CPython's binascii.a2b_base64 (strict_mode=False).
    for (const char c : text) {
        if (c == '=') {
            if (quadPosition >= 2 && quadPosition + ++pads >= 4)
                return out;
            continue;
        }
        const signed char value = kStandard[static_cast<unsigned char>(c)];
        if (value < 0)
            continue;
        const auto bits = static_cast<unsigned char>(value);
        pads = 0;
        switch (quadPosition) {
        case 0:
            left = bits;
            break;
        case 1:
            out.append(static_cast<char>((left << 2) | (bits >> 4)));
            left = bits & 0x0f;
            break;
        case 2:
            out.append(static_cast<char>((left << 4) | (bits >> 2)));
            left = bits & 0x03;
            break;
        default:
            out.append(static_cast<char>((left << 6) | bits));
            left = 0;
            break;
        }
        quadPosition = (quadPosition + 1) % 4;
    }
    if (quadPosition == 1)
        return Error::make(ErrorCategory::Base64,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "number of data characters (%1) cannot be "
                                                       "1 more than a multiple of 4")
                               .arg(out.size() / 3 * 4 + 1));
    if (quadPosition != 0)
        return Error::make(ErrorCategory::Base64,
                           QCoreApplication::translate("sessionlens::Error", "incorrect padding"));
    return out;
}

QByteArray Base64::encode(QByteArrayView data, Alphabet alphabet)
{
    const QByteArray raw = QByteArray::fromRawData(data.data(), data.size());
    if (alphabet == Alphabet::Standard)
        return raw.toBase64();
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

qsizetype Base64::encodedSize(qsizetype byteCount, Alphabet alphabet)
{
    if (alphabet == Alphabet::Standard)
        return ((byteCount + 2) / 3) * 4;
    return (byteCount / 3) * 4 + (byteCount % 3 ? byteCount % 3 + 1 : 0);
}

} // namespace sessionlens
