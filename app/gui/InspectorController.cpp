#include "InspectorController.h"

#include "ConvertCommand.h"
#include "KeyRingStore.h"
#include "SessionEditCommand.h"
#include "crypto/ItsdangerousSigner.h"
#include "formats/DjangoSignedFormat.h"
#include "formats/KeyNeed.h"
#include "formats/SessionDialect.h"
#include "formats/StarletteSessionFormat.h"
#include "formats/WtfCsrfCodec.h"
#include "formats/WtfCsrfFormat.h"
#include "keys/SessionKey.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>
#include <memory>

namespace sessionlens::gui {

namespace {
constexpr qsizetype kBytesPerMiB = 1024 * 1024; // the setting is in MiB
} // namespace

bool InspectorController::OpenResult::hasSession() const
{
    return ok() || readableButUnverified();
}

bool InspectorController::OpenResult::readableButUnverified() const
{
    return !ok() && opened.readable();
}

InspectorController::InspectorController(AppSettings &settings, KeyRingStore &keys, QObject *parent)
    : QObject(parent), m_settings(settings), m_keys(keys), m_opener(keys.ring()),
      m_model(m_document, m_undoStack)
{
    m_document.setFormat(FormatRegistry::builtIn().fallback());
    m_compression = compressionFromName(m_settings.string(AppSettings::Key::Compression));
    m_model.setBytesForm(m_settings.bytesForm());
    connect(&m_model, &SessionTreeModel::sessionChanged, this, &InspectorController::refresh);
    m_measurePool.setMaxThreadCount(1);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] { refreshAge(); });
    connect(&m_keys, &KeyRingStore::changed, this, &InspectorController::refresh);
}

EncryptedSessionCodec::Compression InspectorController::compressionFromName(const QString &name)
{
    return SessionSealer::compressionFromName(name).value_or(
        EncryptedSessionCodec::Compression::Auto);
}

PythonJsonWriter::Style InspectorController::jsonStyle() const
{
    return format()->writerStyle();
}

PythonJsonReader::Options InspectorController::jsonReadOptions() const
{
    return format()->readerOptions();
}

FlaskSignedCodec::Options InspectorController::signerOptions() const
{
    FlaskSignedCodec::Options options;
    options.maxInflatedSize =
        qsizetype(m_settings.integer(AppSettings::Key::MaxInflatedMiB)) * kBytesPerMiB;
    options.lifetimeSeconds =
        qint64(m_settings.integer(AppSettings::Key::SessionLifetimeDays)) * 24 * 3600;
    options.signer.salt = m_settings.string(AppSettings::Key::SignerSalt).toUtf8();
    (void)ItsdangerousSigner::digestFromName(m_settings.string(AppSettings::Key::SignerDigest),
                                             &options.signer.digest);
    (void)ItsdangerousSigner::derivationFromName(
        m_settings.string(AppSettings::Key::SignerDerivation), &options.signer.derivation);
    options.legacyEpoch = m_settings.value(AppSettings::Key::SignerLegacyEpoch).toBool();
    // Each format's age by its own library's setting, never Flask's session lifetime.
    // 0 is "None": no max_age for Starlette, no WTF_CSRF_TIME_LIMIT (Django's age is always set).
    const auto orNoLimit = [](qint64 seconds) {
        return seconds > 0 ? seconds : FlaskSignedCodec::kNoLifetimeLimit;
    };
    options.ageLimits.insert(
        StarletteSessionFormat::formatId(),
        orNoLimit(m_settings.integer(AppSettings::Key::StarletteMaxAgeSeconds)));
    options.ageLimits.insert(DjangoSignedFormat::formatId(),
                             m_settings.integer(AppSettings::Key::DjangoCookieAgeSeconds));
    options.ageLimits.insert(
        WtfCsrfFormat::formatId(),
        orNoLimit(m_settings.integer(AppSettings::Key::WtfCsrfTimeLimitSeconds)));
    return options;
}

bool InspectorController::mayReplaceDocument() const
{
    return m_undoStack.isClean() || !m_replaceGuard || m_replaceGuard();
}

QByteArray InspectorController::sessionJsonText() const
{
    if (m_undoStack.isClean() && m_lastOpen.hasSession() && format() == m_lastOpen.format() &&
        !m_lastOpen.opened.json().isEmpty() &&
        m_document.originalCookie() == m_lastOpen.cookie.value)
        return m_lastOpen.opened.json();
    return PythonJsonWriter::write(m_document.root(), jsonStyle());
}

std::optional<FlaskLoginSession::Client> InspectorController::flaskLoginClient() const
{
    const QString userAgent = m_settings.string(AppSettings::Key::FlaskLoginUserAgent);
    if (userAgent.isEmpty())
        return std::nullopt;
    return FlaskLoginSession::Client{
        m_settings.string(AppSettings::Key::FlaskLoginAddress).toUtf8(), userAgent.toUtf8()};
}

