#include "capture/RegularFile.h"

#include "Limits.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sessionlens {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QCoreApplication::translate(
            "sessionlens::Error", "a FIFO or pipe; give piped data on standard input as '-'");
    if (S_ISDIR(mode))
        return QCoreApplication::translate("sessionlens::Error", "a folder");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QCoreApplication::translate("sessionlens::Error", "a device");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("sessionlens::Error", "a socket");
    return QCoreApplication::translate("sessionlens::Error", "of an unknown kind");
}

Error ioError(const QString &message, const QString &path)
{
    return Error::make(ErrorCategory::Io, message, path);
}

Error tooLarge(qint64 size, qint64 maxBytes, const QString &path)
{
    return Error::make(
        ErrorCategory::Limit,
        QCoreApplication::translate("sessionlens::Error",
                                    "the file has %1 bytes, more than the %2 an import reads")
            .arg(size)
            .arg(maxBytes),
        path);
}

} // namespace

Result<Done> RegularFile::open(QFile &file, const QString &path, qint64 maxBytes)
{
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return ioError(QCoreApplication::translate("sessionlens::Error", "cannot open the file: %1")
                           .arg(QString::fromLocal8Bit(std::strerror(errno))),
                       path);
    struct stat status
    {
    };
    if (::fstat(fd, &status) != 0) {
        const int problem = errno;
        ::close(fd);
        return ioError(QCoreApplication::translate("sessionlens::Error", "cannot open the file: %1")
                           .arg(QString::fromLocal8Bit(std::strerror(problem))),
                       path);
    }
    if (!S_ISREG(status.st_mode)) {
        const QString kind = kindOf(status.st_mode);
        ::close(fd);
        return ioError(
            QCoreApplication::translate("sessionlens::Error", "not a regular file (%1)").arg(kind),
            path);
    }
    if (status.st_size > maxBytes) {
        ::close(fd);
        return tooLarge(status.st_size, maxBytes, path);
    }
    // A regular file never blocks; reads go through QFile as usual.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return ioError(file.errorString(), path);
    }
    return Done{};
}

Result<Done> RegularFile::copy(const QString &path, const QString &target, qint64 maxBytes)
{
    QFile source;
    if (auto opened = open(source, path, maxBytes); !opened)
        return opened.error();
    QFile copy(target);
    if (!copy.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return ioError(copy.errorString(), target);
    qint64 copied = 0;
    while (true) {
        const QByteArray chunk = source.read(limits::kReadChunkBytes);
        if (chunk.isEmpty()) {
            if (source.error() != QFileDevice::NoError)
                return ioError(source.errorString(), path);
            break;
        }
        copied += chunk.size();
        // The file may grow while it is read (a browser writing its WAL).
        if (copied > maxBytes)
            return tooLarge(copied, maxBytes, path);
        if (copy.write(chunk) != chunk.size())
            return ioError(copy.errorString(), target);
    }
    if (!copy.flush())
        return ioError(copy.errorString(), target);
    return Done{};
}

} // namespace sessionlens
