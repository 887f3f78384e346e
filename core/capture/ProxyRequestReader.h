#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <memory>
#include <utility>

namespace sessionlens {

/// The parts of a request head the proxy decides on, as the client sent them.
struct ProxyRequestHead
{
    QByteArray method;
    QByteArray target;                                ///< the request-target, raw bytes
    QList<std::pair<QByteArray, QByteArray>> headers; ///< in order, duplicates kept
    bool keepAlive = true;
    bool chunked = false;
    qint64 contentLength = -1; ///< -1: none announced
};

/// An answer the proxy gives itself instead of forwarding.
struct ProxyRefusal
{
    int status = 0;
    QByteArray reason;  ///< the status line's reason phrase
    QByteArray message; ///< the plain-text body, one line
};

/**
 * Turns the bytes a client sends into request heads and bodies, without a socket, so the
 * proxy and its fuzz target read requests the same way.
 *
 * The head is cut out first, by these rules, and only then given to http-parser (whose
 * Debian build is the lenient one: it takes `Content-Length : 5` as a framing header):
 * lines end in CRLF (a bare LF or CR is refused, as strict servers do), the head stays
 * within kMaxHeadBytes and kMaxHeaders, every field name is an RFC 9110 token (so no
 * whitespace before the colon), every value a field value (so no folded lines). The body
 * is framed by http-parser and handed out in steps of at most kBodyStep bytes.
 */
class ProxyRequestReader
{
public:
    /// Request head (line and headers) larger than this is answered 431.
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    /// Request headers; more is answered 431.
    static constexpr qsizetype kMaxHeaders = 200;
    /// Body bytes one feed() reads at most, so a caller can stop between steps.
    static constexpr qsizetype kBodyStep = 64 * 1024;

    enum class Stage
    {
        Head,     ///< reading a head (perhaps none of it yet)
        Body,     ///< the head is read; body bytes come
        Complete, ///< one message is read; next() starts the following one
        Refused   ///< the client broke the rules: answer refusal(), then close
    };

    ProxyRequestReader();
    ~ProxyRequestReader();
    ProxyRequestReader(const ProxyRequestReader &) = delete;
    ProxyRequestReader &operator=(const ProxyRequestReader &) = delete;

    /**
     * Reads from `data` and returns how many bytes it took. Stops after a head (check
     * takeHeadReady()), after kBodyStep body bytes, at the end of a message and at a
     * refusal; a caller feeds the rest again.
     */
    qsizetype feed(QByteArrayView data);

    [[nodiscard]] Stage stage() const { return m_stage; }
    /// True once, right after a head was read.
    [[nodiscard]] bool takeHeadReady() { return std::exchange(m_headReady, false); }
    [[nodiscard]] const ProxyRequestHead &head() const { return m_head; }
    /// Body bytes read and not yet taken.
    [[nodiscard]] QByteArray takeBody() { return std::exchange(m_body, QByteArray()); }
    [[nodiscard]] qsizetype bodyBuffered() const { return m_body.size(); }
    /// Some bytes of a head have come (a client is talking, not idle).
    [[nodiscard]] bool headStarted() const
    {
        return m_stage != Stage::Head || !m_headBytes.isEmpty();
    }
    [[nodiscard]] const ProxyRefusal &refusal() const { return m_refusal; }
    /// After Complete: read the next message.
    void next();

private:
    qsizetype feedHead(QByteArrayView data);
    qsizetype feedBody(QByteArrayView data);
    void parseHead();
    void refuse(int status, const char *reason, const QByteArray &message);

    struct Parser;
    friend struct Parser;
    std::unique_ptr<Parser> m_parser;
    Stage m_stage = Stage::Head;
    bool m_headReady = false;
    bool m_lastWasCr = false;
    QByteArray m_headBytes;
    ProxyRequestHead m_head;
    QByteArray m_body;
    ProxyRefusal m_refusal;
};

} // namespace sessionlens
