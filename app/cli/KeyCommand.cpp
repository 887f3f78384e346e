#include "KeyCommand.h"

#include "Limits.h"
#include "StoredKeys.h"
#include "formats/FormatRegistry.h"
#include "formats/KeyNeed.h"
#include "keys/KeyTextParser.h"
#include "keys/RunKeyLoader.h"
#include "keys/SessionKey.h"

#include <QCommandLineParser>

#include <cstdio>
#include <unistd.h>

namespace sessionlens::cli {

CommandSyntax KeyCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("key"),
                         tr("The stored key ring, shared with the window; and key text tools."));
    CommandSyntax list(QStringLiteral("list"),
                       tr("List the stored keys: name, kind, size, fingerprint (never the key) "
                          "and the formats each is kept for."));
    syntax.addSubcommand(list);

    CommandSyntax add(QStringLiteral("add"),
                      tr("Store a key or secret read from a file or standard input."));
    add.addOption({QStringLiteral("name"), tr("Name of the key in the ring."), tr("name")});
    add.addOption({QStringLiteral("key-file"), tr("File holding an AES key ('-': standard input)."),
                   tr("file")},
                  CommandOption::Hints::path());
    add.addOption({QStringLiteral("secret-file"),
                   tr("File holding a Flask SECRET_KEY ('-': standard input)."), tr("file")},
                  CommandOption::Hints::path());
    add.addOption({QStringLiteral("for"),
                   tr("Try the key only on cookies of these formats (comma-separated ids)."),
                   tr("formats")},
                  CommandOption::Hints::oneOf(FormatRegistry::builtIn().ids()));
    add.addPositionalArgument(QStringLiteral("-"), tr("Read an AES key from standard input."),
                              QStringLiteral("[-]"));
    syntax.addSubcommand(add);

    CommandSyntax remove(QStringLiteral("remove"), tr("Remove a stored key."));
    remove.addPositionalArgument(QStringLiteral("name"), tr("The key to remove."),
                                 QStringLiteral("NAME"));
    syntax.addSubcommand(remove);

    CommandSyntax rename(QStringLiteral("rename"), tr("Rename a stored key."));
    rename.addPositionalArgument(QStringLiteral("old"), tr("The key's name."),
                                 QStringLiteral("OLD"));
    rename.addPositionalArgument(QStringLiteral("new"), tr("Its new name."), QStringLiteral("NEW"));
    syntax.addSubcommand(rename);

    CommandSyntax exportKey(QStringLiteral("export"),
                            tr("Print a stored key, only into a file or pipe unless --reveal."));
    exportKey.addOption({QStringLiteral("reveal"), tr("Print the secret even on a terminal.")});
    exportKey.addPositionalArgument(QStringLiteral("name"), tr("The key to export."),
                                    QStringLiteral("NAME"));
    syntax.addSubcommand(exportKey);

    CommandSyntax inspect(QStringLiteral("inspect"),
                          tr("Length, fingerprint, AES variant and every form of a key."));
    inspect.addPositionalArgument(QStringLiteral("key"), tr("Key text, '-' for standard input."),
                                  QStringLiteral("KEY|-"));
    syntax.addSubcommand(inspect);

    CommandSyntax generate(QStringLiteral("generate"), tr("Make a new random AES key."));
    generate.addOption({QStringLiteral("format"), tr("python (default), hex or base64."),
                        tr("format"), QStringLiteral("python")},
                       CommandOption::Hints::oneOf({QStringLiteral("python"), QStringLiteral("hex"),
                                                    QStringLiteral("base64")}));
    generate.addOption({QStringLiteral("size"), tr("Key size in bytes: 16, 24 or 32 (default)."),
                        tr("bytes"), QStringLiteral("32")},
                       CommandOption::Hints::oneOf(
                           {QStringLiteral("16"), QStringLiteral("24"), QStringLiteral("32")}));
    syntax.addSubcommand(generate);
    return syntax;
}

int KeyCommand::execute(const QCommandLineParser &parser)
{
    const QString &action = subcommand();
    if (action == QLatin1String("inspect"))
        return inspect(parser);
    if (action == QLatin1String("generate"))
        return generate(parser);
    if (action == QLatin1String("list"))
        return list();
    if (action == QLatin1String("add"))
        return add(parser);
    if (action == QLatin1String("remove"))
        return remove(parser);
    if (action == QLatin1String("rename"))
        return rename(parser);
    return exportKey(parser);
}

int KeyCommand::inspect(const QCommandLineParser &parser)
{
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

int KeyCommand::generate(const QCommandLineParser &parser)
{
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

int KeyCommand::list()
{
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
        // Never the secret itself: name, kind, size, fingerprint and the formats it serves.
        out << QStringLiteral("%1\t%2\t%3\t%4\t%5")
                   .arg(key.name(), KeyNeed::kindName(key.kind()), tr("%1 bytes").arg(key.size()),
                        key.fingerprint(),
                        key.formats().isEmpty() ? tr("all formats")
                                                : tr("for %1").arg(key.formats().join(u',')))
            << Qt::endl;
    }
    if (!stored.missing.isEmpty())
        return m_io.fail(
            Error::make(ErrorCategory::Key, tr("the key store did not return these stored keys: %1")
                                                .arg(stored.missing.join(QStringLiteral(", ")))));
    return ExitOk;
}

int KeyCommand::add(const QCommandLineParser &parser)
{
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
    SessionKey key(name, read.bytes(), read.kind());
    if (parser.isSet(QStringLiteral("for"))) {
        auto formats = KeyNeed::formatsFor(read.kind(), parser.value(QStringLiteral("for")),
                                           FormatRegistry::builtIn());
        if (!formats)
            return m_io.usage(formats.error().message);
        key.setFormats(std::move(formats).value());
    }
    StoredKeyRing::Opened stored = StoredKeys::open(m_io, true);
    if (!stored.keys)
        return m_io.fail(Error::make(ErrorCategory::Io, tr("no key store can be reached")));
    const QStringList formats = key.formats();
    auto added = stored.keys->add(std::move(key));
    if (!added)
        return m_io.fail(added.error());
    m_io.err() << tr("added %1 \"%2\" (%3) to %4")
                      .arg(KeyNeed::kindName(read.kind()), name, read.fingerprint(),
                           stored.keys->store().label())
               << Qt::endl;
    if (!formats.isEmpty())
        m_io.err() << tr("it is tried only on cookies of: %1").arg(formats.join(u',')) << Qt::endl;
    return ExitOk;
}

int KeyCommand::remove(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
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

int KeyCommand::rename(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 2)
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

int KeyCommand::exportKey(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
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
