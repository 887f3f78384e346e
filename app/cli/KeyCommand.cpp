#include "KeyCommand.h"

#include "keys/KeyTextParser.h"
#include "keys/SessionKey.h"

#include <QCommandLineParser>

namespace sessionlens::cli {

int KeyCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("inspect"))
        return inspect(arguments.mid(1));
    if (action == QLatin1String("generate"))
        return generate(arguments.mid(1));
    return m_io.usage(tr("key needs 'inspect KEY' or 'generate'"));
}

int KeyCommand::inspect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("key"), tr("Key text, '-' for standard input."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return m_io.usage(tr("key inspect takes one key"));
    QString text = parser.positionalArguments().constFirst();
    if (text == QLatin1String("-")) {
        auto input = m_io.readAll(text, 64 * 1024);
        if (!input)
            return m_io.fail(input.error());
        text = QString::fromUtf8(input.value());
    }
    auto parsed = KeyTextParser::parseAesKey(text);
    if (!parsed)
        return m_io.fail(parsed.error());
    const SessionKey key(QString(), std::move(parsed->bytes));
    QTextStream &out = m_io.out();
    out << tr("read as:     %1").arg(KeyTextParser::formName(parsed->form)) << Qt::endl
        << tr("length:      %1 bytes").arg(key.size()) << Qt::endl
        << tr("variant:     %1").arg(key.aesVariant()) << Qt::endl
        << tr("fingerprint: %1").arg(key.fingerprint()) << Qt::endl
        << tr("hex:         %1").arg(key.toHex()) << Qt::endl
        << tr("base64:      %1").arg(key.toBase64()) << Qt::endl
        << tr("python:      %1").arg(key.toPythonLiteral()) << Qt::endl;
    return ExitOk;
}

int KeyCommand::generate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), tr("python (default), hex or base64."),
                      tr("format"), QStringLiteral("python")});
    parser.addOption({QStringLiteral("size"), tr("Key size in bytes: 16, 24 or 32 (default)."),
                      tr("bytes"), QStringLiteral("32")});
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
    const int size = parser.value(QStringLiteral("size")).toInt();
    if (size != 16 && size != 24 && size != 32)
        return m_io.usage(tr("key size must be 16, 24 or 32"));
    auto key = SessionKey::generate(QString(), static_cast<std::size_t>(size));
    if (!key)
        return m_io.fail(key.error());
    const QString format = parser.value(QStringLiteral("format"));
    if (format == QLatin1String("python"))
        m_io.out() << key->toPythonLiteral() << Qt::endl;
    else if (format == QLatin1String("hex"))
        m_io.out() << key->toHex() << Qt::endl;
    else if (format == QLatin1String("base64"))
        m_io.out() << key->toBase64() << Qt::endl;
    else
        return m_io.usage(tr("unknown key format '%1': use python, hex or base64").arg(format));
    return ExitOk;
}

} // namespace sessionlens::cli
