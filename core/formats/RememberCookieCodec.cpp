#include "formats/RememberCookieCodec.h"

#include "crypto/ItsdangerousSigner.h"
#include "crypto/SigningKeyCache.h"
#include "encoding/HexDigit.h"
#include "json/Utf8Validator.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

#include <openssl/crypto.h>

namespace sessionlens {

namespace {

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool isHex(char c)
{
    return isLowerHex(c) || (c >= 'A' && c <= 'F');
}

bool isOctal(char c, char highest = '7')
{
    return c >= '0' && c <= highest;
}

// Werkzeug 2.2's _legal_cookie_chars: written without quotes.
bool isLegalCookieChar(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("/=!#$%&'*+-.^_`|~:").contains(char(c));
}

QByteArrayView withoutQuotes(QByteArrayView cookie)
{
    if (cookie.size() >= 2 && cookie.front() == '"' && cookie.back() == '"')
        return cookie.sliced(1, cookie.size() - 2);
    return cookie;
}

Result<ItsdangerousSigner> hmacSha512()
{
    return ItsdangerousSigner::create(RememberCookieCodec::signerOptions());
}

QByteArrayView view(const SecureBytes &bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())};
}

// ASCII, or bytes that are no UTF-8 text: Flask-Login's key is these bytes as they are.
bool isOwnKey(QByteArrayView bytes)
{
    bool ascii = true;
    for (const char c : bytes)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    return ascii || Utf8Validator::firstInvalid(bytes) >= 0;
}

} // namespace

ItsdangerousSigner::Options RememberCookieCodec::signerOptions()
{
    // No salt and no derivation: _cookie_digest is a bare HMAC under the secret.
    ItsdangerousSigner::Options options;
    options.digest = ItsdangerousSigner::Digest::Sha512;
    options.derivation = ItsdangerousSigner::KeyDerivation::None;
    options.salt.clear();
    return options;
}

QByteArray RememberCookieCodec::unquote(QByteArrayView quoted)
{
    const QByteArrayView body = withoutQuotes(quoted);
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out.append(c);
            continue;
        }
        // An octal escape wins over the one-character escape at the same backslash.
        if (i + 3 < body.size() && isOctal(body[i + 1], '3') && isOctal(body[i + 2]) &&
            isOctal(body[i + 3])) {
            out.append(char(((body[i + 1] - '0') << 6) | ((body[i + 2] - '0') << 3) |
                            (body[i + 3] - '0')));
            i += 3;
            continue;
        }
        out.append(body[i + 1]);
        ++i;
    }
    return out;
}

QByteArray RememberCookieCodec::quote(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size() + 2);
    bool allLegal = true;
    for (const char c : raw) {
        const auto byte = static_cast<unsigned char>(c);
        if (isLegalCookieChar(byte)) {
            out.append(c);
            continue;
        }
        allLegal = false;
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (c == ',' || c == ';' || byte < 32 || byte >= 127) {
            out.append('\\')
                .append(char('0' + (byte >> 6)))
                .append(char('0' + ((byte >> 3) & 7)))
                .append(char('0' + (byte & 7)));
        } else {
            out.append(c); // a space, brackets: legal inside the quotes
        }
    }
    return allLegal ? out : '"' + out + '"';
}

// Both read the value from its end: no hex digit is a '|', so the last '|' is where the hex
// digits from the end stop, and no search of the whole cookie for it is needed (the detection
// asks every cookie with a character outside base64 alphabets).
bool RememberCookieCodec::hasShape(QByteArrayView cookie)
{
    const QByteArrayView body = withoutQuotes(cookie);
    if (body.size() <= kDigestHexChars || body[body.size() - kDigestHexChars - 1] != '|')
        return false;
    const QByteArrayView digest = body.last(kDigestHexChars);
    return std::all_of(digest.begin(), digest.end(), isHex);
}

bool RememberCookieCodec::looksDamaged(QByteArrayView cookie)
{
    const QByteArrayView body = withoutQuotes(cookie);
    qsizetype bar = body.size() - 1;
    while (bar >= 0 && isHex(body[bar]))
        --bar;
    return bar >= 0 && bar + 1 < body.size() && body[bar] == '|';
}

