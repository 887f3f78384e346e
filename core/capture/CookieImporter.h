#pragma once

#include "Result.h"
#include "capture/CapturedCookie.h"
#include "capture/ImportWarnings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sessionlens {

/**
 * Session cookies out of files people already have: a HAR 1.2 export (Chrome, Firefox),
 * a Netscape cookies.txt (curl -c, browser extensions), a plain list (one cookie value or
 * header line per line), or a browser's cookie database. The kind is read from the
 * content, never from the file name.
 */
class CookieImporter
{
public:
    /// A larger file is a `limit` error (a HAR of a long session is tens of MiB).
    static constexpr qsizetype kMaxFileBytes = 256 * 1024 * 1024;
    /// Lines, HAR entries, cookies and header lines looked at in one file; more is a `limit`
    /// error.
    static constexpr qsizetype kMaxRecords = 1'000'000;
    /// JSON objects and lists in one HAR, counted before it is parsed; more is a `limit`
    /// error. The parsed document keeps some 400 bytes per small object (a HAR of tiny
    /// cookies took 13 times its size), so this bounds its memory to some hundreds of MiB.
    static constexpr qsizetype kMaxHarContainers = 1'000'000;
    /// Warnings kept per file; the rest are counted in a last one.
    static constexpr qsizetype kMaxWarnings = ImportWarnings::kMaxKept;

    enum class Kind
    {
        Har,
        CookiesTxt,
        List,
        FirefoxDatabase,
        ChromiumDatabase
    };

    struct Options
    {
        QByteArray cookieName = "session";
        QString host; ///< only cookies of this host (and its subdomains); empty: all
    };

    struct Imported
    {
        Kind kind = Kind::List;
        QList<CapturedCookie> cookies;
        QStringList warnings;
    };

    [[nodiscard]] static Result<Imported> importFile(const QString &path, const Options &options);
    /// Text formats only (HAR, cookies.txt, list); databases need a file.
    [[nodiscard]] static Result<Imported> importData(const QByteArray &data,
                                                     const Options &options);
    [[nodiscard]] static Kind detect(QByteArrayView head);
    [[nodiscard]] static QString kindName(Kind kind);
    /// Whether `cookieHost` (a cookie's domain, maybe with a leading dot) belongs to `host`.
    [[nodiscard]] static bool hostMatches(const QString &cookieHost, const QString &host);

private:
    static Result<Imported> importHar(const QByteArray &data, const Options &options);
    static Result<Imported> importCookiesTxt(const QByteArray &data, const Options &options);
    static Result<Imported> importList(const QByteArray &data, const Options &options);
};

} // namespace sessionlens
