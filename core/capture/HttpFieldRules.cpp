#include "capture/HttpFieldRules.h"

#include <QCoreApplication>

#include <array>

namespace sessionlens {

namespace {

constexpr std::array<bool, 256> tokenTable()
{
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (const char c :
         {'!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~'})
        table[size_t(static_cast<unsigned char>(c))] = true;
    return table;
}

constexpr std::array<bool, 256> kToken = tokenTable();

bool isCookieOctet(unsigned char c)
{
    // %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E: no controls, space, DQUOTE, comma,
    // semicolon or backslash.
    return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
}

Error refused(const QString &field, const char *what)
{
    return Error::make(ErrorCategory::Format,
                       QCoreApplication::translate("sessionlens::Error", "%1: %2")
                           .arg(field, QCoreApplication::translate("sessionlens::Error", what)),
                       field);
}

} // namespace

bool HttpFieldRules::isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!kToken[size_t(static_cast<unsigned char>(c))])
            return false;
    }
    return true;
}

bool HttpFieldRules::isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool HttpFieldRules::isCookieName(QByteArrayView text)
{
    return isToken(text);
}

bool HttpFieldRules::isCookieValue(QByteArrayView text)
{
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.sliced(1, text.size() - 2);
    for (const char c : text) {
        if (!isCookieOctet(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

Result<Done> HttpFieldRules::checkHeader(QByteArrayView name, QByteArrayView value,
                                         const QString &field)
{
    if (!isToken(name))
        return refused(field, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                "a header name is a token: letters, digits and "
                                                "!#$%&'*+-.^_`|~, no spaces or colons"));
    if (!isFieldValue(value))
        return refused(field, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                "a header value holds no line break, NUL or other "
                                                "control character"));
    return Done{};
}

Result<Done> HttpFieldRules::checkCookie(QByteArrayView name, QByteArrayView value,
                                         const QString &field)
{
    if (!isCookieName(name))
        return refused(field, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                "a cookie name is a token: letters, digits and "
                                                "!#$%&'*+-.^_`|~, no spaces, '=' or ';'"));
    if (!isCookieValue(value))
        return refused(field, QT_TRANSLATE_NOOP("sessionlens::Error",
                                                "a cookie value holds no space, line break, "
                                                "control character, '\"', ',', ';' or '\\'"));
    return Done{};
}

} // namespace sessionlens
