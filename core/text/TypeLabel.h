#pragma once

#include "json/SessionValue.h"

#include <QString>

namespace sessionlens {

/// What both programs call a value's type where a person reads it ("None", "str", "UUID"),
/// translated; SessionValue::typeName() is the untranslated name for machine output.
class TypeLabel
{
public:
    [[nodiscard]] static QString of(SessionValue::Type type);
};

} // namespace sessionlens
