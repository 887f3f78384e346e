#include "InspectorController.h"

#include "KeyRingStore.h"
#include "json/PythonJsonWriter.h"

namespace sessionlens::gui {

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

const InspectorController::OpenResult &InspectorController::openText(const QString &text)
{
    OpenResult result;
    const QString cookieName = m_settings.string(AppSettings::Key::CookieName);
    auto extracted = CookieText::extract(text, cookieName);
    if (!extracted) {
        result.error = extracted.error();
        m_lastOpen = result;
        Q_EMIT opened(m_lastOpen);
        return m_lastOpen;
    }
    result.cookie = extracted.value();
    result.format = FormatDetector::detect(result.cookie.value);
    if (result.format == FormatDetector::Format::FlaskSigned) {
        result.error = Error::make(ErrorCategory::Format,
                                   tr("this is a Flask signed cookie; SessionLens opens EncryptedSession cookies"));
    } else if (m_keys.ring().size() == 0) {
        auto fields = EncryptedSessionCodec::split(result.cookie.value);
        if (fields)
            result.decoded.fields = fields.value();
        result.error = fields ? Error::make(ErrorCategory::Authentication, tr("the key ring is empty: add the app's key"))
                              : fields.error();
    } else {
        EncryptedSessionCodec::Limits limits;
        limits.maxInflatedSize = qsizetype(m_settings.integer(AppSettings::Key::MaxInflatedMiB)) * 1024 * 1024;
        m_keys.ring().setLimits(limits);
        KeyRing::Opened opened = m_keys.ring().open(result.cookie.value);
        result.decoded = std::move(opened.decoded);
        result.error = result.decoded.error;
        if (opened.keyIndex >= 0)
            result.keyName = m_keys.ring().at(opened.keyIndex).name();
    }
    m_lastOpen = std::move(result);
    if (m_lastOpen.ok()) {
        m_sealKeyName = m_lastOpen.keyName;
        m_document.reset(m_lastOpen.decoded.session, m_lastOpen.cookie.value, m_lastOpen.keyName);
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

void InspectorController::refresh()
{
    SizeReport::Options options;
    options.compression = m_compression;
    options.cookieName = m_settings.string(AppSettings::Key::CookieName);
    // One JSON pass serves the size report and the seal.
    const QByteArray json = PythonJsonWriter::write(m_document.root());
    m_sizeReport = SizeReport::compute(m_document.root(), json, options);

    m_sealedCookie.clear();
    m_sealError.reset();
    const SessionKey *key = m_keys.ring().find(m_sealKeyName);
    qsizetype index = -1;
    for (qsizetype i = 0; key && i < m_keys.ring().size(); ++i) {
        if (&m_keys.ring().at(i) == key)
            index = i;
    }
    EncryptedSessionCodec *codec = index >= 0 ? m_keys.ring().codec(index) : nullptr;
    if (!codec) {
        m_sealError = Error::make(ErrorCategory::Key, tr("choose a key to seal with"));
    } else {
        auto sealed = codec->sealPlaintext(json, m_compression);
        if (sealed)
            m_sealedCookie = sealed->cookie;
        else
            m_sealError = sealed.error();
    }
    Q_EMIT refreshed();
}

} // namespace sessionlens::gui
