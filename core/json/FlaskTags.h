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
    /// Accepts what uuid.UUID(...) accepts for hex input: 32 hex digits, dashes and braces ignored,
    /// an optional urn:uuid: prefix.
    [[nodiscard]] static std::optional<QByteArray> parseUuid(QByteArrayView text);
    /// Python's repr of an aware UTC datetime.
    [[nodiscard]] static QString dateTimeRepr(qint64 secondsSinceEpoch);
    /// True for the keys Flask's serializer treats as tags (" t", " b", ...).
    [[nodiscard]] static bool isTagKey(const QString &key);
    /// Orders strings by code point, as Python's sort does (UTF-16 order differs above U+FFFF).
    [[nodiscard]] static bool codePointLess(const QString &a, const QString &b);
};

} // namespace sessionlens
