#pragma once

#include "Limits.h"
#include "Result.h"
#include "json/SessionValue.h"

#include <QByteArrayView>
#include <QStringList>

namespace sessionlens {

class JsonMemberList;

/**
 * Reads JSON the way CPython's `json.loads` does, into a SessionValue tree:
 * NaN / Infinity / -Infinity, integers of any size (up to CPython's 4300-digit
 * conversion limit), lone surrogate escapes, duplicate keys resolved as Python
 * does (last value, first position), and the format's tag objects turned into
 * typed nodes.
 *
 * No third-party parser is used: none keeps big integers, float lexemes,
 * lone surrogates and NaN together, and the reader must reject exactly what
 * Python rejects.
 */
class PythonJsonReader
{
public:
    /// Nesting beyond this is a `limit` error, never a stack overflow.
    static constexpr int kDefaultMaxDepth = 512;
    /// CPython refuses int() of longer decimal strings (sys.int_info.default_max_str_digits).
    static constexpr int kMaxIntegerDigits = 4300;

    enum class Dialect
    {
        Plain,            ///< no tag objects
        EncryptedSession, ///< {"__type__": "bytes", "b": "<base64>"} is bytes
        FlaskTagged,      ///< Flask's tags: " t" tuple, " b" bytes, " m" Markup, " u" UUID, " d"
                          ///< datetime, " di"
    };

    struct Options
    {
        Dialect dialect = Dialect::EncryptedSession;
        int maxDepth = kDefaultMaxDepth;
        /// Values (nodes) the session may hold; more is a `limit` error.
        qsizetype maxNodes = limits::kMaxNodes;
        /// EncryptedSession: move a non-bytes "__type__" key to the end of its dict, as the
        /// server's hook does when it loads. false keeps the text's order (a plaintext about to
        /// be sealed again) and notes where the server will move it.
        bool moveTypeKey = true;
        /// When set, PythonJsonValidator lists the top-level members there as it checks a
        /// text it accepts (SessionDialect::checkSession ties them to the text); the reader
        /// leaves it alone.
        JsonMemberList *topMembers = nullptr;
    };

    /**
     * Parses UTF-8 JSON text. Invalid UTF-8 is an `encoding` error, syntax a
     * `json` error (with the byte offset in Error::position), limits `limit`.
     * Notes about information Python would drop (duplicate keys, extra keys of
     * a tag object) are appended to `warnings` when given.
     */
    [[nodiscard]] static Result<SessionValue> read(QByteArrayView utf8, const Options &options,
                                                   QStringList *warnings = nullptr);
    [[nodiscard]] static Result<SessionValue> read(QByteArrayView utf8)
    {
        return read(utf8, Options{});
    }

    /// 1-based line and column of a byte offset, for error messages.
    static void lineAndColumn(QByteArrayView text, qsizetype position, int *line, int *column);
};

} // namespace sessionlens
