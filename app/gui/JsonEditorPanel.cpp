#include "JsonEditorPanel.h"

#include "json/JsonIndenter.h"

#include "ErrorText.h"
#include "JsonHighlighter.h"
#include "SessionEditCommand.h"
#include "ShortcutsDialog.h"
#include "formats/SessionDialect.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonWriter.h"

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace sessionlens::gui {

JsonEditorPanel::JsonEditorPanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("jsonEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter = new JsonHighlighter(m_editor->document());
    m_highlighter->followEnabledState(m_editor);
    m_syncTimer = new QTimer(this);
    m_syncTimer->setSingleShot(true);
    m_syncTimer->setInterval(kDeferredSyncMs);
    connect(m_syncTimer, &QTimer::timeout, this, &JsonEditorPanel::syncFromSession);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("jsonMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("&Apply JSON"), this);
    m_apply->setToolTip(tr("Replace the session with this text (Ctrl+Return)"));
    m_discard = new QPushButton(tr("&Discard Changes"), this);
    // The exact text is the default: it is what the cookie holds, byte for byte.
    m_pretty = new QCheckBox(tr("Pre&tty-print"), this);
    m_pretty->setObjectName(QStringLiteral("prettyPrint"));
    m_pretty->setToolTip(tr("Lay the JSON out on indented lines for reading; the session is the "
                            "same either way"));
    connect(m_pretty, &QCheckBox::toggled, this, [this] {
        m_stale = true;
        syncFromSession();
    });

    // The message (a parse error with its line and column, or the reader's warnings) gets a row
    // of the panel's whole width, not the room the buttons leave.
    // Pretty-print sits above the text, so the row under it holds two buttons and the panel
    // stays narrow enough for the tree beside it (German labels are long).
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pretty);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    // Where the focus is: the Capture dock's Send takes the same keys in its own panel.
    auto *applyAction = new QAction(tr("Apply JSON"), this);
    applyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    applyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(applyAction, &QAction::triggered, this, &JsonEditorPanel::apply);
    addAction(applyAction);
    ShortcutsDialog::listIn(applyAction, tr("JSON tab"));
    connect(m_apply, &QPushButton::clicked, this, &JsonEditorPanel::apply);
    connect(m_discard, &QPushButton::clicked, this, &JsonEditorPanel::discard);
    // Modification, not textChanged: re-colouring by the highlighter is not an edit.
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!m_updating && modified)
            setDirty(true);
    });
    // Every change, a new document included, comes through sessionChanged.
    connect(&m_controller.model(), &SessionTreeModel::sessionChanged, this, [this] {
        m_stale = true;
        if (m_dirty)
            syncFromSession(); // only says that Apply would overwrite the change
        else if (isVisible())
            m_syncTimer->start();
    });
    connect(&m_controller, &InspectorController::refreshed, this, [this] {
        if (m_stale && !m_dirty && isVisible() && !m_controller.isRefreshing())
            m_syncTimer->start();
    });
    // Another format writes the same values as other text (Convert, its Undo).
    connect(&m_controller, &InspectorController::formatChanged, this, [this] {
        m_stale = true;
        if (m_dirty)
            syncFromSession();
        else if (isVisible())
            m_syncTimer->start();
    });
    setDirty(false);
}

QString JsonEditorPanel::errorText() const
{
    return m_message->text();
}

void JsonEditorPanel::setDirty(bool dirty)
{
    m_dirty = dirty;
    if (!dirty)
        m_editor->document()->setModified(false);
    m_apply->setEnabled(dirty);
    m_discard->setEnabled(dirty);
    if (!dirty)
        m_message->clear();
}

void JsonEditorPanel::syncFromSession()
{
    if (m_dirty) {
        if (m_stale)
            m_message->setText(
                tr("The session changed in the tree; Apply would replace those changes."));
        return;
    }
    // A large session's text waits for its background seal: laying out a megabyte of text
    // holds the window up, and the new cookie and its sizes come first.
    if (!m_stale || m_controller.isRefreshing())
        return;
    m_syncTimer->stop();
    const QByteArray exact = m_controller.sessionJsonText();
    const QByteArray json = m_pretty->isChecked() ? JsonIndenter::indent(exact) : exact;
    m_updating = true;
    m_highlighter->setDocument(json.size() > kHighlightLimit ? nullptr : m_editor->document());
    m_editor->setPlainText(QString::fromUtf8(json));
    m_editor->document()->setModified(false);
    m_updating = false;
    m_stale = false;
}

void JsonEditorPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    syncFromSession();
}

void JsonEditorPanel::discard()
{
    setDirty(false);
    m_stale = true;
    syncFromSession();
}

bool JsonEditorPanel::apply()
{
    const QByteArray text = m_editor->toPlainText().toUtf8();
    QStringList warnings;
    auto parsed = SessionDialect::readSession(text, *m_controller.format(), &warnings);
    if (!parsed) {
        const Error &error = parsed.error();
        int line = 1, column = 1;
        if (error.position >= 0) {
            PythonJsonReader::lineAndColumn(text, error.position, &line, &column);
            QTextCursor cursor(m_editor->document()->findBlockByNumber(line - 1));
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column - 1);
            m_editor->setTextCursor(cursor);
        }
        m_message->setStyleSheet(QStringLiteral("color:#a00000"));
        m_message->setText(tr("Line %1, column %2: %3").arg(line).arg(column).arg(error.message));
        return false;
    }
    m_message->setStyleSheet(QString());
    SessionValue before = m_controller.document().root();
    m_dirty = false; // the command's change notification must refresh the text
    m_controller.undoStack().push(SessionEditCommand::replace(
        m_controller.model(), {}, std::move(before), std::move(parsed).value(),
        SessionEditCommand::Origin::JsonText));
    setDirty(false);
    if (!warnings.isEmpty())
        m_message->setText(warnings.join(QLatin1Char('\n')));
    return true;
}

} // namespace sessionlens::gui
