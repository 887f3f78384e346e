#pragma once

#include "InspectorController.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sessionlens::gui {

/// In the New Cookie dock: mints Flask-WTF's form token for the session being crafted, so a
/// tester can post to a protected form with it. A session with no csrf_token gets one (an
/// undoable edit), and the new cookie above then carries it. Only for Flask's sessions, where
/// Flask-WTF runs; other formats see the row disabled, with the reason.
class CsrfTokenPanel : public QWidget
{
    Q_OBJECT

public:
    CsrfTokenPanel(InspectorController &controller, AppSettings &settings,
                   QWidget *parent = nullptr);

    [[nodiscard]] QString tokenText() const;
    void mint();
    void copyToken();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    /// Minting needs a Flask session (CsrfTokenCheck::keptIn): in any other format the row is
    /// disabled and says why.
    void showWhetherItApplies();
    /// The secret that signs: the seal key when it is a secret, else the one that verified the
    /// opened cookie, else the ring's first.
    [[nodiscard]] const SessionKey *signingSecret() const;

    InspectorController &m_controller;
    AppSettings &m_settings;
    QPushButton *m_mint = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_info = nullptr;
    QString m_reason; ///< why minting does not apply, as m_info shows it
};

} // namespace sessionlens::gui
