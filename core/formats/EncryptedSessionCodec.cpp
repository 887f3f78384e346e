#include "formats/EncryptedSessionCodec.h"

#include "crypto/SecureRandom.h"
#include "encoding/Base64.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"
#include <QCoreApplication>

namespace sessionlens {

EncryptedSessionCodec::EncryptedSessionCodec(EaxCipher cipher, Limits limits)
    : m_cipher(std::move(cipher)), m_limits(limits)
{
}

Result<EncryptedSessionCodec> EncryptedSessionCodec::create(const SecureBytes &key, Limits limits)
{
    auto cipher = EaxCipher::create(key);
    if (!cipher)
        return cipher.error();
    return EncryptedSessionCodec(std::move(cipher).value(), limits);
}

QString EncryptedSessionCodec::fieldName(Field field)
{
    switch (field) {
    case Field::Flag:
        return QStringLiteral("flag");
    case Field::Ciphertext:
        return QStringLiteral("ciphertext");
    case Field::Tag:
        return QStringLiteral("tag");
    case Field::Nonce:
        return QStringLiteral("nonce");
    }
    return {};
}

bool EncryptedSessionCodec::shouldCompress(qsizetype jsonSize, Compression compression)
{
    switch (compression) {
    case Compression::Always:
        return true;
    case Compression::Never:
        return false;
    case Compression::Auto:
        break;
    }
    return jsonSize > kCompressionThreshold;
}

Result<EncryptedSessionCodec::Fields>
EncryptedSessionCodec::split(QByteArrayView cookie, Fields *partial, FieldTexts texts)
{
    if (cookie.size() > kMaxCookieSize)
        return Error::make(
            ErrorCategory::Limit,
            QCoreApplication::translate("sessionlens::Error",
                                        "cookie of %1 bytes exceeds the %2-byte input limit")
                .arg(cookie.size())
                .arg(kMaxCookieSize));
    QByteArrayView parts[4];
    int count = 0;
    qsizetype start = 0;
    while (true) {
        const qsizetype dot = cookie.indexOf('.', start);
        const qsizetype end = dot < 0 ? cookie.size() : dot;
        if (count < 4)
            parts[count] = cookie.sliced(start, end - start);
        ++count;
        if (dot < 0)
            break;
        start = dot + 1;
    }
    if (count != 4)
        return Error::make(ErrorCategory::Format,
                           QCoreApplication::translate(
                               "sessionlens::Error", "expected 4 fields separated by '.', found %1")
                               .arg(count));

    Fields fields;
    fields.flag = parts[0].toByteArray();
    if (fields.flag.isEmpty())
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error", "the flag field is empty"), {},
            int(Field::Flag));
    fields.compressed = fields.flag == "z";
    fields.unknownFlag = fields.flag != "z" && fields.flag != "u";
    if (texts == FieldTexts::Keep) {
        fields.ciphertextText = parts[1].toByteArray();
        fields.tagText = parts[2].toByteArray();
        fields.nonceText = parts[3].toByteArray();
        if (partial)
            *partial = fields; // the field texts, so a later base64 error can point into them
    }

    const struct
    {
        Field field;
        QByteArrayView text;
        QByteArray &out;
    } decodes[] = {{Field::Ciphertext, parts[1], fields.ciphertext},
                   {Field::Tag, parts[2], fields.tag},
                   {Field::Nonce, parts[3], fields.nonce}};
    for (const auto &item : decodes) {
        auto bytes = Base64::decode(item.text, Base64::Alphabet::Standard);
        if (!bytes) {
            Error error = bytes.error();
            error.field = int(item.field);
            error.detail = QCoreApplication::translate("sessionlens::Error", "in the %1 field")
                               .arg(fieldName(item.field));
            return error;
        }
        item.out = std::move(bytes).value();
    }
    if (fields.tag.size() != EaxCipher::kTagSize)
        return Error::make(ErrorCategory::Authentication,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the tag is %1 bytes, EAX tags are 16")
                               .arg(fields.tag.size()),
                           {}, int(Field::Tag));
    return fields;
}

EncryptedSessionCodec::Decoded EncryptedSessionCodec::decode(QByteArrayView cookie)
{
    Decoded decoded;
    auto fields = split(cookie);
    if (!fields) {
        decoded.error = fields.error();
        return decoded;
    }
    decoded.fields = std::move(fields).value();
    decodeFields(decoded);
    return decoded;
}

