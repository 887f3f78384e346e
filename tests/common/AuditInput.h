#pragma once

#include "keys/SessionKey.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace sessionlens::test {

/// The AES key (hex) and the signing secret that open the generated audit input.
inline const QByteArray kAuditKeyHex =
    "7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd";
inline const QByteArray kAuditSecret = "audit-secret";
SessionKey auditAesKey();

/// A generated audit input and the figures an audit of it must report, computed here
/// independently of the audit.
struct AuditInput
{
    QByteArray text;
    qint64 cookies = 0, opened = 0, encrypted = 0, signedCount = 0, unknown = 0, compressed = 0,
           over4093 = 0, over4096 = 0;
    /// The longest Set-Cookie value (`session=<value>; HttpOnly; Path=/`) of an opened cookie.
    qsizetype largestSetCookie = 0;
    QHash<QString, qint64> failed;
    QList<qsizetype> cookieBytes, plaintextBytes;
    QHash<QString, qint64> keyBytes;
};

/// Both formats, header lines, name=value pairs, a wrong key, garbage, empty lines, CRLF, no
/// final newline; the same seed gives the same input.
AuditInput generateAuditInput(int count, quint32 seed);

} // namespace sessionlens::test
