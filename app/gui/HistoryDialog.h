#pragma once

#include "document/CookieOpener.h"
#include "document/RecoveryStore.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace sessionlens::gui {

class ChangeTable;

/**
 * File ▸ History ▸ Browse: the cookies opened before, each with a preview
 * (format, size, top-level keys) and, for two selected entries, what changed
 * from the older to the newer. Cookies are opened with the key ring for the
 * preview only; Open puts one back into the inspector.
 */
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(QList<RecoveryStore::HistoryEntry> entries, const KeyRing &ring,
                  FlaskSignedCodec::Options options, QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] ChangeTable *diffTable() const { return m_diff; }

Q_SIGNALS:
    void openRequested(const QByteArray &cookie);

private:
    void showSelection();
    [[nodiscard]] const CookieOpener::Opened &opened(int row);

    QList<RecoveryStore::HistoryEntry> m_entries;
    QList<std::optional<CookieOpener::Opened>> m_opened; // opened on first look
    const KeyRing &m_ring;
    FlaskSignedCodec::Options m_options;
    QListWidget *m_list = nullptr;
    QLabel *m_preview = nullptr;
    ChangeTable *m_diff = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace sessionlens::gui
