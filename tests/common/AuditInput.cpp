#include "AuditInput.h"

#include "formats/FormatRegistry.h"

#include "document/SessionSealer.h"
#include "formats/FormatDetector.h"
#include "json/PythonJsonWriter.h"
#include "json/SessionValue.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace sessionlens::test {

SessionKey auditAesKey()
{
    const QByteArray raw = QByteArray::fromHex(kAuditKeyHex);
    return SessionKey(QStringLiteral("aes"), SecureBytes(raw.constData(), 32));
}

AuditInput generateAuditInput(int count, quint32 seed)
{
    AuditInput g;
    QRandomGenerator random(seed);
    const QByteArray otherRaw(32, '\x42');
    const SecureBytes otherKey(otherRaw.constData(), 32);
    for (int i = 0; i < count; ++i) {
        SessionValue session = SessionValue::makeDict();
        session.setValue(QStringLiteral("user"),
                         SessionValue::makeString(QStringLiteral("u%1").arg(i)));
        session.setValue(QStringLiteral("pad"),
                         SessionValue::makeString(QString(int(random.bounded(3000)), u'x')));
        const int kind = int(random.bounded(7));
        SessionSealer::Options options;
        QByteArray cookie;
        bool opens = true;
        if (kind <= 2) {
            cookie = SessionSealer::seal(session, auditAesKey().bytes(), options).cookie;
        } else if (kind == 3) {
            options.format = FormatRegistry::builtIn().find(u"signed");
            options.timestamp = QDateTime::currentSecsSinceEpoch();
            cookie = SessionSealer::seal(
                         session,
                         SecureBytes(kAuditSecret.constData(), std::size_t(kAuditSecret.size())),
                         options)
                         .cookie;
        } else if (kind == 4) {
            cookie =
                SessionSealer::seal(session, otherKey, options).cookie; // no key of ours opens it
            opens = false;
            g.failed[QStringLiteral("authentication")] += 1;
        } else if (kind == 5) {
            g.text.append(i % 2 ? "\r\n" : "\n"); // an empty line: not a cookie
            continue;
        } else {
            cookie = "not-a-cookie";
            opens = false;
            g.failed[QStringLiteral("format")] += 1;
        }
        // A bare value, a request header or a name=value pair: all read as decode reads them.
        const int form = int(random.bounded(4));
        g.text.append(form == 0   ? "Cookie: theme=dark; session=" + cookie
                      : form == 1 ? "session=" + cookie
                                  : cookie);
        g.text.append(random.bounded(2) ? "\r\n" : "\n");
        ++g.cookies;
        g.cookieBytes.append(cookie.size());
        const bool isSigned = kind == 3;
        (isSigned ? g.signedCount : kind == 6 ? g.unknown : g.encrypted) += 1;
        if (7 + 1 + cookie.size() + 18 > 4093)
            ++g.over4093;
        if (7 + cookie.size() > 4096)
            ++g.over4096;
        if (opens) {
            ++g.opened;
            g.largestSetCookie = std::max(g.largestSetCookie, 7 + 1 + cookie.size() + 18);
            const QByteArray json =
                isSigned ? PythonJsonWriter::write(session, PythonJsonWriter::Style::FlaskTagged)
                         : PythonJsonWriter::write(session);
            g.plaintextBytes.append(json.size());
            g.compressed +=
                isSigned ? (cookie.startsWith('.') ? 1 : 0) : (cookie.startsWith('z') ? 1 : 0);
            // A member's bytes, as the Python reference measures them: the key alone in a dict,
            // written, less its braces.
            const auto style = isSigned ? PythonJsonWriter::Style::FlaskTagged
                                        : PythonJsonWriter::Style::EncryptedSession;
            for (qsizetype k = 0; k < session.size(); ++k) {
                SessionValue alone = SessionValue::makeDict();
                alone.setValue(session.child(k)->key(), *session.child(k));
                g.keyBytes[session.child(k)->key()] +=
                    PythonJsonWriter::write(alone, style).size() - 2;
            }
        }
    }
    if (g.text.endsWith('\n'))
        g.text.chop(g.text.endsWith("\r\n") ? 2 : 1); // no final newline
    return g;
}

} // namespace sessionlens::test
