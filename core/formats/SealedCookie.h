#pragma once

#include "Error.h"
#include "formats/CookieSize.h"

#include <QByteArray>

#include <optional>

namespace sessionlens {

/// A session made into a cookie by its format (or the reason why not), with what it is made
/// of. SessionSealer adds the headers' cost to `size` for the front ends.
struct SealedCookie
{
    QByteArray cookie;          ///< empty when `error` is set
    std::optional<Error> error; ///< why no cookie was made (no key, not sealable, ...)
    CookieSize size;            ///< always filled: sizes need no key
    QByteArray json;            ///< the JSON text (plaintext or payload JSON)
    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

} // namespace sessionlens
