#include "capture/ProxyRequestReader.h"

#include "capture/HttpFieldRules.h"

#include <http_parser.h>

#include <climits>

namespace sessionlens {

struct ProxyRequestReader::Parser
{
    http_parser parser{};
    http_parser_settings settings{};
    ProxyRequestReader *reader = nullptr;
    bool lastWasValue = false;
    bool tooManyHeaders = false;
    bool messageDone = false;

    static Parser &of(http_parser *p) { return *static_cast<Parser *>(p->data); }

    Parser()
    {
        settings.on_url = [](http_parser *p, const char *at, size_t n) {
            of(p).reader->m_head.target.append(at, qsizetype(n));
            return 0;
        };
        settings.on_header_field = [](http_parser *p, const char *at, size_t n) {
            Parser &self = of(p);
            auto &headers = self.reader->m_head.headers;
            if (self.lastWasValue || headers.isEmpty()) {
                if (headers.size() == kMaxHeaders) {
                    self.tooManyHeaders = true;
                    return 1;
                }
                headers.append({QByteArray(), QByteArray()});
            }
            self.lastWasValue = false;
            headers.last().first.append(at, qsizetype(n));
            return 0;
        };
        settings.on_header_value = [](http_parser *p, const char *at, size_t n) {
            Parser &self = of(p);
            self.lastWasValue = true;
            if (!self.reader->m_head.headers.isEmpty())
                self.reader->m_head.headers.last().second.append(at, qsizetype(n));
            return 0;
        };
        settings.on_headers_complete = [](http_parser *p) {
            ProxyRequestHead &head = of(p).reader->m_head;
            head.method = http_method_str(static_cast<http_method>(p->method));
            head.keepAlive = http_should_keep_alive(p) != 0;
            head.chunked = (p->flags & F_CHUNKED) != 0;
            head.contentLength =
                (head.chunked || p->content_length == ULLONG_MAX) ? -1 : qint64(p->content_length);
            return 0;
        };
        settings.on_body = [](http_parser *p, const char *at, size_t n) {
            of(p).reader->m_body.append(at, qsizetype(n));
            return 0;
        };
        settings.on_message_complete = [](http_parser *p) {
            Parser &self = of(p);
            self.messageDone = true;
            self.reader->m_head.keepAlive = http_should_keep_alive(p) != 0;
            // One message per feed: what follows is the next request, read after next().
            http_parser_pause(p, 1);
            return 0;
        };
    }
};

ProxyRequestReader::ProxyRequestReader() : m_parser(std::make_unique<Parser>())
{
    m_parser->reader = this;
}

ProxyRequestReader::~ProxyRequestReader() = default;

void ProxyRequestReader::next()
{
    if (m_stage != Stage::Complete)
        return;
    m_stage = Stage::Head;
    m_headBytes.clear();
    m_lastWasCr = false;
    m_head = ProxyRequestHead();
    m_body.clear();
}

void ProxyRequestReader::refuse(int status, const char *reason, const QByteArray &message)
{
    m_stage = Stage::Refused;
    m_refusal = {status, reason, message + '\n'};
}

qsizetype ProxyRequestReader::feed(QByteArrayView data)
{
    switch (m_stage) {
    case Stage::Head:
        return feedHead(data);
    case Stage::Body:
        return feedBody(data);
    case Stage::Complete:
    case Stage::Refused:
        break;
    }
    return 0;
}

qsizetype ProxyRequestReader::feedHead(QByteArrayView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (m_lastWasCr != (c == '\n')) {
            refuse(400, "Bad Request",
                   c == '\n' ? "a line ends in a bare LF; the proxy takes CRLF only"
                             : "a bare CR in the request head");
            return i;
        }
        m_lastWasCr = c == '\r';
        if (m_headBytes.isEmpty() && (c == '\r' || c == '\n'))
            continue; // empty lines before a request line are allowed (RFC 9112 2.2)
        if ((c == ' ' || c == '\t') && m_headBytes.endsWith("\r\n")) {
            refuse(400, "Bad Request", "a folded header line (obs-fold) in the request head");
            return i;
        }
        m_headBytes.append(c);
        if (m_headBytes.size() > kMaxHeadBytes) {
            refuse(431, "Request Header Fields Too Large", "request head over the proxy's limit");
            return i;
        }
        if (c == '\n' && m_headBytes.endsWith("\r\n\r\n")) {
            parseHead();
            return i + 1;
        }
    }
    return data.size();
}

void ProxyRequestReader::parseHead()
{
    Parser &p = *m_parser;
    http_parser_init(&p.parser, HTTP_REQUEST);
    p.parser.data = &p;
    p.lastWasValue = false;
    p.tooManyHeaders = false;
    p.messageDone = false;
    const size_t parsed = http_parser_execute(&p.parser, &p.settings, m_headBytes.constData(),
                                              size_t(m_headBytes.size()));
    const http_errno error = HTTP_PARSER_ERRNO(&p.parser);
    if (p.tooManyHeaders) {
        refuse(431, "Request Header Fields Too Large", "more headers than the proxy takes");
        return;
    }
    if ((error != HPE_OK && error != HPE_PAUSED) || parsed != size_t(m_headBytes.size())) {
        refuse(400, "Bad Request",
               QByteArray("cannot parse the request: ") + http_errno_description(error));
        return;
    }
    for (auto &[name, value] : m_head.headers) {
        // http-parser's lenient build passes `Name : value` with the space in the name.
        if (!HttpFieldRules::isToken(name)) {
            refuse(400, "Bad Request", "a header name is not a token (RFC 9110 5.1)");
            return;
        }
        if (!HttpFieldRules::isFieldValue(value)) {
            refuse(400, "Bad Request", "a header value holds a control character");
            return;
        }
        while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
            value.chop(1);
    }
    m_stage = p.messageDone ? Stage::Complete : Stage::Body;
    m_headReady = true;
}

qsizetype ProxyRequestReader::feedBody(QByteArrayView data)
{
    Parser &p = *m_parser;
    const QByteArrayView step = data.first(std::min(data.size(), kBodyStep));
    const size_t parsed =
        http_parser_execute(&p.parser, &p.settings, step.data(), size_t(step.size()));
    const http_errno error = HTTP_PARSER_ERRNO(&p.parser);
    if (error == HPE_PAUSED || p.messageDone) {
        m_stage = Stage::Complete;
    } else if (error != HPE_OK) {
        refuse(400, "Bad Request",
               QByteArray("cannot parse the request body: ") + http_errno_description(error));
    }
    return qsizetype(parsed);
}

} // namespace sessionlens
