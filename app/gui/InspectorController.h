#pragma once

#include "AppSettings.h"
#include "SessionTreeModel.h"
#include "document/CookieOpener.h"
#include "document/SessionDocument.h"
#include "document/SessionSealer.h"
#include "formats/CookieText.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FlaskSignedCodec.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionConverter.h"
#include "report/SizeReport.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace sessionlens {
class KeyRingStore;
} // namespace sessionlens

namespace sessionlens::gui {

/**
 * The inspector's state without any widget: the opened cookie, the document
 * with its undo stack and tree model, the new cookie (re-sealed or re-signed)
 * and the size report, both kept current as the session changes.
 */
class InspectorController : public QObject
{
    Q_OBJECT

public:
    struct OpenResult
    {
        QString sourceText; ///< what was pasted, dropped or loaded
        CookieText::Extracted cookie;
        CookieOpener::Opened opened;
        std::optional<Error> error; ///< also set when the text holds no cookie at all
        QString keyName; ///< the stored key that opened it, or the secret that verified it
        [[nodiscard]] bool ok() const { return !error.has_value(); }
        [[nodiscard]] const CookieFormat *format() const { return opened.format; }
        /// The signature details of a cookie of a signed format (nullptr for others).
        [[nodiscard]] const FlaskSignedCodec::Decoded *signature() const
        {
            return opened.detailsAs<FlaskSignedCodec::Decoded>();
        }
        /// A signed cookie whose payload was read but whose signature no stored secret matches.
        [[nodiscard]] bool readableButUnverified() const;
        /// A session came out of it (opened, or signed but unverified): the document shows it.
        [[nodiscard]] bool hasSession() const;
    };

    /// What Convert changes: the format, the key new cookies are made with, and the values.
    struct FormatState
    {
        const CookieFormat *format = nullptr;
        QString sealKeyName;
        SessionValue session;
    };

    /// When re-signing a Flask cookie: keep its timestamp, or sign as of now.
    enum class TimestampMode
    {
        Now,
        KeepOriginal
    };

    InspectorController(AppSettings &settings, KeyRingStore &keys, QObject *parent = nullptr);

    [[nodiscard]] SessionDocument &document() { return m_document; }
    [[nodiscard]] SessionTreeModel &model() { return m_model; }
    [[nodiscard]] QUndoStack &undoStack() { return m_undoStack; }
    [[nodiscard]] KeyRingStore &keys() { return m_keys; }

    /// Detects the format and opens the cookie with the stored keys and secrets. When it holds a
    /// session and the current one has unsaved edits, the replace guard is asked first; a
    /// refusal keeps the edits, leaves lastOpen() as it was and emits openCancelled().
    const OpenResult &openText(const QString &text);
    /// The same for a captured cookie: Flask-Login's `_id` is checked against the client of its
    /// request, or the preferences' one when the capture does not know it (nullopt).
    const OpenResult &openText(const QString &text,
                               const std::optional<FlaskLoginSession::Client> &client);
    /// Asked before unsaved edits would be replaced (by a cookie or a session file).
    void setReplaceGuard(std::function<bool()> guard) { m_replaceGuard = std::move(guard); }
    /// A session is loaded (from a cookie, a file or an autosave).
    [[nodiscard]] bool hasDocument() const { return m_hasDocument; }
    /// The last text given did not open, so the document still shows the session before it.
    [[nodiscard]] bool isShowingPrevious() const
    {
        return m_hasDocument && !m_lastOpen.hasSession();
    }
    /// The text the current document was opened from (empty for a session file).
    [[nodiscard]] const QString &documentSourceText() const { return m_documentSource; }
    [[nodiscard]] const OpenResult &lastOpen() const { return m_lastOpen; }
    /// Starts a document from a session (File > Open, autosave restore), keeping format and seal
    /// key.
    /// Returns false when the replace guard kept unsaved edits.
    bool loadSession(SessionValue session, const QString &keyName, QByteArray originalCookie = {});

    /// The format new cookies are made in (the document's: that of the last opened cookie).
    [[nodiscard]] const CookieFormat *format() const { return m_document.format(); }
    /// Whether the current format reads this SealOption (CookieFormat::sealOptions()).
    [[nodiscard]] bool formatReads(CookieFormat::SealOption option) const
    {
        return (format()->sealOptions() & option) != 0;
    }
    void setFormat(const CookieFormat *format);
    /// The formats the window offers (the built-in registry).
    [[nodiscard]] const FormatRegistry &formats() const { return FormatRegistry::builtIn(); }
    /// Moves the session to another format, as the CLI's `convert` does: values the target
    /// cannot carry are changed (one undoable step) and each change is returned as a note;
    /// new cookies are made in `target` from then on. A session the target's server could not
    /// load at all is left as it is, and the error says why.
    Result<QList<SessionConverter::Note>> convertTo(const CookieFormat *target);
    /// Puts one side of a Convert into effect (ConvertCommand's redo and undo): format, seal key
    /// and values together, and formatChanged() so that every panel shows the format's controls.
    void applyFormatState(const FormatState &state);
    /// The JSON dialect of the current format: how the session is written and read back as text.
    [[nodiscard]] PythonJsonWriter::Style jsonStyle() const;
    [[nodiscard]] PythonJsonReader::Options jsonReadOptions() const;
    /// The session as JSON text: the exact text inside the opened cookie while it is unedited
    /// (whatever its server's spacing and key order), else the text the new cookie will hold.
    [[nodiscard]] QByteArray sessionJsonText() const;

