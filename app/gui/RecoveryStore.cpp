#include "RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sessionlens::gui {

namespace {

Result<Done> writePrivate(const QString &folder, const QString &path, const QByteArray &content)
{
    QDir().mkpath(folder);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    if (!file.commit())
        return Error::make(ErrorCategory::Io, file.errorString(), path);
    return Done{};
}

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.read(64 * 1024 * 1024)).object();
}

} // namespace

RecoveryStore::RecoveryStore(QString folder) : m_folder(std::move(folder)) {}

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
    for (const QJsonValue value : readObject(historyFile()).value(QStringLiteral("entries")).toArray()) {
        const QJsonObject o = value.toObject();
        entries.append({QDateTime::fromString(o.value(QStringLiteral("opened_at")).toString(), Qt::ISODate),
                        o.value(QStringLiteral("cookie")).toString().toLatin1(),
                        o.value(QStringLiteral("key_name")).toString(),
                        o.value(QStringLiteral("json_bytes")).toInteger()});
    }
    return entries;
}

void RecoveryStore::addToHistory(const HistoryEntry &entry)
{
    QList<HistoryEntry> entries = history();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&entry](const HistoryEntry &e) { return e.cookie == entry.cookie; }),
                  entries.end());
    entries.prepend(entry);
    QJsonArray array;
    for (const HistoryEntry &e : entries.mid(0, kMaxHistory))
        array.append(QJsonObject{{QStringLiteral("opened_at"), e.openedAt.toString(Qt::ISODate)},
                                 {QStringLiteral("cookie"), QString::fromLatin1(e.cookie)},
                                 {QStringLiteral("key_name"), e.keyName},
                                 {QStringLiteral("json_bytes"), e.jsonBytes}});
    (void)writePrivate(m_folder, historyFile(),
                       QJsonDocument(QJsonObject{{QStringLiteral("entries"), array}}).toJson(QJsonDocument::Compact));
}

void RecoveryStore::clearHistory()
{
    QFile::remove(historyFile());
}

Result<Done> RecoveryStore::writeAutosave(const Autosave &autosave)
{
    const QJsonObject o{{QStringLiteral("original_cookie"), QString::fromLatin1(autosave.originalCookie)},
                        {QStringLiteral("key_name"), autosave.keyName},
                        // The session JSON is kept as text: the file format must not re-encode it.
                        {QStringLiteral("session_json"), QString::fromUtf8(autosave.sessionJson)},
                        {QStringLiteral("saved_at"), autosave.savedAt.toString(Qt::ISODate)},
                        {QStringLiteral("format"), autosave.flaskSigned ? QStringLiteral("signed") : QStringLiteral("encrypted")}};
    return writePrivate(m_folder, autosaveFile(), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<RecoveryStore::Autosave> RecoveryStore::readAutosave() const
{
    const QJsonObject o = readObject(autosaveFile());
    if (!o.contains(QStringLiteral("session_json")))
        return std::nullopt;
    return Autosave{o.value(QStringLiteral("original_cookie")).toString().toLatin1(),
                    o.value(QStringLiteral("key_name")).toString(),
                    o.value(QStringLiteral("session_json")).toString().toUtf8(),
                    QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODate),
                    o.value(QStringLiteral("format")).toString() == QLatin1String("signed")};
}

void RecoveryStore::clearAutosave()
{
    QFile::remove(autosaveFile());
}

} // namespace sessionlens::gui
