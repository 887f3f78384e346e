#include "CommandOption.h"

namespace sessionlens::cli {

QString CommandOption::longName() const
{
    const QStringList names = option.names();
    for (const QString &name : names) {
        if (name.size() > 1)
            return name;
    }
    return names.value(0);
}

QString CommandOption::shortName() const
{
    const QStringList names = option.names();
    for (const QString &name : names) {
        if (name.size() == 1)
            return name;
    }
    return {};
}

QStringList CommandOption::spelled() const
{
    QStringList out;
    if (!shortName().isEmpty())
        out.append(u'-' + shortName());
    const QString name = longName();
    if (name.size() > 1)
        out.append(QStringLiteral("--") + name);
    return out;
}

} // namespace sessionlens::cli
