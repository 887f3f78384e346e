#include "json/JsonNumberLexer.h"

namespace sessionlens {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

JsonNumberLexer::Lexeme JsonNumberLexer::lex(const char *p, const char *end)
{
    Lexeme lexeme;
    if (p < end && *p == '-')
        ++p;
    if (p >= end || !isDigit(*p))
        return lexeme;
    const char *digits = p;
    if (*p == '0')
        ++p;
    else
        while (p < end && isDigit(*p))
            ++p;
    lexeme.integerDigits = p - digits;
    if (p + 1 < end && *p == '.' && isDigit(p[1])) {
        lexeme.isFloat = true;
        p += 2;
        while (p < end && isDigit(*p))
            ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-'))
            ++q;
        if (q < end && isDigit(*q)) {
            lexeme.isFloat = true;
            while (q < end && isDigit(*q))
                ++q;
            p = q;
        }
    }
    lexeme.end = p;
    return lexeme;
}

} // namespace sessionlens
