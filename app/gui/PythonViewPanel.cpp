#include "PythonViewPanel.h"

#include "JsonHighlighter.h"
#include "json/PythonRepr.h"

#include <QFontDatabase>

namespace sessionlens::gui {

PythonViewPanel::PythonViewPanel(InspectorController &controller, QWidget *parent)
    : QPlainTextEdit(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("pythonView"));
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    (new JsonHighlighter(document()))->followEnabledState(this);
    connect(&m_controller.model(), &SessionTreeModel::sessionChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

void PythonViewPanel::refresh()
{
    if (!m_stale)
        return;
    setPlainText(PythonRepr::repr(m_controller.document().root()));
    m_stale = false;
}

void PythonViewPanel::showEvent(QShowEvent *event)
{
    QPlainTextEdit::showEvent(event);
    refresh();
}

} // namespace sessionlens::gui
