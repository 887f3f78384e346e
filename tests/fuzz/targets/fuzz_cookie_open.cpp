// Opens hostile cookies of both formats through CookieOpener, then runs every stage a
// user's view runs after it (tree text, repr, size report, diff, re-seal), each bounded.
//
// The first byte picks how the rest is used, so that the fuzzer also reaches the stages
// behind EncryptedSession's tag check:
//   0: the rest is a cookie (either format, or neither)
//   1: the rest is plaintext JSON, sealed without compression
//   2: the rest is a zlib stream, sealed with the "z" flag (inflate, then JSON)
#include "FuzzSupport.h"
#include "document/CookieOpener.h"
#include "document/SessionSealer.h"
#include "keys/KeyRing.h"
#include "text/TreeText.h"
#include "json/PythonRepr.h"
#include "json/SessionDiff.h"

#include <QByteArray>

using namespace sessionlens;

namespace {

SecureBytes fixedKey()
{
    const QByteArray raw =
        QByteArray::fromHex("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd");
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

const KeyRing &ring()
{
    static const KeyRing keys = [] {
        KeyRing r;
        (void)r.add(SessionKey(QStringLiteral("aes"), fixedKey()));
        const QByteArray secret = "fuzz-secret";
        (void)r.add(SessionKey(QStringLiteral("secret"),
                               SecureBytes(secret.constData(), std::size_t(secret.size())),
                               SessionKey::Kind::SigningSecret));
        return r;
    }();
    return keys;
}

// One opener for the run, as a batch keeps one: the AES schedule is built once.
CookieOpener &opener()
{
    static CookieOpener keeper(ring());
    return keeper;
}

QByteArray sealedForm(QByteArrayView body, bool zlibFlag)
{
    auto codec = EncryptedSessionCodec::create(fixedKey());
    const QByteArray payload = body.toByteArray();
    auto sealed = codec->sealPayload(payload, payload, zlibFlag, QByteArray(16, 'n'));
    return sealed ? sealed->cookie : QByteArray();
}

void viewStages(const CookieOpener::Opened &opened)
{
    const SessionValue &session = opened.session();
    TreeText::Options options;
    options.maxOutputChars = fuzz::kRenderBudget;
    (void)TreeText::indented(session, options);
    (void)TreeText::oneLine(session, options);
    (void)PythonRepr::reprBounded(session, fuzz::kRenderBudget);
    const SessionDiff::Result diff = SessionDiff::compare(session, SessionValue::makeDict());
    FUZZ_CHECK(diff.changes.size() <= limits::kMaxDiffChanges);
    FUZZ_CHECK(SessionDiff::compare(session, session).changes.isEmpty());

    SessionSealer::Options sealOptions;
    sealOptions.format = opened.format;
    sealOptions.timestamp = 1700000000;
    const SessionSealer::Sealed sealed = SessionSealer::seal(
        session,
        opened.format->keyKind() == CookieFormat::KeyKind::Secret ? ring().at(1).bytes()
                                                                  : fixedKey(),
        sealOptions);
    if (!sealed.ok())
        return;
    FUZZ_CHECK(sealed.report.cookieValueBytes == sealed.cookie.size());
    // What we seal, we open again, to the same text (signed cookies sort their keys, so
    // the tree's order may differ from the hostile input's; the text may not).
    const CookieOpener::Opened again = opener().open(sealed.cookie, FlaskSignedCodec::Options{});
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.json() == sealed.json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    QByteArray cookie;
    switch (data[0] % 3) {
    case 0:
        cookie = body.toByteArray();
        break;
    case 1:
        cookie = sealedForm(body, false);
        break;
    default:
        cookie = sealedForm(body, true);
        break;
    }
    const CookieOpener::Opened opened = opener().open(cookie, FlaskSignedCodec::Options{});
    const bool readable = opened.readable();
    if (!readable) {
        FUZZ_CHECK(opened.error.has_value());
        return 0;
    }
    FUZZ_CHECK(opened.session().type() == SessionValue::Type::Dict);
    FUZZ_CHECK(opened.warnings.size() <= limits::kMaxWarnings + 4);
    viewStages(opened);
    return 0;
}
