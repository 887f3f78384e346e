#include "document/RecoveryStore.h"

#include "Limits.h"
#include "os/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sessionlens {

namespace {

constexpr char kHistoryContext[] = "sessionlens-history";
constexpr char kAutosaveContext[] = "sessionlens-autosave";
// History of 50 cookies and one autosaved session: a file larger than this is not ours.
constexpr qsizetype kMaxFileBytes = limits::kMaxReportBytes;

QJsonObject objectOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

RecoveryStore::RecoveryStore(QString folder, KeyProvider keyProvider)
    : m_folder(std::move(folder)), m_keyProvider(std::move(keyProvider))
{
}

Result<SecureBytes> RecoveryStore::key() const
{
    if (!m_key) {
        if (!m_keyProvider)
            return Error::make(
                ErrorCategory::Key,
                QCoreApplication::translate("sessionlens::Error",
                                            "no key store to seal history and autosave"));
        auto fetched = m_keyProvider();
        if (!fetched)
            return fetched.error();
        m_key = std::move(fetched).value();
    }
    return *m_key;
}

Result<Done> RecoveryStore::writeSealed(const QString &path, QByteArrayView context,
                                        const QByteArray &json) const
{
    auto sealingKey = key();
    if (!sealingKey)
        return sealingKey.error();
    if (auto folder = PrivateFiles::ensureFolder(m_folder); !folder)
        return folder.error();
    auto sealed = PrivateFiles::seal(sealingKey.value(), context, json);
    if (!sealed)
        return sealed.error();
    return PrivateFiles::write(path, sealed.value());
}

QByteArray RecoveryStore::readSealed(const QString &path, QByteArrayView context) const
{
    if (!QFile::exists(path))
        return {};
    auto content = PrivateFiles::read(path, kMaxFileBytes);
    if (!content)
        return {};
    if (!PrivateFiles::isSealed(content.value()))
        return content.value(); // written in clear by an earlier version; the next write seals it
    auto sealingKey = key();
    if (!sealingKey)
        return {};
    auto plain = PrivateFiles::unseal(sealingKey.value(), context, content.value());
    if (!plain)
        return {};
    return plain->exposeCopy();
}

QString RecoveryStore::historyFile() const
{
    return QDir(m_folder).filePath(QStringLiteral("history.json"));
}

QString RecoveryStore::autosaveFile() const
{
    return QDir(m_folder).filePath(QStringLiteral("autosave.json"));
}

QList<RecoveryStore::HistoryEntry> RecoveryStore::history() const
{
    QList<HistoryEntry> entries;
    for (const QJsonValue value : objectOf(readSealed(historyFile(), kHistoryContext))
                                      .value(QStringLiteral("entries"))
                                      .toArray()) {
        const QJsonObject o = value.toObject();
        entries.append(
            {QDateTime::fromString(o.value(QStringLiteral("opened_at")).toString(), Qt::ISODate),
             o.value(QStringLiteral("cookie")).toString().toLatin1(),
             o.value(QStringLiteral("key_name")).toString(),
             o.value(QStringLiteral("json_bytes")).toInteger()});
    }
    return entries;
}

Result<Done> RecoveryStore::addToHistory(const HistoryEntry &entry)
{
    QList<HistoryEntry> entries = history();
    entries.erase(
        std::remove_if(entries.begin(), entries.end(),
                       [&entry](const HistoryEntry &e) { return e.cookie == entry.cookie; }),
        entries.end());
    entries.prepend(entry);
    QJsonArray array;
    for (const HistoryEntry &e : entries.mid(0, kMaxHistory))
        array.append(QJsonObject{{QStringLiteral("opened_at"), e.openedAt.toString(Qt::ISODate)},
                                 {QStringLiteral("cookie"), QString::fromLatin1(e.cookie)},
                                 {QStringLiteral("key_name"), e.keyName},
                                 {QStringLiteral("json_bytes"), e.jsonBytes}});
    return writeSealed(historyFile(), kHistoryContext,
                       QJsonDocument(QJsonObject{{QStringLiteral("entries"), array}})
                           .toJson(QJsonDocument::Compact));
}

void RecoveryStore::clearHistory()
{
    QFile::remove(historyFile());
}

Result<Done> RecoveryStore::writeAutosave(const Autosave &autosave)
{
    const QJsonObject o{
        {QStringLiteral("original_cookie"), QString::fromLatin1(autosave.originalCookie)},
        {QStringLiteral("key_name"), autosave.keyName},
        // The session JSON is kept as text: the file format must not re-encode it.
        {QStringLiteral("session_json"), QString::fromUtf8(autosave.sessionJson)},
        {QStringLiteral("saved_at"), autosave.savedAt.toString(Qt::ISODate)},
        {QStringLiteral("format"), autosave.format}};
    return writeSealed(autosaveFile(), kAutosaveContext,
                       QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<RecoveryStore::Autosave> RecoveryStore::readAutosave() const
{
    const QJsonObject o = objectOf(readSealed(autosaveFile(), kAutosaveContext));
    if (!o.contains(QStringLiteral("session_json")))
        return std::nullopt;
    return Autosave{
        o.value(QStringLiteral("original_cookie")).toString().toLatin1(),
        o.value(QStringLiteral("key_name")).toString(),
        o.value(QStringLiteral("session_json")).toString().toUtf8(),
        QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODate),
        o.value(QStringLiteral("format")).toString()};
}

void RecoveryStore::clearAutosave()
{
    QFile::remove(autosaveFile());
}

} // namespace sessionlens
