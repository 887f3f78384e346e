#include "KeyCommand.h"

#include "Limits.h"
#include "StoredKeys.h"
#include "keys/KeyTextParser.h"
#include "keys/RunKeyLoader.h"
#include "keys/SessionKey.h"

#include <QCommandLineParser>

#include <cstdio>
#include <unistd.h>

namespace sessionlens::cli {

int KeyCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("inspect"))
        return inspect(arguments.mid(1));
    if (action == QLatin1String("generate"))
        return generate(arguments.mid(1));
    if (action == QLatin1String("list"))
        return list(arguments.mid(1));
    if (action == QLatin1String("add"))
        return add(arguments.mid(1));
    if (action == QLatin1String("remove"))
        return remove(arguments.mid(1));
    if (action == QLatin1String("rename"))
        return rename(arguments.mid(1));
    if (action == QLatin1String("export"))
        return exportKey(arguments.mid(1));
    return m_io.usage(tr("key needs list, add, remove, rename, export, inspect or generate"));
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
        auto input = m_io.readAll(text, limits::kMaxKeyTextBytes);
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

namespace {

QString kindName(SessionKey::Kind kind)
{
    return kind == SessionKey::Kind::AesKey
               ? QCoreApplication::translate("KeyCommand", "AES key")
               : QCoreApplication::translate("KeyCommand", "Flask secret");
}

} // namespace

int KeyCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
    const StoredKeyRing::Opened stored = StoredKeys::open(m_io);
    // A ring that cannot be read is no empty ring: a script must not take it for one.
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    if (stored.problem)
        return m_io.fail(*stored.problem);
    QTextStream &out = m_io.out();
    out << tr("store: %1").arg(stored.keys->store().label()) << Qt::endl;
    const KeyRing &ring = stored.keys->ring();
    for (qsizetype i = 0; i < ring.size(); ++i) {
        const SessionKey &key = ring.at(i);
        // Never the secret itself: name, kind, size and fingerprint only.
        out << QStringLiteral("%1\t%2\t%3\t%4")
                   .arg(key.name(), kindName(key.kind()), tr("%1 bytes").arg(key.size()),
                        key.fingerprint())
            << Qt::endl;
    }
    if (!stored.missing.isEmpty())
        return m_io.fail(
            Error::make(ErrorCategory::Key, tr("the key store did not return these stored keys: %1")
                                                .arg(stored.missing.join(QStringLiteral(", ")))));
    return ExitOk;
}

int KeyCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), tr("Name of the key in the ring."), tr("name")});
    parser.addOption({QStringLiteral("key-file"),
                      tr("File holding an AES key ('-': standard input)."), tr("file")});
    parser.addOption({QStringLiteral("secret-file"),
                      tr("File holding a Flask SECRET_KEY ('-': standard input)."), tr("file")});
    parser.addPositionalArgument(QStringLiteral("-"), tr("Read an AES key from standard input."));
    if (!parser.parse(arguments))
        return m_io.usage(parser.errorText());
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty())
        return m_io.usage(tr("key add needs --name NAME"));
    if (name.startsWith(QLatin1String("--")))
        return m_io.usage(tr("a stored key's name does not start with --"));
    const bool stdinKey = parser.positionalArguments() == QStringList{QStringLiteral("-")};
    const int sources = int(parser.isSet(QStringLiteral("key-file"))) +
                        int(parser.isSet(QStringLiteral("secret-file"))) + int(stdinKey);
    if (sources != 1 || (!parser.positionalArguments().isEmpty() && !stdinKey))
        return m_io.usage(
            tr("key add takes one of --key-file F, --secret-file F or - (never the key itself)"));
    RunKeyLoader::Sources loaderSources;
    if (parser.isSet(QStringLiteral("secret-file")))
        loaderSources.secretFiles = {parser.value(QStringLiteral("secret-file"))};
    else
        loaderSources.keyFiles = {stdinKey ? QStringLiteral("-")
                                           : parser.value(QStringLiteral("key-file"))};
    auto loaded = RunKeyLoader::load(loaderSources);
    if (!loaded)
        return m_io.fail(loaded.error());
    const SessionKey &read = loaded->constFirst();
    StoredKeyRing::Opened stored = StoredKeys::open(m_io, true);
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    auto added = stored.keys->add(SessionKey(name, read.bytes(), read.kind()));
    if (!added)
        return m_io.fail(added.error());
    m_io.err() << tr("added %1 \"%2\" (%3) to %4")
                      .arg(kindName(read.kind()), name, read.fingerprint(),
                           stored.keys->store().label())
               << Qt::endl;
    return ExitOk;
}

int KeyCommand::remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("The key to remove."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1)
        return m_io.usage(tr("key remove takes one name"));
    StoredKeyRing::Opened stored = StoredKeys::open(m_io);
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    const QString name = parser.positionalArguments().constFirst();
    if (stored.keys->ring().indexOf(name) < 0)
        return m_io.fail(
            Error::make(ErrorCategory::Key, tr("no stored key is named \"%1\"").arg(name)));
    auto removed = stored.keys->remove(name);
    if (!removed)
        return m_io.fail(removed.error());
    return ExitOk;
}

int KeyCommand::rename(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("old"), tr("The key's name."));
    parser.addPositionalArgument(QStringLiteral("new"), tr("Its new name."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 2)
        return m_io.usage(tr("key rename takes OLD NEW"));
    StoredKeyRing::Opened stored = StoredKeys::open(m_io);
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    const QStringList names = parser.positionalArguments();
    if (stored.keys->ring().indexOf(names[0]) < 0)
        return m_io.fail(
            Error::make(ErrorCategory::Key, tr("no stored key is named \"%1\"").arg(names[0])));
    auto renamed = stored.keys->rename(names[0], names[1]);
    if (!renamed)
        return m_io.fail(renamed.error());
    return ExitOk;
}

int KeyCommand::exportKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("reveal"), tr("Print the secret even on a terminal.")});
    parser.addPositionalArgument(QStringLiteral("name"), tr("The key to export."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1)
        return m_io.usage(tr("key export takes one name"));
    const bool terminal = ::isatty(STDOUT_FILENO) != 0;
    if (terminal && !parser.isSet(QStringLiteral("reveal"))) {
        m_io.err() << tr("not printed: standard output is a terminal, where the secret would stay "
                         "on screen and in "
                         "scrollback. Redirect it (key export NAME > file) or add --reveal.")
                   << Qt::endl;
        return ExitUsage;
    }
    StoredKeyRing::Opened stored = StoredKeys::open(m_io);
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    const SessionKey *key = stored.keys->ring().find(parser.positionalArguments().constFirst());
    if (!key)
        return m_io.fail(Error::make(
            ErrorCategory::Key,
            tr("no stored key is named \"%1\"").arg(parser.positionalArguments().constFirst())));
    m_io.err() << tr("exporting the secret of \"%1\" (%2)").arg(key->name(), key->fingerprint())
               << Qt::endl;
    // AES keys as the Python literal people paste; Flask secrets as their bytes.
    QByteArray text = key->kind() == SessionKey::Kind::AesKey ? key->toPythonLiteral().toUtf8()
                                                              : key->bytes().exposeCopy();
    m_io.out().flush();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    wipeByteArray(text);
    return ExitOk;
}

} // namespace sessionlens::cli
