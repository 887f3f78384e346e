#include "json/JsonIndenter.h"

namespace sessionlens {

QByteArray JsonIndenter::indent(QByteArrayView json, int width)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    int depth = 0;
    auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(qsizetype(depth) * width, ' '));
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        switch (c) {
        case '"': {
            // Copy the string whole, escapes included.
            const qsizetype start = i;
            for (++i; i < n && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            out.append(json.sliced(start, std::min(i, n - 1) - start + 1));
            break;
        }
        case '{':
        case '[': {
            out.append(c);
            // An empty container stays on one line.
            qsizetype next = i + 1;
            while (next < n && (json[next] == ' ' || json[next] == '\n' || json[next] == '\r' ||
                                json[next] == '\t'))
                ++next;
            if (next < n && (json[next] == '}' || json[next] == ']')) {
                out.append(json[next]);
                i = next;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break; // white space between tokens is the layout's to choose
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace sessionlens
