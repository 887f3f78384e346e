#include "audit/SecretAudit.h"

#include "crypto/ItsdangerousSigner.h"
#include "keys/KeyTextParser.h"

#include <QElapsedTimer>
#include <QFile>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace sessionlens {

namespace {

constexpr qint64 kProgressBatch = 2048;

struct Shared
{
    const FlaskSignedCodec::Parts *parts = nullptr;
    const SecretAudit::Options *options = nullptr;
    const std::atomic<bool> *cancel = nullptr;
    std::atomic<bool> stop{false};
    std::atomic<qint64> tried{0};
    std::atomic<qint64> bytesDone{0};
    std::atomic<int> running{0};
    std::mutex mutex;
    std::condition_variable finished;
    qint64 hitOffset = -1; // byte offset of the matching line, guarded by mutex
    SecureBytes hitSecret;
    bool failed = false;

    bool shouldStop() const
    {
        return stop.load(std::memory_order_relaxed) || (cancel && cancel->load(std::memory_order_relaxed));
    }
};

// Decodes a candidate line; false when it is to be skipped (a malformed literal).
bool candidateBytes(QByteArrayView line, bool pythonLiterals, SecureBytes *storage, QByteArrayView *out)
{
    if (pythonLiterals && line.size() >= 3 && (line.startsWith("b'") || line.startsWith("b\""))
        && line.back() == line[1]) {
        auto decoded = KeyTextParser::decodePythonBytesBody(line.sliced(2, line.size() - 3));
        if (!decoded)
            return false;
        *storage = std::move(decoded).value();
        *out = QByteArrayView(reinterpret_cast<const char *>(storage->data()), qsizetype(storage->size()));
        return true;
    }
    *out = line;
    return true;
}

void worker(Shared &shared, const char *begin, const char *end, const char *fileStart)
{
    auto signer = ItsdangerousSigner::create(shared.options->codec.signer);
    if (!signer) {
        std::lock_guard lock(shared.mutex);
        shared.failed = true;
    } else {
        const QByteArrayView value(shared.parts->signedValue);
        const QByteArrayView signature(shared.parts->signature);
        qint64 pending = 0;
        const char *lineStart = begin;
        SecureBytes storage;
        while (lineStart < end) {
            const char *newline = static_cast<const char *>(std::memchr(lineStart, '\n', std::size_t(end - lineStart)));
            const char *lineEnd = newline ? newline : end;
            const char *contentEnd = lineEnd;
            if (contentEnd > lineStart && contentEnd[-1] == '\r')
                --contentEnd;
            QByteArrayView candidate;
            if (candidateBytes(QByteArrayView(lineStart, contentEnd - lineStart), shared.options->pythonLiterals, &storage,
                               &candidate)
                && signer->verify(candidate, value, signature)) {
                std::lock_guard lock(shared.mutex);
                if (shared.hitOffset < 0 || lineStart - fileStart < shared.hitOffset) {
                    shared.hitOffset = lineStart - fileStart;
                    shared.hitSecret = SecureBytes(candidate.data(), std::size_t(candidate.size()));
                }
                shared.stop.store(true);
            }
            const char *next = newline ? newline + 1 : end;
            if (++pending == kProgressBatch) {
                shared.tried.fetch_add(pending, std::memory_order_relaxed);
                shared.bytesDone.fetch_add(next - begin, std::memory_order_relaxed);
                begin = next;
                pending = 0;
                if (shared.shouldStop())
                    break;
            }
            lineStart = next;
        }
        shared.tried.fetch_add(pending, std::memory_order_relaxed);
        shared.bytesDone.fetch_add(lineStart - begin, std::memory_order_relaxed);
    }
    if (shared.running.fetch_sub(1) == 1) {
        std::lock_guard lock(shared.mutex);
        shared.finished.notify_all();
    }
}

} // namespace

double SecretAudit::Progress::etaSeconds() const
{
    if (bytesDone <= 0 || secondsElapsed <= 0)
        return -1;
    return secondsElapsed * double(bytesTotal - bytesDone) / double(bytesDone);
}

