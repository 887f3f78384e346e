#include "capture/ImportWarnings.h"

#include <QCoreApplication>

namespace sessionlens {

void ImportWarnings::add(const QString &warning)
{
    if (m_kept.size() < kMaxKept)
        m_kept.append(warning);
    else
        ++m_dropped;
}

QStringList ImportWarnings::take()
{
    QStringList out = std::exchange(m_kept, {});
    if (m_dropped > 0)
        out.append(QCoreApplication::translate("sessionlens::Note", "%1 more warnings not shown")
                       .arg(std::exchange(m_dropped, 0)));
    return out;
}

} // namespace sessionlens
