#pragma once

#include "InspectorController.h"
#include "text/CookieSnippet.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace sessionlens::gui {

class CompressionBox;

/// The re-sealed cookie, current with every edit, with the seal key, compression and copy forms.
class ResealPanel : public QWidget
{
    Q_OBJECT

public:
    ResealPanel(InspectorController &controller, AppSettings &settings, QWidget *parent = nullptr);

    [[nodiscard]] QString cookieText() const;
    /// Copies the cookie in one of the CookieSnippet forms (an int of CookieSnippet::Kind).
    void copyAs(CookieSnippet::Kind kind);
    void reloadKeys();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void showResult();

    InspectorController &m_controller;
    AppSettings &m_settings;
    QComboBox *m_key = nullptr;
    CompressionBox *m_compression = nullptr;
    QComboBox *m_timestamp = nullptr;
    QLabel *m_compressionLabel = nullptr;
    QLabel *m_timestampLabel = nullptr;
    QLabel *m_warning = nullptr;
    QPlainTextEdit *m_cookie = nullptr;
    QLabel *m_info = nullptr;
    QToolButton *m_copy = nullptr;
};

} // namespace sessionlens::gui
