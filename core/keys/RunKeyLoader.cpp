#include "keys/RunKeyLoader.h"

#include "keys/KeyTextParser.h"

#include <QFile>

#include <QCoreApplication>
#include <cstdio>

namespace sessionlens {

Result<SecureBytes> RunKeyLoader::readSecretFile(const QString &path, qsizetype maxBytes)
{
    QFile file;
    const bool standardInput = path == QLatin1String("-");
    const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                      : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error::make(
            ErrorCategory::Io,
            QCoreApplication::translate("sessionlens::Error", "cannot open the key file: %1")
                .arg(file.errorString()),
            path);
    // One buffer of the limit's size plus one byte, read into in place: no growing copies.
    SecureBytes buffer(std::size_t(maxBytes) + 1);
    qsizetype filled = 0;
    while (filled <= maxBytes) {
        const qint64 got =
            file.read(reinterpret_cast<char *>(buffer.data()) + filled, maxBytes + 1 - filled);
        if (got < 0)
            return Error::make(
                ErrorCategory::Io,
                QCoreApplication::translate("sessionlens::Error", "cannot read the key file: %1")
                    .arg(file.errorString()),
                path);
        if (got == 0)
            break;
        filled += qsizetype(got);
    }
    if (filled > maxBytes)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the key file is larger than %1 bytes")
                               .arg(maxBytes),
                           path);
    return SecureBytes(buffer.data(), std::size_t(filled));
}

SecureBytes RunKeyLoader::withoutFinalNewline(const SecureBytes &content)
{
    std::size_t size = content.size();
    if (size && content.data()[size - 1] == '\n')
        --size;
    if (size && content.data()[size - 1] == '\r')
        --size;
    return SecureBytes(content.data(), size);
}

Result<QList<SessionKey>> RunKeyLoader::load(const Sources &sources)
{
    QList<SessionKey> keys;
    const auto named = [](Error error, const QString &where) {
        error.detail = where;
        return error;
    };
    int index = 0;
    for (const QString &text : sources.keyTexts) {
        const QString name = QStringLiteral("--key #%1").arg(++index);
        auto parsed = KeyTextParser::parseAesKey(text);
        if (!parsed)
            return named(parsed.error(), name);
        keys.append(SessionKey(name, std::move(parsed->bytes)));
    }
    for (const QString &path : sources.keyFiles) {
        const QString name = QStringLiteral("--key-file %1").arg(path);
        auto content = readSecretFile(path);
        if (!content)
            return named(content.error(), name);
        auto parsed = KeyTextParser::parseAesKeyUtf8(QByteArrayView(
            reinterpret_cast<const char *>(content->data()), qsizetype(content->size())));
        if (!parsed)
            return named(parsed.error(), name);
        keys.append(SessionKey(name, std::move(parsed->bytes)));
    }
    index = 0;
    for (const QString &text : sources.secretTexts) {
        QByteArray bytes = text.toUtf8();
        keys.append(SessionKey(QStringLiteral("--secret #%1").arg(++index),
                               SecureBytes::fromByteArray(bytes, true),
                               SessionKey::Kind::SigningSecret));
    }
    for (const QString &path : sources.secretFiles) {
        const QString name = QStringLiteral("--secret-file %1").arg(path);
        auto content = readSecretFile(path);
        if (!content)
            return named(content.error(), name);
        keys.append(SessionKey(name, withoutFinalNewline(content.value()),
                               SessionKey::Kind::SigningSecret));
    }
    return keys;
}

} // namespace sessionlens
