#pragma once

namespace sessionlens {

/// CPython's JSON number grammar, NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?
/// One lexer for the reader and its validator, so that the two can never disagree on where
/// a number ends or whether it is a float.
class JsonNumberLexer
{
public:
    struct Lexeme
    {
        const char *end = nullptr;   ///< one past the number; nullptr: no number here
        long long integerDigits = 0; ///< digits of the integer part (Python's conversion limit)
        bool isFloat = false;        ///< has a fraction or an exponent
    };

    /// The number at `p` (which points at '-' or a digit). What follows a complete prefix is
    /// left to the caller (the reader then says "Expecting ',' delimiter", as Python does).
    [[nodiscard]] static Lexeme lex(const char *p, const char *end);
};

} // namespace sessionlens