const InspectorController::OpenResult &InspectorController::openText(const QString &text)
{
    return openText(text, std::nullopt);
}

const InspectorController::OpenResult &
InspectorController::openText(const QString &text,
                              const std::optional<FlaskLoginSession::Client> &client)
{
    OpenResult result;
    result.sourceText = text;
    auto extracted = CookieText::extract(text, m_settings.string(AppSettings::Key::CookieName));
    if (!extracted) {
        result.error = extracted.error();
        m_lastOpen = result;
        m_ageTimer.stop();
        Q_EMIT opened(m_lastOpen);
        return m_lastOpen;
    }
    result.cookie = extracted.value();
    result.opened = m_opener.open(result.cookie.value, signerOptions());
    result.error = result.opened.error;
    result.keyName = result.opened.keyName;
    if (result.hasSession() && !mayReplaceDocument()) {
        Q_EMIT openCancelled();
        return m_lastOpen;
    }
    m_lastOpen = std::move(result);
    if (m_lastOpen.hasSession()) {
        m_document.setFormat(m_lastOpen.format());
        m_model.setJsonStyle(jsonStyle());
        m_verifiedSecret = m_lastOpen.format()->keyKind() == CookieFormat::KeyKind::Secret
                               ? m_lastOpen.keyName
                               : QString();
        // The format says when it was signed, so "keep the timestamp" serves every signed one.
        m_originalTimestamp = m_lastOpen.format()->signedAt(m_lastOpen.opened).value_or(0);
        if (!m_lastOpen.keyName.isEmpty())
            m_sealKeyName = m_lastOpen.keyName;
        m_document.reset(m_lastOpen.opened.session(), m_lastOpen.cookie.value, m_lastOpen.keyName);
        m_document.setFormat(m_lastOpen.format());
        m_hasDocument = true;
        m_documentSource = text;
        m_undoStack.clear();
        m_model.setFlaskLoginClient(client ? client : flaskLoginClient());
        m_model.resetFromDocument();
        Q_EMIT documentReplaced();
    }
    if (m_lastOpen.signature() && !m_lastOpen.signature()->parts.signatureText.isEmpty())
        m_ageTimer.start();
    else
        m_ageTimer.stop();
    Q_EMIT opened(m_lastOpen);
    return m_lastOpen;
}

void InspectorController::refreshAge(qint64 now)
{
    if (!m_lastOpen.signature() || !m_lastOpen.format())
        return;
    // By the format's own rule: Django's SESSION_COOKIE_AGE is not Flask's lifetime.
    m_lastOpen.format()->judgeAge(m_lastOpen.opened, signerOptions(), now);
    Q_EMIT ageChanged(m_lastOpen);
}

bool InspectorController::loadSession(SessionValue session, const QString &keyName,
                                      QByteArray originalCookie)
{
    if (!mayReplaceDocument()) {
        Q_EMIT openCancelled();
        return false;
    }
    m_hasDocument = true;
    m_documentSource = QString::fromLatin1(originalCookie);
    // The session did not come from the text last given: an earlier failure no longer applies.
    m_ageTimer.stop();
    m_lastOpen = OpenResult();
    m_lastOpen.opened.format = format();
    if (!keyName.isEmpty())
        m_sealKeyName = keyName;
    m_document.reset(std::move(session), std::move(originalCookie), keyName);
    m_undoStack.clear();
    // A session file carries no request: a captured record's client no longer applies.
    m_model.setFlaskLoginClient(flaskLoginClient());
    m_model.resetFromDocument();
    Q_EMIT documentReplaced();
    return true;
}

void InspectorController::setFormat(const CookieFormat *format)
{
    m_document.setFormat(format);
    m_model.setJsonStyle(jsonStyle());
    Q_EMIT formatChanged();
    refresh();
}

Result<QList<SessionConverter::Note>> InspectorController::convertTo(const CookieFormat *target)
{
    if (!target || target == format())
        return QList<SessionConverter::Note>{};
    auto converted = target->convertFrom(m_document.root());
    if (converted.error)
        return *converted.error;
    FormatState before{format(), m_sealKeyName, m_document.root()};
    FormatState after{target, m_sealKeyName, std::move(converted.session)};
    // The key that sealed the old format cannot make the new one: pick the first that can.
    const std::optional<SessionKey::Kind> wanted = KeyNeed::toSeal(*target);
    const SessionKey *current = m_keys.ring().find(m_sealKeyName);
    if (wanted && (!current || current->kind() != *wanted)) {
        for (qsizetype i = 0; i < m_keys.ring().size(); ++i) {
            if (m_keys.ring().at(i).kind() == *wanted) {
                after.sealKeyName = m_keys.ring().at(i).name();
                break;
            }
        }
    }
    m_undoStack.push(new ConvertCommand(*this, std::move(before), std::move(after)));
    return converted.notes;
}

