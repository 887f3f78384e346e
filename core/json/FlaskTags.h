#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sessionlens {

/// Conventions of Flask's tagged JSON (flask.json.tag) that several classes share.
class FlaskTags
{
public:
    /// Werkzeug's http_date: `Fri, 17 May 2024 12:30:45 GMT`.
    [[nodiscard]] static QByteArray httpDate(qint64 secondsSinceEpoch);
    /// Reads an IMF-fixdate as http_date writes it; nullopt otherwise.
    [[nodiscard]] static std::optional<qint64> parseHttpDate(QByteArrayView text);
    /// 32 lower-case hex digits, as UUID.hex.
    [[nodiscard]] static QByteArray uuidHex(const QByteArray &bytes);
    /// 8-4-4-4-12 form, as str(UUID).
    [[nodiscard]] static QString uuidText(const QByteArray &bytes);
    /// Accepts what uuid.UUID(hex) accepts: every "urn:" and "uuid:" removed, braces stripped
    /// from the ends, dashes removed, then 32 characters that int(..., 16) reads (so also a
    /// sign, a 0x prefix, underscores between digits, surrounding white space).
    [[nodiscard]] static std::optional<QByteArray> parseUuid(QByteArrayView text);
    [[nodiscard]] static std::optional<QByteArray> parseUuidText(const QString &text);
    /// Python's repr of an aware datetime (`utcOffset` seconds east of UTC; 0 is timezone.utc).
    [[nodiscard]] static QString dateTimeRepr(qint64 secondsSinceEpoch, qint32 utcOffset = 0);
    /// Python's str() of that datetime: `1994-11-06 08:49:37+00:00`.
    [[nodiscard]] static QString dateTimeStr(qint64 secondsSinceEpoch, qint32 utcOffset = 0);
    /// True for the keys Flask's serializer treats as tags (" t", " b", ...).
    [[nodiscard]] static bool isTagKey(const QString &key);
    /// Orders strings by code point, as Python's sort does (UTF-16 order differs above U+FFFF).
    [[nodiscard]] static bool codePointLess(const QString &a, const QString &b);
};

} // namespace sessionlens
