#pragma once

#include "formats/SessionConverter.h"

#include <QMessageBox>

namespace sessionlens::gui {

/// After Edit > Convert: what the target format could not carry as it was, said and never
/// done silently, the first notes shown and all of them under Details.
class ConversionNotesBox : public QMessageBox
{
    Q_OBJECT

public:
    ConversionNotesBox(const QString &formatName, const QList<SessionConverter::Note> &notes,
                       QWidget *parent);

    /// How many notes the box shows before Details.
    static constexpr qsizetype kShownNotes = 5;
};

} // namespace sessionlens::gui
