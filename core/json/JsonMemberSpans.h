#pragma once

#include <QByteArrayView>

namespace sessionlens {

/**
 * The top-level members of a JSON object text as they stand in it: each key as written
 * between its quotes (escapes kept) and the bytes of its `"key": value` member. For text the
 * reader (or its validator) has accepted: the audit's key costs, found without a tree.
 */
class JsonMemberSpans
{
public:
    /// Calls visit(key, member bytes) for each top-level member, in order.
    template <typename Visit> static void forEach(QByteArrayView json, Visit visit)
    {
        qsizetype i = skipSpace(json, 0);
        if (i >= json.size() || json[i] != '{')
            return;
        i = skipSpace(json, i + 1);
        while (i < json.size() && json[i] == '"') {
            const qsizetype keyStart = i;
            const qsizetype keyEnd = skipString(json, i);
            if (keyEnd < 0)
                break;
            i = skipSpace(json, keyEnd);
            if (i >= json.size() || json[i] != ':')
                break;
            i = skipSpace(json, i + 1);
            const qsizetype valueEnd = skipValue(json, i);
            if (valueEnd < 0)
                break;
            visit(json.sliced(keyStart + 1, keyEnd - keyStart - 2), valueEnd - keyStart);
            i = skipSpace(json, valueEnd);
            if (i < json.size() && json[i] == ',')
                i = skipSpace(json, i + 1);
            else
                break;
        }
    }

private:
    static qsizetype skipSpace(QByteArrayView s, qsizetype i);
    /// End of the string starting at the quote at i (index after the closing quote), or -1.
    static qsizetype skipString(QByteArrayView s, qsizetype i);
    /// End of the object or array whose bracket is at i (index after its closing bracket), or -1.
    static qsizetype skipContainer(QByteArrayView s, qsizetype i);
    /// End of the value at i, for valid JSON, or -1.
    static qsizetype skipValue(QByteArrayView s, qsizetype i);
};

} // namespace sessionlens
