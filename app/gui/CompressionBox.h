#pragma once

#include <QComboBox>

namespace sessionlens::gui {

/// The choice of when sealing compresses (the server's rule, always, never), as the re-seal
/// panel and the preferences both offer it. Item data is the mode's name in the settings
/// ("auto", "always", "never").
class CompressionBox : public QComboBox
{
    Q_OBJECT

public:
    /// Starts at `mode`; an unknown name starts at the server's rule.
    explicit CompressionBox(const QString &mode, QWidget *parent = nullptr);
    [[nodiscard]] QString mode() const;
};

} // namespace sessionlens::gui
