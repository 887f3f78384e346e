#include "json/JsonMemberSpans.h"

#include <cstring>

namespace sessionlens {

qsizetype JsonMemberSpans::skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    return i;
}

qsizetype JsonMemberSpans::skipString(QByteArrayView s, qsizetype i)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    const char *p = begin + i + 1;
    while (p < end) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', std::size_t(end - p)));
        if (!quote)
            return -1;
        // Escaped when an odd run of backslashes stands before it.
        const char *back = quote;
        while (back > p && back[-1] == '\\')
            --back;
        if ((quote - back) % 2 == 0)
            return quote - begin + 1;
        p = quote + 1;
    }
    return -1;
}

qsizetype JsonMemberSpans::skipValue(QByteArrayView s, qsizetype i)
{
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
            if (i < 0)
                return -1;
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            return i;
        }
        ++i;
    }
    return depth == 0 ? i : -1;
}

} // namespace sessionlens