void EncryptedSessionCodec::decodeFields(Decoded &decoded)
{
    const Fields &fields = decoded.fields;
    if (fields.unknownFlag)
        decoded.warnings.append(
            QCoreApplication::translate("sessionlens::Note",
                                        "unknown flag \"%1\": the server treats it as uncompressed")
                .arg(QString::fromLatin1(fields.flag)));

    if (m_limits.keepCiphertext) {
        auto payload = m_cipher.decrypt(fields.nonce, {}, fields.ciphertext, fields.tag);
        if (!payload) {
            decoded.error = payload.error();
            decoded.error->field = int(Field::Tag);
            return;
        }
        decoded.payload = std::move(payload).value();
    } else {
        // A wrong key leaves the ciphertext for the next one.
        if ((decoded.error = m_cipher.decryptInPlace(fields.nonce, {}, decoded.fields.ciphertext,
                                                     fields.tag))) {
            decoded.error->field = int(Field::Tag);
            return;
        }
        decoded.payload = std::move(decoded.fields.ciphertext);
    }

    if (fields.compressed) {
        auto inflated = ZlibCodec::inflate(decoded.payload, m_limits.maxInflatedSize);
        if (!inflated) {
            decoded.error = inflated.error();
            decoded.error->field = int(Field::Ciphertext);
            return;
        }
        if (inflated->trailingBytes > 0)
            decoded.warnings.append(
                QCoreApplication::translate("sessionlens::Note",
                                            "%1 bytes after the zlib stream are ignored")
                    .arg(inflated->trailingBytes));
        decoded.plaintext = std::move(inflated->data);
    } else {
        decoded.plaintext = decoded.payload;
    }

    QStringList warnings;
    PythonJsonReader::Options options;
    options.dialect = PythonJsonReader::Dialect::EncryptedSession;
    options.maxDepth = m_limits.maxDepth;
    options.topMembers = m_limits.topMembers;
    if (!m_limits.buildSession) {
        decoded.error = SessionDialect::checkSession(decoded.plaintext, options, &warnings);
        decoded.warnings.append(warnings);
        return;
    }
    auto session = PythonJsonReader::read(decoded.plaintext, options, &warnings);
    decoded.warnings.append(warnings);
    if (!session) {
        decoded.error = session.error();
        return;
    }
    if ((decoded.error = SessionDialect::checkIsSession(*session)))
        return;
    decoded.session = std::move(session).value();
}

namespace {

// json.dumps with the bytes-aware encoder raises TypeError for these: the server would fail to
// save.
const SessionValue *firstUnencodable(const SessionValue &node)
{
    if (node.type() == SessionValue::Type::Uuid || node.type() == SessionValue::Type::DateTime)
        return &node;
    for (qsizetype i = 0; i < node.size(); ++i) {
        if (const SessionValue *found = firstUnencodable(*node.child(i)))
            return found;
    }
    return nullptr;
}

} // namespace

std::optional<Error> EncryptedSessionCodec::checkSealable(const SessionValue &session)
{
    if (auto notSession = SessionDialect::checkIsSession(session))
        return notSession;
    if (const SessionValue *node = firstUnencodable(session))
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error",
                                        "EncryptedSession's JSON encoder cannot write a %1 value")
                .arg(SessionValue::typeName(node->type())),
            PythonRepr::path(node));
    return std::nullopt;
}

Result<EncryptedSessionCodec::Sealed> EncryptedSessionCodec::seal(const SessionValue &session,
                                                                  Compression compression)
{
    if (auto problem = checkSealable(session))
        return *problem;
    return sealPlaintext(PythonJsonWriter::write(session), compression);
}

Result<EncryptedSessionCodec::Sealed>
EncryptedSessionCodec::sealPlaintext(const QByteArray &plaintext, Compression compression,
                                     const QByteArray &nonce)
{
    const bool compressed = shouldCompress(plaintext.size(), compression);
    if (!compressed)
        return sealPayload(plaintext, plaintext, false, nonce);
    const QByteArray payload = ZlibCodec::deflate(plaintext);
    if (payload.isEmpty())
        return Error::make(
            ErrorCategory::Decompression,
            QCoreApplication::translate("sessionlens::Error", "zlib could not compress"));
    return sealPayload(plaintext, payload, true, nonce);
}

Result<EncryptedSessionCodec::Sealed>
EncryptedSessionCodec::sealPayload(const QByteArray &plaintext, const QByteArray &payload,
                                   bool compressed, const QByteArray &givenNonce)
{
    QByteArray nonce = givenNonce;
    if (nonce.isEmpty()) {
        auto fresh = SecureRandom::bytes(kNonceSize);
        if (!fresh)
            return fresh.error();
        nonce = std::move(fresh).value();
    }
    Sealed sealed;
    sealed.plaintext = plaintext;
    sealed.compressed = compressed;
    sealed.payload = payload;
    auto encrypted = m_cipher.encrypt(nonce, {}, sealed.payload);
    if (!encrypted)
        return encrypted.error();
    Fields &f = sealed.fields;
    f.flag = sealed.compressed ? "z" : "u";
    f.compressed = sealed.compressed;
    f.ciphertext = std::move(encrypted->ciphertext);
    f.tag = std::move(encrypted->tag);
    f.nonce = nonce;
    f.ciphertextText = Base64::encode(f.ciphertext, Base64::Alphabet::Standard);
    f.tagText = Base64::encode(f.tag, Base64::Alphabet::Standard);
    f.nonceText = Base64::encode(f.nonce, Base64::Alphabet::Standard);
    sealed.cookie.reserve(f.flag.size() + f.ciphertextText.size() + f.tagText.size() +
                          f.nonceText.size() + 3);
    sealed.cookie.append(f.flag)
        .append('.')
        .append(f.ciphertextText)
        .append('.')
        .append(f.tagText)
        .append('.')
        .append(f.nonceText);
    return sealed;
}

} // namespace sessionlens