QList<QByteArray> SecretAudit::builtInSecrets()
{
    // Gathered from Flask's own docs and tutorial, popular books and tutorials,
    // project templates and framework defaults. The lookup is the point: these
    // are the secrets real deployments forget to change.
    return {
        "dev", "development", "secret", "secret-key", "secret_key", "SECRET_KEY", "secretkey", "SecretKey",
        "changeme", "change-me", "change_me", "CHANGEME", "change-this", "changethis", "replace-me",
        "you-will-never-guess", "hard to guess string", "development key", "super-secret", "super secret key",
        "supersecret", "supersecretkey", "super_secret_key", "your-secret-key", "your_secret_key",
        "your-secret-key-here", "my-secret-key", "my_secret_key", "mysecretkey", "mysecret", "s3cr3t", "s3cret",
        "secret123", "secret1", "default", "defaultsecret", "flask", "flasksecret", "flask-secret", "flask_secret",
        "FlaskSecretKey", "this-is-a-secret", "thisisasecret", "this-is-my-secret", "ThisIsASecret",
        "keyboard cat", "notasecret", "not-so-secret", "test", "testing", "test-secret", "testsecret", "admin",
        "password", "passw0rd", "key", "12345", "123456", "1234567890", "abc123", "qwerty",
        "SuperSecretKey", "top-secret", "topsecret", "T0pS3cr3t", "a-very-secret-key", "very-secret",
        "dev-key", "devkey", "dev_key", "dev-secret", "development-key", "debug", "insecure", "unsafe",
        "_5#y2L\"F4Q8z\n\xec]/", "\x8e;\xa9=\x11\xf7\r", "secret!", "Secret", "SECRET", "session", "cookie-session",
        "app", "app-secret", "app_secret", "appsecret", "application-secret", "flask-app", "flaskapp", "flask_app",
        "example", "example-secret", "sample", "demo", "local", "localhost", "staging", "production", "prod",
    };
}

Result<SecretAudit::Outcome> SecretAudit::run(const QByteArray &cookie, const QString &wordlistPath,
                                              const Options &options, const std::atomic<bool> *cancel,
                                              const ProgressCallback &progress)
{
    auto parts = FlaskSignedCodec::split(cookie, options.codec);
    if (!parts)
        return parts.error();
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;

    // The built-in list first: cheap, and the most likely hit.
    if (options.builtIn) {
        auto signer = ItsdangerousSigner::create(options.codec.signer);
        if (!signer)
            return signer.error();
        for (const QByteArray &candidate : builtInSecrets()) {
            ++outcome.tried;
            if (signer->verify(candidate, parts->signedValue, parts->signature)) {
                outcome.found = Found{SecureBytes(candidate.constData(), std::size_t(candidate.size())), 0,
                                      QStringLiteral("built-in")};
                outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
                return outcome;
            }
        }
    }
    if (wordlistPath.isEmpty()) {
        outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
        return outcome;
    }

    QFile file(wordlistPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), wordlistPath);
    const qint64 size = file.size();
    const uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    if (size > 0 && !mapped)
        return Error::make(ErrorCategory::Io, QStringLiteral("cannot map the wordlist"), wordlistPath);
    const char *data = reinterpret_cast<const char *>(mapped);

    int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
    threads = std::max(1, std::min<int>(threads, int(std::max<qint64>(1, size / 4096))));
    Shared shared;
    shared.parts = &parts.value();
    shared.options = &options;
    shared.cancel = cancel;
    shared.running = threads;

    // Ranges split at line starts so that every line goes to exactly one thread.
    std::vector<const char *> bounds{data};
    for (int t = 1; t < threads; ++t) {
        const char *cut = data + size * t / threads;
        const char *newline = static_cast<const char *>(std::memchr(cut, '\n', std::size_t(data + size - cut)));
        bounds.push_back(newline ? std::max(newline + 1, bounds.back()) : data + size);
    }
    bounds.push_back(data + size);
    std::vector<std::thread> pool;
    pool.reserve(std::size_t(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker, std::ref(shared), bounds[std::size_t(t)], bounds[std::size_t(t) + 1], data);

    {
        std::unique_lock lock(shared.mutex);
        while (shared.running.load() > 0) {
            shared.finished.wait_for(lock, std::chrono::milliseconds(100));
            if (progress) {
                Progress p{shared.tried.load(), shared.bytesDone.load(), size, double(timer.nsecsElapsed()) / 1e9};
                lock.unlock();
                progress(p);
                lock.lock();
            }
        }
    }
    for (std::thread &thread : pool)
        thread.join();

    outcome.tried += shared.tried.load();
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    outcome.cancelled = !shared.stop.load() && cancel && cancel->load();
    if (shared.failed)
        return Error::make(ErrorCategory::Key, QStringLiteral("OpenSSL could not set up the signer"));
    if (shared.hitOffset >= 0) {
        const qint64 line = 1 + std::count(data, data + shared.hitOffset, '\n');
        outcome.found = Found{std::move(shared.hitSecret), line, wordlistPath};
    }
    return outcome;
}

} // namespace sessionlens