Result<RememberCookieCodec::Parts> RememberCookieCodec::split(QByteArrayView cookie)
{
    if (cookie.size() > limits::kMaxCookieBytes)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "cookie of %1 bytes exceeds the input limit")
                               .arg(cookie.size()));
    Parts parts;
    // A quoted value, or its body when a paste lost the quotes: Werkzeug writes a backslash
    // only as an escape, so one means the value was quoted.
    parts.quoted = withoutQuotes(cookie).size() != cookie.size() || cookie.contains('\\');
    const QByteArray value = parts.quoted ? unquote(cookie) : cookie.toByteArray();
    const qsizetype bar = value.lastIndexOf('|');
    if (bar < 0)
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "expected <user id>|<hex digest>"));
    parts.userId = value.first(bar);
    parts.digestText = value.sliced(bar + 1);
    if (parts.digestText.size() != kDigestHexChars)
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "the digest has %1 characters, Flask-Login writes %2 hex digits")
                               .arg(parts.digestText.size())
                               .arg(kDigestHexChars),
                           {}, int(Part::Digest));
    for (qsizetype i = 0; i < parts.digestText.size(); ++i) {
        if (!isLowerHex(parts.digestText[i]))
            return Error::make(
                ErrorCategory::Format,
                QCoreApplication::translate("sessionlens::Error",
                                            "the digest holds '%1', not a lower-case hex digit "
                                            "(Flask-Login compares the hexdigest as text)")
                    .arg(QChar::fromLatin1(parts.digestText[i])),
                {}, int(Part::Digest), bar + 1 + i);
    }
    if (const qsizetype bad = Utf8Validator::firstInvalid(parts.userId); bad >= 0)
        return Error::make(ErrorCategory::Encoding,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the user id is not UTF-8 at byte %1 "
                                                       "(Werkzeug would read it replaced)")
                               .arg(bad),
                           {}, int(Part::UserId), bad);
    return parts;
}

std::optional<SecureBytes> RememberCookieCodec::flaskLoginKey(const SecureBytes &secret)
{
    const QByteArrayView bytes = view(secret);
    if (isOwnKey(bytes))
        return secret;
    const QString text = Utf8Validator::decode(bytes);
    SecureBytes latin1(std::size_t(text.size()));
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).unicode() > 0xff)
            return std::nullopt;
        latin1.data()[i] = static_cast<unsigned char>(text.at(i).unicode());
    }
    return latin1;
}

std::optional<SecureBytes> RememberCookieCodec::latin1Key(const SecureBytes &secret)
{
    // Checked before flaskLoginKey(), which would copy such a secret only to return it.
    if (isOwnKey(view(secret)))
        return std::nullopt;
    // UTF-8 text past ASCII: its Latin-1 bytes are fewer, so they always differ.
    return flaskLoginKey(secret);
}

Result<QByteArray> RememberCookieCodec::digest(QByteArrayView userId, const SecureBytes &key)
{
    auto signer = hmacSha512();
    if (!signer)
        return signer.error();
    QByteArray raw;
    if (!signer->sign(view(key), userId, &raw))
        return Error::make(ErrorCategory::Key, QCoreApplication::translate(
                                                   "sessionlens::Error", "OpenSSL failed to sign"));
    return raw.toHex();
}

bool RememberCookieCodec::matches(const Parts &parts, const SecureBytes &key,
                                  SigningKeyCache *signingKeys)
{
    // Without the caller's cache the key is prepared for this cookie alone.
    SigningKeyCache local;
    SigningKeyCache &cache = signingKeys ? *signingKeys : local;
    // Built once: the salt's bytes are not allocated again per cookie.
    static const ItsdangerousSigner::Options options = signerOptions();
    // split() let only hex of the digest's length through: read it on the stack (anything
    // else, from a caller's own Parts, goes the general way).
    std::array<char, kDigestHexChars / 2> digest{};
    const QByteArrayView hex = parts.digestText;
    bool hexDigest = hex.size() == kDigestHexChars;
    for (qsizetype i = 0; hexDigest && i < hex.size(); i += 2) {
        const int high = hexDigitValue(hex[i]), low = hexDigitValue(hex[i + 1]);
        hexDigest = high >= 0 && low >= 0;
        digest[std::size_t(i / 2)] = char((high << 4) | low);
    }
    const QByteArray other = hexDigest ? QByteArray() : QByteArray::fromHex(parts.digestText);
    auto matched =
        cache.verify(options, key, parts.userId,
                     hexDigest ? QByteArrayView(digest.data(), qsizetype(digest.size())) : other);
    return matched && *matched;
}

Result<QByteArray> RememberCookieCodec::sign(QByteArrayView userId, const SecureBytes &secret)
{
    const std::optional<SecureBytes> key = flaskLoginKey(secret);
    if (!key)
        return Error::make(ErrorCategory::Key,
                           QCoreApplication::translate(
                               "sessionlens::Error",
                               "Flask-Login cannot sign with this secret: as a str SECRET_KEY "
                               "it has characters beyond Latin-1"));
    auto hex = digest(userId, *key);
    if (!hex)
        return hex.error();
    return quote(userId.toByteArray() + '|' + hex.value());
}

} // namespace sessionlens
