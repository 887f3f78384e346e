#pragma once

#include "AppSettings.h"
#include "SessionTreeModel.h"
#include "document/SessionDocument.h"
#include "formats/CookieText.h"
#include "formats/EncryptedSessionCodec.h"
#include "formats/FormatDetector.h"
#include "report/SizeReport.h"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace sessionlens::gui {

class KeyRingStore;

/**
 * The inspector's state without any widget: the opened cookie, the document
 * with its undo stack and tree model, the re-sealed cookie and the size
 * report, both kept current as the session changes.
 */
class InspectorController : public QObject
{
    Q_OBJECT

public:
    struct OpenResult
    {
        FormatDetector::Format format = FormatDetector::Format::Unknown;
        CookieText::Extracted cookie;
        EncryptedSessionCodec::Decoded decoded;
        std::optional<Error> error; ///< also set when the text holds no cookie at all
        QString keyName;            ///< the stored key that opened it
        [[nodiscard]] bool ok() const { return !error.has_value(); }
    };

    InspectorController(AppSettings &settings, KeyRingStore &keys, QObject *parent = nullptr);

    [[nodiscard]] SessionDocument &document() { return m_document; }
    [[nodiscard]] SessionTreeModel &model() { return m_model; }
    [[nodiscard]] QUndoStack &undoStack() { return m_undoStack; }
    [[nodiscard]] KeyRingStore &keys() { return m_keys; }

    /// Detects the format and opens the cookie with the first stored key that fits.
    const OpenResult &openText(const QString &text);
    [[nodiscard]] const OpenResult &lastOpen() const { return m_lastOpen; }
    /// Starts a document from a session (File > Open, autosave restore), keeping the seal key.
    void loadSession(SessionValue session, const QString &keyName, QByteArray originalCookie = {});

    void setSealKeyName(const QString &name);
    [[nodiscard]] QString sealKeyName() const { return m_sealKeyName; }
    void setCompression(EncryptedSessionCodec::Compression compression);
    [[nodiscard]] EncryptedSessionCodec::Compression compression() const { return m_compression; }

    [[nodiscard]] const QByteArray &sealedCookie() const { return m_sealedCookie; }
    [[nodiscard]] const std::optional<Error> &sealError() const { return m_sealError; }
    [[nodiscard]] const SizeReport &sizeReport() const { return m_sizeReport; }

    /// Re-seals and recomputes the sizes now (normally done on every change).
    void refresh();

    [[nodiscard]] static EncryptedSessionCodec::Compression compressionFromName(const QString &name);

Q_SIGNALS:
    void opened(const sessionlens::gui::InspectorController::OpenResult &result);
    void documentReplaced();
    /// The re-sealed cookie and the size report are current.
    void refreshed();

private:
    AppSettings &m_settings;
    KeyRingStore &m_keys;
    SessionDocument m_document;
    QUndoStack m_undoStack;
    SessionTreeModel m_model;
    OpenResult m_lastOpen;
    QString m_sealKeyName;
    EncryptedSessionCodec::Compression m_compression = EncryptedSessionCodec::Compression::Auto;
    QByteArray m_sealedCookie;
    std::optional<Error> m_sealError;
    SizeReport m_sizeReport;
};

} // namespace sessionlens::gui
