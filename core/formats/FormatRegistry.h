#pragma once

#include "formats/CookieFormat.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <memory>
#include <vector>

namespace sessionlens {

/**
 * The cookie formats SessionLens knows, in order of registration (which also breaks ties in
 * detection). No global: builtIn() is a constant table of the shipped formats, and whoever
 * needs more (a test, a plug-in) copies it and adds theirs, then passes it where formats are
 * asked for.
 */
class FormatRegistry
{
public:
    FormatRegistry() = default;

    /// The shipped formats: EncryptedSession first (the fallback for unknown shapes), then
    /// Flask's signed cookie. Registration of a new shipped format is one line in the .cpp.
    [[nodiscard]] static const FormatRegistry &builtIn();
    /// A registry with the built-in formats, to add more to.
    [[nodiscard]] static FormatRegistry withBuiltIns();

    /// Registers a format; false (and nothing added) when its id is taken.
    bool add(std::shared_ptr<const CookieFormat> format);

    [[nodiscard]] const CookieFormat *find(QStringView id) const;
    [[nodiscard]] QList<const CookieFormat *> formats() const;
    [[nodiscard]] QStringList ids() const;
    /// The format that takes a text of no known shape: the first registered.
    [[nodiscard]] const CookieFormat *fallback() const;

    struct Candidate
    {
        const CookieFormat *format = nullptr;
        int score = CookieFormat::NotMine;
    };
    struct Detection
    {
        const CookieFormat *format = nullptr; ///< nullptr: no format knows the shape
        int score = CookieFormat::NotMine;
        /// When formats share a shape (Flask's signed cookie and Starlette's, when the payload
        /// has no '+', '/' or '='): every format at least CookieFormat::Possible of the text,
        /// best first, registration order breaking ties. The first is `format`; the opener
        /// prefers the first that a stored key verifies. Empty when only one format fits.
        QVarLengthArray<Candidate, 4> candidates;
    };
    [[nodiscard]] Detection detect(QByteArrayView cookie) const;
    /// detect() with the cookie's characters already scanned (a batch scans each line once,
    /// to tell a bare value, and hands the scan on).
    [[nodiscard]] Detection detect(QByteArrayView cookie,
                                   const FormatDetector::Characters &characters) const;
    /// The format a cookie will be opened as: the detected one, else the fallback (whose
    /// format step then says what is wrong). Never null while a format is registered.
    [[nodiscard]] const CookieFormat *shapeOf(QByteArrayView cookie) const;

private:
    std::vector<std::shared_ptr<const CookieFormat>> m_formats;
};

} // namespace sessionlens
