#pragma once

#include "CliIo.h"
#include "SignerArguments.h"
#include "document/CookieOpener.h"
#include "keys/KeyRing.h"

#include <QCommandLineParser>

#include <optional>

namespace sessionlens::cli {

/**
 * The way `edit`, `stats` and `convert` come to an opened cookie: the keys of the run and the
 * stored ring, the cookie from the argument or standard input, a usage problem when no key
 * could open its shape, then the opener. Each step returns the exit code of its failure
 * (nullopt when it went well) after saying what failed, so each command keeps one line per
 * step and the same messages. The steps are separate because `convert` chooses its target's
 * key between reading the cookie and opening it.
 */
class CookieArgumentOpener
{
public:
    /// What a command accepts from the opener.
    enum class Accept
    {
        /// A session came out: a signature no secret matched still shows its content.
        Readable,
        /// Opened without an error: the signature verified, or was not to be checked.
        Opened,
    };

    explicit CookieArgumentOpener(CliIo &io) : m_io(io) {}

    /// --key/--secret, their files and the stored ring, with the signer options.
    [[nodiscard]] std::optional<int> loadKeys(const QCommandLineParser &parser);
    /// The positional cookie argument, standard input when it is '-' or absent.
    [[nodiscard]] std::optional<int> readCookie(const QCommandLineParser &parser);
    /// Says which options give a key when none could open the cookie's shape, then opens it.
    [[nodiscard]] std::optional<int> open(Accept accept);
    /// All three steps.
    [[nodiscard]] std::optional<int> loadAndOpen(const QCommandLineParser &parser, Accept accept);

    [[nodiscard]] KeyRing &ring() { return m_ring; }
    [[nodiscard]] const SignerArguments::Loaded &loaded() const { return m_loaded; }
    [[nodiscard]] const FlaskSignedCodec::Options &options() const { return m_loaded.options; }
    [[nodiscard]] const CookieText::Extracted &cookie() const { return m_cookie; }
    [[nodiscard]] const CookieOpener::Opened &opened() const { return m_opened; }

private:
    CliIo &m_io;
    KeyRing m_ring;
    SignerArguments::Loaded m_loaded;
    CookieText::Extracted m_cookie;
    CookieOpener::Opened m_opened;
};

} // namespace sessionlens::cli
