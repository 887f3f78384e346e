#include "InspectorController.h"

#include "KeyRingStore.h"

#include <QDateTime>

namespace sessionlens::gui {

bool InspectorController::OpenResult::hasSession() const
{
    return ok() || readableButUnverified();
}

bool InspectorController::OpenResult::readableButUnverified() const
{
    return isSigned() && opened.signedCookie.verification == FlaskSignedCodec::Verification::Invalid
           && opened.signedCookie.session.type() == SessionValue::Type::Dict;
}

InspectorController::InspectorController(AppSettings &settings, KeyRingStore &keys, QObject *parent)
    : QObject(parent), m_settings(settings), m_keys(keys), m_model(m_document, m_undoStack)
{
    m_compression = compressionFromName(m_settings.string(AppSettings::Key::Compression));
    m_model.setBytesForm(m_settings.string(AppSettings::Key::BytesDisplay) == QLatin1String("base64")
                             ? ValueText::BytesForm::Base64
                             : ValueText::BytesForm::Hex);
    connect(&m_model, &SessionTreeModel::sessionChanged, this, &InspectorController::refresh);
    connect(&m_keys, &KeyRingStore::changed, this, &InspectorController::refresh);
}

EncryptedSessionCodec::Compression InspectorController::compressionFromName(const QString &name)
{
    if (name == QLatin1String("always"))
        return EncryptedSessionCodec::Compression::Always;
    if (name == QLatin1String("never"))
        return EncryptedSessionCodec::Compression::Never;
    return EncryptedSessionCodec::Compression::Auto;
}

PythonJsonWriter::Style InspectorController::jsonStyle() const
{
    return isSigned() ? PythonJsonWriter::Style::FlaskTagged : PythonJsonWriter::Style::EncryptedSession;
}

PythonJsonReader::Options InspectorController::jsonReadOptions() const
{
    PythonJsonReader::Options options;
    options.dialect = isSigned() ? PythonJsonReader::Dialect::FlaskTagged : PythonJsonReader::Dialect::EncryptedSession;
    return options;
}

FlaskSignedCodec::Options InspectorController::signerOptions() const
{
    FlaskSignedCodec::Options options;
    options.maxInflatedSize = qsizetype(m_settings.integer(AppSettings::Key::MaxInflatedMiB)) * 1024 * 1024;
    options.lifetimeSeconds = qint64(m_settings.integer(AppSettings::Key::SessionLifetimeDays)) * 24 * 3600;
    options.signer.salt = m_settings.string(AppSettings::Key::SignerSalt).toUtf8();
    (void)ItsdangerousSigner::digestFromName(m_settings.string(AppSettings::Key::SignerDigest), &options.signer.digest);
    (void)ItsdangerousSigner::derivationFromName(m_settings.string(AppSettings::Key::SignerDerivation), &options.signer.derivation);
    options.legacyEpoch = m_settings.value(AppSettings::Key::SignerLegacyEpoch).toBool();
    return options;
}

const InspectorController::OpenResult &InspectorController::openText(const QString &text)
{
    OpenResult result;
    auto extracted = CookieText::extract(text, m_settings.string(AppSettings::Key::CookieName));
    if (!extracted) {
        result.error = extracted.error();
        m_lastOpen = result;
        Q_EMIT opened(m_lastOpen);
        return m_lastOpen;
    }
    result.cookie = extracted.value();
    result.opened = CookieOpener::open(result.cookie.value, m_keys.ring(), signerOptions());
    result.error = result.opened.error;
    if (result.opened.keyIndex >= 0)
        result.keyName = m_keys.ring().at(result.opened.keyIndex).name();
    m_lastOpen = std::move(result);
    if (m_lastOpen.hasSession()) {
        m_format = m_lastOpen.format();
        m_model.setJsonStyle(jsonStyle());
        m_verifiedSecret = m_lastOpen.isSigned() ? m_lastOpen.keyName : QString();
        m_originalTimestamp = m_lastOpen.isSigned() ? m_lastOpen.opened.signedCookie.parts.timestamp : 0;
        if (!m_lastOpen.keyName.isEmpty())
            m_sealKeyName = m_lastOpen.keyName;
        m_document.reset(m_lastOpen.opened.session(), m_lastOpen.cookie.value, m_lastOpen.keyName);
        m_undoStack.clear();
        m_model.resetFromDocument();
        Q_EMIT documentReplaced();
    }
    Q_EMIT opened(m_lastOpen);
    return m_lastOpen;
}

void InspectorController::loadSession(SessionValue session, const QString &keyName, QByteArray originalCookie)
{
    if (!keyName.isEmpty())
        m_sealKeyName = keyName;
    m_document.reset(std::move(session), std::move(originalCookie), keyName);
    m_undoStack.clear();
    m_model.resetFromDocument();
    Q_EMIT documentReplaced();
}

void InspectorController::setFormat(FormatDetector::Format format)
{
    m_format = format;
    m_model.setJsonStyle(jsonStyle());
    refresh();
}

void InspectorController::setSealKeyName(const QString &name)
{
    m_sealKeyName = name;
    refresh();
}

void InspectorController::setCompression(EncryptedSessionCodec::Compression compression)
{
    m_compression = compression;
    refresh();
}

void InspectorController::setTimestampMode(TimestampMode mode)
{
    m_timestampMode = mode;
    refresh();
}

void InspectorController::refresh()
{
    m_sealedCookie.clear();
    m_sealError.reset();
    if (isSigned())
        refreshSigned();
    else
        refreshEncrypted();
    Q_EMIT refreshed();
}

void InspectorController::refreshEncrypted()
{
    // The report writes and compresses the session once; the seal encrypts that same payload.
    SizeReport::Options options;
    options.compression = m_compression;
    options.cookieName = m_settings.string(AppSettings::Key::CookieName);
    m_sizeReport = SizeReport::compute(m_document.root(), options);

    const qsizetype index = m_keys.ring().indexOf(m_sealKeyName);
    EncryptedSessionCodec *codec = index >= 0 ? m_keys.ring().codec(index) : nullptr;
    if (!codec) {
        m_sealError = Error::make(ErrorCategory::Key, tr("choose an AES key to seal with"));
        return;
    }
    if (auto problem = EncryptedSessionCodec::checkSealable(m_document.root())) {
        m_sealError = *problem;
        return;
    }
    auto sealed = codec->sealPrepared(m_sizeReport.plaintext, m_sizeReport.payload, m_sizeReport.compressed);
    if (sealed)
        m_sealedCookie = sealed->cookie;
    else
        m_sealError = sealed.error();
}

void InspectorController::refreshSigned()
{
    const FlaskSignedCodec::Options options = signerOptions();
    m_sizeReport = SizeReport::computeSigned(m_document.root(), ItsdangerousSigner::digestSize(options.signer.digest),
                                             m_settings.string(AppSettings::Key::CookieName));
    const SessionKey *secret = m_keys.ring().find(m_sealKeyName);
    if (!secret || secret->kind() != SessionKey::Kind::SigningSecret) {
        m_sealError = Error::make(ErrorCategory::Key, tr("choose a Flask secret to sign with"));
        return;
    }
    const qint64 timestamp = m_timestampMode == TimestampMode::KeepOriginal && m_originalTimestamp > 0
                                 ? m_originalTimestamp
                                 : QDateTime::currentSecsSinceEpoch();
    auto signedCookie = FlaskSignedCodec::sign(m_document.root(), secret->bytes(), timestamp, options);
    if (signedCookie)
        m_sealedCookie = signedCookie.value();
    else
        m_sealError = signedCookie.error();
}

} // namespace sessionlens::gui
