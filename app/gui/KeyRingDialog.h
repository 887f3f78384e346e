#pragma once

#include "KeyStore.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sessionlens {
class KeyRingStore;
} // namespace sessionlens

namespace sessionlens::gui {

/// Manage stored keys: add, generate, rename, delete, reveal and copy (the last two after
/// confirmation).
class KeyRingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit KeyRingDialog(KeyRingStore &keys, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    void addKey();
    void generateKey();
    void renameKey();
    void deleteKey();
    void revealKey();
    void copyKey();

private:
    void reload();
    [[nodiscard]] QString currentName() const;
    void report(const QString &message);
    /// Greys the buttons out under "Waiting for ..." until the store answers.
    void setWaiting(bool waiting);
    /// The outcome of a store operation that answered later.
    [[nodiscard]] KeyStore::Written whenDone();

    KeyRingStore &m_keys;
    QTableWidget *m_table = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLabel *m_waitLabel = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace sessionlens::gui
