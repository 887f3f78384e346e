#pragma once

#include "InspectorController.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace sessionlens::gui {

/**
 * Where cookies come in: paste (bare value or header line) or drop a text
 * file. Shows the cookie's fields colour-coded, the key that opened it, or
 * the step that failed with the failing field marked.
 */
class CookieInputPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CookieInputPanel(InspectorController &controller, QWidget *parent = nullptr);

    void setText(const QString &text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString fieldsHtml() const;
    /// Reads a dropped or chosen text file into the input.
    bool loadFile(const QString &path);

Q_SIGNALS:
    /// Dropped files that are captures (HAR, cookies.txt, cookie databases), not one cookie.
    void captureFilesDropped(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /// Shows `text` in the field without opening it again.
    void showInputText(const QString &text);
    void showResult(const InspectorController::OpenResult &result);
    /// "Verified with secret “NAME” (FORMAT)": the status line of a verified cookie.
    [[nodiscard]] static QString verifiedText(const InspectorController::OpenResult &result);
    /// The fields and the status of a Flask-Login remember cookie.
    [[nodiscard]] QString showRemember(const InspectorController::OpenResult &result, int failing);

    InspectorController &m_controller;
    QPlainTextEdit *m_input = nullptr;
    QLabel *m_fields = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace sessionlens::gui