    void setSealKeyName(const QString &name);
    [[nodiscard]] QString sealKeyName() const { return m_sealKeyName; }
    /// The secret that verified the opened signed cookie (empty when none did).
    [[nodiscard]] QString verifiedSecretName() const { return m_verifiedSecret; }
    void setCompression(EncryptedSessionCodec::Compression compression);
    [[nodiscard]] EncryptedSessionCodec::Compression compression() const { return m_compression; }
    void setTimestampMode(TimestampMode mode);
    [[nodiscard]] TimestampMode timestampMode() const { return m_timestampMode; }
    [[nodiscard]] FlaskSignedCodec::Options signerOptions() const;

    [[nodiscard]] const QByteArray &sealedCookie() const { return m_sealedCookie; }
    [[nodiscard]] const std::optional<Error> &sealError() const { return m_sealError; }
    [[nodiscard]] const SizeReport &sizeReport() const { return m_sizeReport; }

    /// Re-seals (or re-signs) and recomputes the sizes (normally done on every change). Sessions
    /// of kBackgroundNodes or more are done on a worker thread: refreshed() is emitted once
    /// when the work starts (isRefreshing() true, no cookie yet) and once with the result.
    void refresh();
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    /// The new cookie of a large session is in, and its keys' costs are estimates until a worker
    /// has measured them (refreshed() is emitted again then).
    [[nodiscard]] bool isMeasuringKeys() const { return m_measuringKeys; }
    [[nodiscard]] SessionSealer::Options sealerOptions() const;

    /// Recomputes the signed cookie's age and expiry as of `now` (UNIX seconds; negative: the
    /// clock) and emits ageChanged(). A timer does this every second while a signed cookie is
    /// open, so the age shown never goes stale.
    void refreshAge(qint64 now = -1);
    [[nodiscard]] bool isAgeTicking() const { return m_ageTimer.isActive(); }

    /// Sessions this large are sealed and sized off the GUI thread.
    static constexpr qsizetype kBackgroundNodes = 50'000;

    [[nodiscard]] static EncryptedSessionCodec::Compression
    compressionFromName(const QString &name);

Q_SIGNALS:
    void opened(const sessionlens::gui::InspectorController::OpenResult &result);
    /// An open was refused to keep unsaved edits; the document and lastOpen() are unchanged.
    void openCancelled();
    void documentReplaced();
    /// The format new cookies are made in changed (Convert, its Undo): panels show its controls.
    void formatChanged();
    /// The new cookie and the size report are current.
    void refreshed();
    /// lastOpen()'s age (and with it, expiry) moved on.
    void ageChanged(const sessionlens::gui::InspectorController::OpenResult &result);

private:
    /// The client of the preferences that Flask-Login's `_id` is checked against.
    [[nodiscard]] std::optional<FlaskLoginSession::Client> flaskLoginClient() const;
    void apply(SessionSealer::Sealed sealed, bool noKey);
    void measureKeys(quint64 generation, std::shared_ptr<const SessionValue> session,
                     const SessionSealer::Options &options);
    [[nodiscard]] bool mayReplaceDocument() const;

    AppSettings &m_settings;
    KeyRingStore &m_keys;
    CookieOpener m_opener; // over m_keys' ring: learns which key serves which format
    SessionDocument m_document;
    QUndoStack m_undoStack;
    SessionTreeModel m_model;
    OpenResult m_lastOpen;
    QString m_sealKeyName;
    QString m_verifiedSecret;
    qint64 m_originalTimestamp = 0;
    EncryptedSessionCodec::Compression m_compression = EncryptedSessionCodec::Compression::Auto;
    TimestampMode m_timestampMode = TimestampMode::Now;
    QByteArray m_sealedCookie;
    std::optional<Error> m_sealError;
    SizeReport m_sizeReport;
    quint64 m_generation = 0;
    bool m_refreshing = false;
    bool m_measuringKeys = false;
    bool m_hasDocument = false;
    QString m_documentSource;
    std::function<bool()> m_replaceGuard;
    QTimer m_ageTimer;
    QThreadPool m_measurePool; // the keys' exact costs of a large session, one at a time
    QObject *m_measureWatcher = nullptr;
};

} // namespace sessionlens::gui
