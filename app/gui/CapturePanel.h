#pragma once

#include "capture/HttpCapture.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace sessionlens::gui {

class CaptureController;

/**
 * The Capture dock: a request editor with replay, the reverse proxy with its pin, the
 * browser's cookie stores and file imports, and the timeline, whose rows open in the
 * inspector.
 */
class CapturePanel : public QWidget
{
    Q_OBJECT

public:
    explicit CapturePanel(CaptureController &controller, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *timeline() const { return m_timeline; }
    [[nodiscard]] QLineEdit *urlEdit() const { return m_url; }
    [[nodiscard]] QComboBox *methodBox() const { return m_method; }
    [[nodiscard]] QPlainTextEdit *headersEdit() const { return m_headers; }
    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }
    /// The height the request form needs, its buttons and progress row included: what the
    /// dock shows at first, so that Send is never cut in half.
    [[nodiscard]] int requestHeight() const;
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QTableView *jarView() const { return m_jar; }

    void sendRequest();
    void replayEdited();
    void toggleProxy();
    void readBrowser();

private:
    QWidget *m_requestBox = nullptr;
    void showBusy(bool busy);
    void refreshProfiles();
    /// The request the fields describe, for Send and Replay alike; nullopt (and the status
    /// says why) when a header line is not 'Name: value'.
    [[nodiscard]] std::optional<HttpCapture::Request> requestFromFields();

    CaptureController &m_controller;
    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPointer<QWidget> m_focusAfterBusy; ///< the button that had the focus when a request began
    QSpinBox *m_port = nullptr;
    QLineEdit *m_upstream = nullptr;
    QPushButton *m_proxyButton = nullptr;
    QLabel *m_proxyAddress = nullptr;
    QCheckBox *m_pin = nullptr;
    QComboBox *m_profiles = nullptr;
    QLineEdit *m_host = nullptr;
    QTableView *m_timeline = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_jar = nullptr;
};

} // namespace sessionlens::gui
