#pragma once

namespace sessionlens {

/// What the program tells about its OpenSSL, without OpenSSL headers in public ones.
class OpenSslInfo
{
public:
    /// The running library's version, e.g. "3.0.11".
    [[nodiscard]] static const char *version();
};

} // namespace sessionlens
