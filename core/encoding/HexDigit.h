#pragma once

namespace sessionlens {

/// The value of a hex digit of either case, -1 for any other character: key text, the
/// remember cookie's digest, JSON's u-escapes and session paths read hex a character at a
/// time.
[[nodiscard]] constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace sessionlens
