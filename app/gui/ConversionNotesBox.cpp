#include "ConversionNotesBox.h"

namespace sessionlens::gui {

ConversionNotesBox::ConversionNotesBox(const QString &formatName,
                                       const QList<SessionConverter::Note> &notes, QWidget *parent)
    : QMessageBox(QMessageBox::Information, tr("Convert Session"),
                  tr("Converted to %1. %n value(s) could not be carried as they were "
                     "(Undo takes the change back):",
                     nullptr, int(notes.size()))
                      .arg(formatName),
                  QMessageBox::Close, parent)
{
    setObjectName(QStringLiteral("conversionNotes"));
    QStringList lines;
    for (const SessionConverter::Note &note : notes)
        lines.append(QStringLiteral("%1: %2").arg(note.path, note.message));
    setDetailedText(lines.join(u'\n'));
    setInformativeText(lines.mid(0, kShownNotes).join(u'\n'));
}

} // namespace sessionlens::gui
