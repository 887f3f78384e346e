#pragma once

#include "InspectorController.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace sessionlens::gui {

class JsonHighlighter;

/**
 * The exact JSON plaintext, editable. Applying parses it like the server
 * would; a parse error shows line and column and leaves the tree alone.
 * While the text has unapplied edits, tree changes do not overwrite it.
 */
class JsonEditorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JsonEditorPanel(InspectorController &controller, QWidget *parent = nullptr);

    [[nodiscard]] QPlainTextEdit *editor() const { return m_editor; }
    [[nodiscard]] QString errorText() const;
    /// Parses the text and, when it is valid, replaces the session (undoable).
    bool apply();
    void discard();
    /// Refreshes the text from the session unless the user is editing it.
    void syncFromSession();
    /// Large texts are laid out after the edit's own work is done, not inside it.
    static constexpr int kDeferredSyncMs = 120;
    /// Above this size the text is not syntax-coloured (layout cost grows with formats).
    static constexpr qsizetype kHighlightLimit = 64 * 1024;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setDirty(bool dirty);

    InspectorController &m_controller;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_message = nullptr;
    QCheckBox *m_pretty = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_discard = nullptr;
    QTimer *m_syncTimer = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    bool m_dirty = false;
    bool m_stale = true;
    bool m_updating = false;
};

} // namespace sessionlens::gui
