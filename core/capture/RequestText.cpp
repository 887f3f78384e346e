#include "RequestText.h"

namespace sessionlens {

std::optional<RequestText::Header> RequestText::header(QStringView line)
{
    const qsizetype colon = line.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    // A name of white space only is kept (empty): HttpFieldRules refuses it as no token,
    // naming the field it came from.
    return Header{line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()};
}

QByteArray RequestText::method(QByteArrayView text)
{
    return text.trimmed().toByteArray().toUpper();
}

} // namespace sessionlens
