#include "CookieArgumentOpener.h"

#include "KeyArguments.h"
#include "formats/FormatRegistry.h"

namespace sessionlens::cli {

std::optional<int> CookieArgumentOpener::loadKeys(const QCommandLineParser &parser)
{
    auto loaded = SignerArguments::loadAll(parser, m_io, m_ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    m_loaded = std::move(loaded).value();
    return std::nullopt;
}

std::optional<int> CookieArgumentOpener::readCookie(const QCommandLineParser &parser)
{
    auto cookie = m_io.readCookie(parser.positionalArguments().value(0, QStringLiteral("-")));
    if (!cookie)
        return m_io.fail(cookie.error());
    m_cookie = std::move(cookie).value();
    return std::nullopt;
}

std::optional<int> CookieArgumentOpener::open(Accept accept)
{
    if (auto missing =
            KeyArguments::missingToOpen(m_ring, *FormatRegistry::builtIn().shapeOf(m_cookie.value)))
        return m_io.usage(*missing);
    m_opened = CookieOpener::open(m_cookie.value, m_ring, m_loaded.options);
    const bool accepted = accept == Accept::Readable ? m_opened.readable() : m_opened.ok();
    if (!accepted)
        return m_io.fail(*m_opened.error);
    return std::nullopt;
}

std::optional<int> CookieArgumentOpener::loadAndOpen(const QCommandLineParser &parser,
                                                     Accept accept)
{
    if (auto failed = loadKeys(parser))
        return failed;
    if (auto failed = readCookie(parser))
        return failed;
    return open(accept);
}

} // namespace sessionlens::cli
