#pragma once

#include "AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sessionlens::gui {

class CompressionBox;

/// Language, defaults for sealing and display, limits and the replay target.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(AppSettings &settings, QWidget *parent = nullptr);
    /// Writes the choices to the settings.
    void save();

    /// The largest age a format's setting takes here: ten years, in seconds.
    static constexpr int kMaxAgeSeconds = 10 * 366 * 24 * 3600;

private:
    AppSettings &m_settings;
    QComboBox *m_language = nullptr;
    CompressionBox *m_compression = nullptr;
    QComboBox *m_bytes = nullptr;
    QSpinBox *m_maxInflated = nullptr;
    QSpinBox *m_lifetime = nullptr;
    QSpinBox *m_starletteMaxAge = nullptr;
    QSpinBox *m_djangoCookieAge = nullptr;
    QSpinBox *m_wtfTimeLimit = nullptr;
    QLineEdit *m_salt = nullptr;
    QComboBox *m_digest = nullptr;
    QComboBox *m_derivation = nullptr;
    QCheckBox *m_legacyEpoch = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_cookieName = nullptr;
    QCheckBox *m_history = nullptr;
    QSpinBox *m_clipboardSeconds = nullptr;
    QLineEdit *m_userAgent = nullptr;
    QLineEdit *m_clientAddress = nullptr;
};

} // namespace sessionlens::gui
