#include "StoredKeys.h"

#include "formats/KeyNeed.h"

#include <unistd.h>

namespace sessionlens::cli {

void StoredKeys::addOptions(CommandSyntax &syntax)
{
    syntax.addOption({QStringLiteral("no-ring"),
                      tr("Do not use the stored key ring, only the keys given here.")});
}

StoredKeyRing::Opened StoredKeys::open(CliIo &io, bool createFileStore)
{
    const int timeout =
        ::isatty(STDIN_FILENO) ? KeychainKeyStore::kDefaultTimeoutMs : kQuietKeychainTimeoutMs;
    StoredKeyRing::Opened opened =
        StoredKeyRing::open(StoredKeyRing::location(), timeout, createFileStore);
    if (!opened.warning.isEmpty())
        io.err() << tr("warning: %1").arg(opened.warning) << Qt::endl;
    if (opened.problem)
        io.err() << tr("warning: the key store cannot be used: %1").arg(opened.problem->toString())
                 << Qt::endl;
    if (!opened.missing.isEmpty())
        io.err() << tr("warning: the key store did not return these stored keys: %1")
                        .arg(opened.missing.join(QStringLiteral(", ")))
                 << Qt::endl;
    return opened;
}

void StoredKeys::appendTo(const QCommandLineParser &parser, CliIo &io, KeyRing &ring)
{
    if (parser.isSet(QStringLiteral("no-ring")))
        return;
    const StoredKeyRing::Opened stored = open(io);
    if (!stored.keys)
        return;
    const KeyRing &keys = stored.keys->ring();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (ring.indexOf(keys.at(i).name()) >= 0)
            continue; // a run key of the same name comes first
        (void)ring.add(keys.at(i));
    }
}

void StoredKeys::addWithOption(CommandSyntax &syntax)
{
    syntax.addOption(
        {QStringLiteral("with"), tr("Seal or sign with this stored key or secret."), tr("name")});
}

Result<SessionKey> StoredKeys::choose(const QCommandLineParser &parser, const KeyRing &ring,
                                      SessionKey::Kind kind, qsizetype runEntries)
{
    const QString wanted = KeyNeed::kindName(kind);
    if (parser.isSet(QStringLiteral("with"))) {
        const QString name = parser.value(QStringLiteral("with"));
        const qsizetype index = ring.indexOf(name);
        if (index < 0)
            return Error::make(ErrorCategory::Key, tr("no stored key is named \"%1\"").arg(name));
        if (ring.at(index).kind() != kind)
            return Error::make(ErrorCategory::Key, tr("\"%1\" is not an %2").arg(name, wanted));
        return ring.at(index);
    }
    QList<qsizetype> given, stored;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (ring.at(i).kind() == kind)
            (i < runEntries ? given : stored).append(i);
    }
    if (given.size() == 1)
        return ring.at(given.first());
    if (given.isEmpty() && stored.size() == 1)
        return ring.at(stored.first());
    if (given.size() > 1)
        return Error::make(ErrorCategory::Key,
                           tr("several keys were given: give one %1 for this").arg(wanted));
    if (stored.isEmpty())
        return Error::make(ErrorCategory::Key,
                           tr("no %1 was given and the stored ring has none").arg(wanted));
    QStringList names;
    for (const qsizetype i : stored)
        names.append(ring.at(i).name());
    return Error::make(ErrorCategory::Key,
                       tr("the stored ring has several: pick one with --with NAME (%1)")
                           .arg(names.join(QStringLiteral(", "))));
}

QString StoredKeys::describe(const SessionKey &key)
{
    if (key.name().startsWith(QLatin1String("--")))
        return key.name();
    return tr("stored key \"%1\"").arg(key.name());
}

} // namespace sessionlens::cli
