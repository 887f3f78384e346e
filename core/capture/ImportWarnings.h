#pragma once

#include <QString>
#include <QStringList>

namespace sessionlens {

/**
 * The warnings of one import. A hostile file can make one per line or row, so at most
 * kMaxKept are kept; the rest are counted in one last line, never dropped without a word.
 */
class ImportWarnings
{
public:
    /// Warnings kept per file.
    static constexpr qsizetype kMaxKept = 100;

    void add(const QString &warning);
    /// The warnings kept, then one line that counts the others when there were more.
    [[nodiscard]] QStringList take();

private:
    QStringList m_kept;
    qsizetype m_dropped = 0;
};

} // namespace sessionlens
