#include "json/PythonFloat.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace sessionlens {

QByteArray PythonFloat::repr(double value, Specials specials)
{
    const bool json = specials == Specials::Json;
    if (std::isnan(value))
        return json ? QByteArrayLiteral("NaN") : QByteArrayLiteral("nan");
    if (std::isinf(value)) {
        if (value > 0)
            return json ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("inf");
        return json ? QByteArrayLiteral("-Infinity") : QByteArrayLiteral("-inf");
    }

    // Shortest round-trip digits in scientific form, e.g. "-1.2345e+17", then re-laid
    // out by CPython's float_repr rules.
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const char *p = buffer;
    QByteArray out;
    out.reserve(32);
    if (*p == '-') {
        out.append('-');
        ++p;
    }
    char digits[32];
    int digitCount = 0;
    for (; p < result.ptr && *p != 'e'; ++p) {
        if (*p != '.')
            digits[digitCount++] = *p;
    }
    int exponent = 0;
    std::from_chars(*(p + 1) == '+' ? p + 2 : p + 1, result.ptr, exponent);
    const int decimalPoint = exponent + 1; // digits are 0.d1d2... * 10^decimalPoint

    if (decimalPoint <= -4 || decimalPoint > 16) {
        out.append(digits[0]);
        if (digitCount > 1) {
            out.append('.');
            out.append(digits + 1, digitCount - 1);
        }
        out.append('e');
        out.append(exponent < 0 ? '-' : '+');
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10)
            out.append('0');
        out.append(QByteArray::number(magnitude));
    } else if (decimalPoint <= 0) {
        out.append("0.");
        out.append(QByteArray(-decimalPoint, '0'));
        out.append(digits, digitCount);
    } else if (decimalPoint >= digitCount) {
        out.append(digits, digitCount);
        out.append(QByteArray(decimalPoint - digitCount, '0'));
        out.append(".0");
    } else {
        out.append(digits, decimalPoint);
        out.append('.');
        out.append(digits + decimalPoint, digitCount - decimalPoint);
    }
    return out;
}

std::optional<double> PythonFloat::parse(QByteArrayView lexeme)
{
    const char *begin = lexeme.data();
    const char *end = begin + lexeme.size();
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ptr != end || begin == end)
        return std::nullopt;
    if (ec == std::errc())
        return value;
    if (ec != std::errc::result_out_of_range)
        return std::nullopt;

    // Out of range: decide overflow or underflow from the decimal magnitude.
    const bool negative = *begin == '-';
    const char *p = negative ? begin + 1 : begin;
    long long leadingPosition = 0; // power of ten of the first non-zero digit
    bool seenNonZero = false, afterPoint = false;
    long long integerDigits = 0, zerosAfterPoint = 0;
    for (; p < end && *p != 'e' && *p != 'E'; ++p) {
        if (*p == '.') {
            afterPoint = true;
            continue;
        }
        if (!seenNonZero && *p != '0') {
            seenNonZero = true;
            leadingPosition = afterPoint ? -(zerosAfterPoint + 1) : 0;
        }
        if (!afterPoint && seenNonZero)
            ++integerDigits;
        else if (afterPoint && !seenNonZero)
            ++zerosAfterPoint;
    }
    if (integerDigits > 0)
        leadingPosition = integerDigits - 1;
    long long exponent = 0;
    if (p < end) {
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        for (; p < end; ++p)
            exponent = std::min<long long>(exponent * 10 + (*p - '0'), 1'000'000'000LL);
        if (negativeExponent)
            exponent = -exponent;
    }
    const bool overflow = seenNonZero && leadingPosition + exponent > 0;
    const double magnitude = overflow ? std::numeric_limits<double>::infinity() : 0.0;
    return negative ? -magnitude : magnitude;
}

} // namespace sessionlens
