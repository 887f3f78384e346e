#pragma once

#include <QDialog>

class QLabel;
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

    KeyRingStore &m_keys;
    QTableWidget *m_table = nullptr;
    QLabel *m_storeLabel = nullptr;
};

} // namespace sessionlens::gui
