#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <optional>

namespace sessionlens {

/**
 * What a person types for a request, read one way by the window and the command line: a
 * header line `Name: value` and a method name. Each front end phrases a refusal in its own
 * words; what counts as a header and which method is sent is decided here. Whether the
 * result may go onto the wire is HttpFieldRules' question, asked after this one.
 */
class RequestText
{
public:
    struct Header
    {
        QByteArray name;
        QByteArray value;
    };

    /// `Name: value` split at the first colon, white space around name and value dropped (a
    /// pasted line's CR too); nullopt when the line has no colon, or starts with one.
    [[nodiscard]] static std::optional<Header> header(QStringView line);
    /// The method as it is sent: trimmed and in capitals. A person who types `post` means
    /// POST, and servers match methods case-sensitively (Flask answers `post` with 405).
    [[nodiscard]] static QByteArray method(QByteArrayView text);
};

} // namespace sessionlens
