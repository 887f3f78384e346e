#include "TypeLabel.h"

#include <QCoreApplication>

#include <iterator>

namespace sessionlens {

QString TypeLabel::of(SessionValue::Type type)
{
    static constexpr const char *kLabels[] = {
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "None"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "bool"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "int"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "float"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "str"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "bytes"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "list"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "dict"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "tuple"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "Markup"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "UUID"),
        QT_TRANSLATE_NOOP("sessionlens::SessionValue", "datetime"),
    };
    const auto index = std::size_t(type);
    return index < std::size(kLabels)
               ? QCoreApplication::translate("sessionlens::SessionValue", kLabels[index])
               : SessionValue::typeName(type);
}

} // namespace sessionlens