void InspectorController::applyFormatState(const FormatState &state)
{
    // The format first: the values' change notification then measures, writes and seals them
    // in the dialect they were converted for.
    m_document.setFormat(state.format);
    m_sealKeyName = state.sealKeyName;
    m_model.setJsonStyle(jsonStyle());
    Q_EMIT formatChanged();
    if (state.session == m_document.root())
        refresh();
    else
        m_model.replaceNode({}, state.session);
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

SessionSealer::Options InspectorController::sealerOptions() const
{
    SessionSealer::Options options;
    options.format = format();
    options.compression = m_compression;
    options.cookieName = m_settings.string(AppSettings::Key::CookieName);
    options.signer = signerOptions();
    options.timestamp = m_timestampMode == TimestampMode::KeepOriginal && m_originalTimestamp > 0
                            ? m_originalTimestamp
                            : -1;
    return options;
}

void InspectorController::refresh()
{
    const quint64 generation = ++m_generation;
    const SessionKey *key = m_keys.ring().find(m_sealKeyName);
    const std::optional<SessionKey::Kind> wanted = KeyNeed::toSeal(*format());
    const SecureBytes sealKey =
        key && wanted && key->kind() == *wanted ? key->bytes() : SecureBytes();
    SessionSealer::Options options = sealerOptions();
    m_measuringKeys = false;
    if (m_document.root().nodeCount() < kBackgroundNodes) {
        apply(SessionSealer::seal(m_document.root(), sealKey, options), sealKey.isEmpty());
        return;
    }
    // A large session is written, deflated and sized on a worker, from a copy, so that the
    // window stays responsive; a newer edit makes an older result stale, and it is dropped.
    // Its keys' costs come first as estimates (one deflate of the whole, not one per key), so
    // the figures arrive at once; a second worker then measures the largest keys.
    m_refreshing = true;
    m_sealedCookie.clear();
    m_sealError.reset();
    Q_EMIT refreshed();
    options.exactKeyShares = 0;
    auto session = std::make_shared<const SessionValue>(m_document.root());
    auto future = QtConcurrent::run(
        [session, sealKey, options] { return SessionSealer::seal(*session, sealKey, options); });
    auto *watcher = new QFutureWatcher<SessionSealer::Sealed>(this);
    connect(watcher, &QFutureWatcher<SessionSealer::Sealed>::finished, this,
            [this, watcher, generation, sealKey, session, options] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                m_measuringKeys = true;
                apply(watcher->result(), sealKey.isEmpty());
                measureKeys(generation, session, options);
            });
    watcher->setFuture(future);
}

void InspectorController::measureKeys(quint64 generation,
                                      std::shared_ptr<const SessionValue> session,
                                      const SessionSealer::Options &options)
{
    // One measurement at a time, on a pool of its own: a stale one still running never holds up
    // the next seal in the shared pool, and those that have not started yet are dropped.
    m_measurePool.clear();
    if (m_measureWatcher)
        m_measureWatcher->deleteLater();
    auto future = QtConcurrent::run(&m_measurePool, [session, options] {
        SessionSealer::Options measure = options;
        measure.exactKeyShares = limits::kMaxExactKeyShares;
        return SessionSealer::seal(*session, SecureBytes(), measure).report;
    });
    auto *watcher = new QFutureWatcher<SizeReport>(this);
    m_measureWatcher = watcher;
    connect(watcher, &QFutureWatcher<SizeReport>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (m_measureWatcher == watcher)
            m_measureWatcher = nullptr;
        if (generation != m_generation)
            return;
        // Only the keys' costs: the stages are those of the cookie already made.
        m_sizeReport.keys = watcher->result().keys;
        m_measuringKeys = false;
        Q_EMIT refreshed();
    });
    watcher->setFuture(future);
}

void InspectorController::apply(SessionSealer::Sealed sealed, bool noKey)
{
    m_refreshing = false;
    m_sizeReport = std::move(sealed.report);
    m_sealedCookie = std::move(sealed.cookie);
    m_sealError = std::move(sealed.error);
    if (m_sealError && noKey && m_sealError->category == ErrorCategory::Key)
        m_sealError->message = format()->keyKind() == CookieFormat::KeyKind::Secret
                                   ? tr("choose a Flask secret to sign with")
                                   : tr("choose an AES key to seal with");
    Q_EMIT refreshed();
}

} // namespace sessionlens::gui
