#pragma once

#include <QtGlobal>

namespace sessionlens::defaults {

/// What a Flask app uses unless it is configured otherwise. The core's option structs, the
/// command line's defaults and help, and the window's preferences all start from these, so a
/// change of Flask's default is one line here.

/// SecureCookieSessionInterface.salt: the itsdangerous salt of Flask's signed session.
inline constexpr char kFlaskSessionSalt[] = "cookie-session";
/// PERMANENT_SESSION_LIFETIME: 31 days.
inline constexpr int kSessionLifetimeDays = 31;
inline constexpr qint64 kSessionLifetimeSeconds = qint64(kSessionLifetimeDays) * 24 * 3600;
/// Largest plaintext a compressed cookie may inflate to (a decompression bomb stops there).
inline constexpr int kMaxInflatedMiB = 8;
inline constexpr qsizetype kMaxInflatedBytes = qsizetype(kMaxInflatedMiB) * 1024 * 1024;

} // namespace sessionlens::defaults
