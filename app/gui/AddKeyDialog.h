#pragma once

#include "crypto/SecureBytes.h"
#include "keys/SessionKey.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sessionlens::gui {

/// Asks for a key name and key text (Python bytes literal, hex or base64), checking it as it is
/// typed.
class AddKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddKeyDialog(const QStringList &takenNames, QWidget *parent = nullptr);
    ~AddKeyDialog() override;

    [[nodiscard]] QString name() const;
    [[nodiscard]] SessionKey::Kind kind() const;
    void setKind(SessionKey::Kind kind);
    /// The parsed key; empty until the text is valid.
    [[nodiscard]] const SecureBytes &key() const { return m_key; }
    void setKeyText(const QString &text);
    void setName(const QString &name);

private:
    void validate();

    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_show = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    SecureBytes m_key;
};

} // namespace sessionlens::gui
