#include "audit/SecretAudit.h"

#include "Limits.h"
#include "audit/AnyFormatSecretCheck.h"
#include "audit/LineBlockReader.h"
#include "audit/WorkerPool.h"
#include "formats/FormatRegistry.h"
#include "keys/KeyTextParser.h"

#include <QElapsedTimer>
#include <QFile>

#include <openssl/crypto.h>

#include <QCoreApplication>
#include <algorithm>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sessionlens {

namespace {

constexpr qint64 kProgressBatch = 2048;
constexpr qint64 kProgressIntervalNs = 100'000'000;
// Read size of one wordlist block; candidate lines are secrets, so the buffer is wiped.
constexpr qsizetype kBlockBytes = 16 * 1024 * 1024;

// Wipes the whole allocation (not only the current size) when the block goes away.
struct WipedBuffer
{
    QByteArray bytes;
    ~WipedBuffer()
    {
        bytes.resize(bytes.capacity());
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), std::size_t(bytes.size()));
    }
};

struct Shared
{
    const SecretCheck *check = nullptr;
    const SecretAudit::Options *options = nullptr;
    const std::atomic<bool> *cancel = nullptr;
    std::atomic<bool> stop{false};
    std::atomic<qint64> tried{0};
    std::atomic<qint64> bytesDone{0};
    std::mutex mutex;
    qint64 hitOffset = -1; // byte offset of the matching line, guarded by mutex
    SecureBytes hitSecret;
    bool failed = false;

    bool shouldStop() const
    {
        return stop.load(std::memory_order_relaxed) ||
               (cancel && cancel->load(std::memory_order_relaxed));
    }
};

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || (c >= 0x1c && c <= 0x1f);
}

// A candidate line as the secret it stands for. With pythonLiterals, a line holding Python
// str or bytes literals is their value (flask-unsign's wordlists); any other line is itself.
// With strip, surrounding white space goes first, as flask-unsign strips each line.
void candidateBytes(QByteArrayView line, const SecretAudit::Options &options, SecureBytes *storage,
                    QByteArrayView *out)
{
    if (options.strip) {
        while (!line.isEmpty() && isLineSpace(line.front()))
            line = line.sliced(1);
        while (!line.isEmpty() && isLineSpace(line.back()))
            line.chop(1);
    }
    if (options.pythonLiterals) {
        if (auto literal = KeyTextParser::decodePythonLiteral(line)) {
            *storage = std::move(literal->bytes);
            *out = QByteArrayView(reinterpret_cast<const char *>(storage->data()),
                                  qsizetype(storage->size()));
            return;
        }
    }
    *out = line;
}

// `tick` (worker 0 only, on the caller's thread) reports progress between batches.
void worker(Shared &shared, const char *begin, const char *end, const char *fileStart,
            const std::function<void()> &tick)
{
    auto check = shared.check->clone();
    if (!check) {
        std::lock_guard lock(shared.mutex);
        shared.failed = true;
    } else {
        qint64 pending = 0;
        const char *lineStart = begin;
        SecureBytes storage;
        while (lineStart < end) {
            const char *newline = static_cast<const char *>(
                std::memchr(lineStart, '\n', std::size_t(end - lineStart)));
            const char *lineEnd = newline ? newline : end;
            const char *contentEnd = lineEnd;
            if (contentEnd > lineStart && contentEnd[-1] == '\r')
                --contentEnd;
            QByteArrayView candidate;
            candidateBytes(QByteArrayView(lineStart, contentEnd - lineStart), *shared.options,
                           &storage, &candidate);
            if (check->matches(candidate)) {
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
                if (tick)
                    tick();
                if (shared.shouldStop())
                    break;
            }
            lineStart = next;
        }
        shared.tried.fetch_add(pending, std::memory_order_relaxed);
        shared.bytesDone.fetch_add(lineStart - begin, std::memory_order_relaxed);
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
        "dev",
        "development",
        "secret",
        "secret-key",
        "secret_key",
        "SECRET_KEY",
        "secretkey",
        "SecretKey",
        "changeme",
        "change-me",
        "change_me",
        "CHANGEME",
        "change-this",
        "changethis",
        "replace-me",
        "you-will-never-guess",
        "hard to guess string",
        "development key",
        "super-secret",
        "super secret key",
        "supersecret",
        "supersecretkey",
        "super_secret_key",
        "your-secret-key",
        "your_secret_key",
        "your-secret-key-here",
        "my-secret-key",
        "my_secret_key",
        "mysecretkey",
        "mysecret",
        "s3cr3t",
        "s3cret",
        "secret123",
        "secret1",
        "default",
        "defaultsecret",
        "flask",
        "flasksecret",
        "flask-secret",
        "flask_secret",
        "FlaskSecretKey",
        "this-is-a-secret",
        "thisisasecret",
        "this-is-my-secret",
        "ThisIsASecret",
        "keyboard cat",
        "notasecret",
        "not-so-secret",
        "test",
        "testing",
        "test-secret",
        "testsecret",
        "admin",
        "password",
        "passw0rd",
        "key",
        "12345",
        "123456",
        "1234567890",
        "abc123",
        "qwerty",
        "SuperSecretKey",
        "top-secret",
        "topsecret",
        "T0pS3cr3t",
        "a-very-secret-key",
        "very-secret",
        "dev-key",
        "devkey",
        "dev_key",
        "dev-secret",
        "development-key",
        "debug",
        "insecure",
        "unsafe",
        "_5#y2L\"F4Q8z\n\xec]/",
        "\x8e;\xa9=\x11\xf7\r",
        "secret!",
        "Secret",
        "SECRET",
        "session",
        "cookie-session",
        "app",
        "app-secret",
        "app_secret",
        "appsecret",
        "application-secret",
        "flask-app",
        "flaskapp",
        "flask_app",
        "example",
        "example-secret",
        "sample",
        "demo",
        "local",
        "localhost",
        "staging",
        "production",
        "prod",
    };
}

QList<const CookieFormat *> SecretAudit::formatsFor(QByteArrayView cookie, const Options &options)
{
    if (options.format)
        return {options.format};
    const FormatRegistry &registry = FormatRegistry::builtIn();
    const auto takesSecret = [](const CookieFormat *format) {
        return format && format->keyKind() == CookieFormat::KeyKind::Secret;
    };
    const FormatRegistry::Detection detection = registry.detect(cookie);
    QList<const CookieFormat *> formats;
    // Only the best-scored of them: a tie of shapes (Starlette's signer over JSON no writer
    // marks) tries both, but a cookie whose separators name one format does not pay a second
    // signature per guess for a signer that never writes such JSON.
    int best = CookieFormat::NotMine;
    for (const FormatRegistry::Candidate &candidate : detection.candidates) {
        if (takesSecret(candidate.format))
            best = std::max(best, candidate.score);
    }
    for (const FormatRegistry::Candidate &candidate : detection.candidates) {
        if (takesSecret(candidate.format) && candidate.score == best)
            formats.append(candidate.format);
    }
    if (formats.isEmpty() && takesSecret(detection.format))
        formats.append(detection.format);
    for (qsizetype i = 0; formats.isEmpty() && i < registry.formats().size(); ++i) {
        if (takesSecret(registry.formats().at(i)))
            formats.append(registry.formats().at(i));
    }
    return formats;
}

Result<SecretAudit::Outcome> SecretAudit::run(const QByteArray &cookie, const QString &wordlistPath,
                                              const Options &options,
                                              const std::atomic<bool> *cancel,
                                              const ProgressCallback &progress)
{
    const QList<const CookieFormat *> formats = formatsFor(cookie, options);
    if (formats.isEmpty())
        return Error::make(
            ErrorCategory::Format,
            QCoreApplication::translate("sessionlens::Error",
                                        "no known cookie format is signed with a secret"));
    // A format whose steps refuse the cookie is left out; when all do, the best one says why.
    std::vector<std::unique_ptr<SecretCheck>> checks;
    QList<const CookieFormat *> checked;
    std::optional<Error> refused;
    for (const CookieFormat *format : formats) {
        auto prepared = format->prepareSecretCheck(cookie, options.codec);
        if (!prepared) {
            if (!refused)
                refused = prepared.error();
            continue;
        }
        checks.push_back(std::move(prepared).value());
        checked.append(format);
    }
    if (checks.empty())
        return *refused;
    AnyFormatSecretCheck check(std::move(checks));
    const auto found = [&](SecureBytes secret, qint64 line, QString source) {
        const QByteArrayView view(reinterpret_cast<const char *>(secret.data()),
                                  qsizetype(secret.size()));
        const CookieFormat *format = checked.value(check.matchingCheck(view), nullptr);
        return Found{std::move(secret), line, std::move(source), format};
    };
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;

    // The built-in list first: cheap, and the most likely hit.
    if (!options.known.isEmpty()) {
        for (const auto &[name, secret] : options.known) {
            ++outcome.tried;
            const QByteArrayView candidate(reinterpret_cast<const char *>(secret.data()),
                                           qsizetype(secret.size()));
            if (check.matches(candidate)) {
                outcome.found = found(secret, 0, name);
                outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
                return outcome;
            }
        }
    }
    if (options.builtIn) {
        for (const QByteArray &candidate : builtInSecrets()) {
            ++outcome.tried;
            if (check.matches(candidate)) {
                outcome.found =
                    found(SecureBytes(candidate.constData(), std::size_t(candidate.size())), 0,
                          QStringLiteral("built-in"));
                outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
                return outcome;
            }
        }
    }
    if (wordlistPath.isEmpty()) {
        outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
        return outcome;
    }

    // Read in blocks, not mapped: a wordlist truncated while it is mapped would kill the
    // process with SIGBUS. Each block is of whole lines and is shared out to the workers.
    QFile file(wordlistPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCategory::Io, file.errorString(), wordlistPath);
    const qint64 size = file.size();
    int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, limits::kMaxThreads);
    Shared shared;
    shared.check = &check;
    shared.options = &options;
    shared.cancel = cancel;

    WipedBuffer wiped;
    QByteArray &block = wiped.bytes;
    // Never reallocated in the reader's steady state, so never copied unwiped (and the reader
    // wipes what it grows).
    block.reserve(kBlockBytes + limits::kMaxLineBytes + 1);
    LineBlockReader reader(file, kBlockBytes, LineBlockReader::Wipe::Yes);
    qint64 blockStart = 0;  // file offset of block[0]
    qint64 linesBefore = 0; // lines wholly before the block
    const auto tooLong = [&](qint64 lineNumber) {
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "wordlist line %1 is longer than %2 bytes")
                               .arg(lineNumber)
                               .arg(limits::kMaxLineBytes),
                           wordlistPath);
    };
    const auto reportProgress = [&] {
        progress(Progress{outcome.tried + shared.tried.load(), blockStart + shared.bytesDone.load(),
                          size, double(timer.nsecsElapsed()) / 1e9});
    };
    // About ten times a second, from the calling thread (worker 0) between its batches.
    qint64 lastProgressNs = 0;
    const std::function<void()> tick = [&] {
        const qint64 now = timer.nsecsElapsed();
        if (now - lastProgressNs < kProgressIntervalNs)
            return;
        lastProgressNs = now;
        reportProgress();
    };
    const char *data = nullptr;
    std::vector<const char *> bounds;
    int used = 0;
    const std::function<void()> noTick;
    WorkerPool pool(threads, [&](int t) {
        if (t < used)
            worker(shared, bounds[std::size_t(t)], bounds[std::size_t(t) + 1], data,
                   t == 0 && progress ? tick : noTick);
    });
    while (!reader.atEnd() && !shared.shouldStop()) {
        auto read = reader.next(block);
        if (!read)
            return Error::make(ErrorCategory::Io, file.errorString(), wordlistPath);
        // A line longer than a whole block: far past the line limit.
        if (read->overlongLine)
            return tooLong(linesBefore + 1);
        const qsizetype usable = block.size();
        data = block.constData();
        // Every line within the limit, the start of the unfinished one after the block too.
        qint64 lineNumber = linesBefore + 1;
        for (const char *start = data, *end = data + usable; start < end; ++lineNumber) {
            const char *newline =
                static_cast<const char *>(std::memchr(start, '\n', std::size_t(end - start)));
            const char *stop = newline ? newline : end;
            if (stop - start > limits::kMaxLineBytes)
                return tooLong(lineNumber);
            start = stop + 1;
        }
        if (reader.carried().size() > limits::kMaxLineBytes)
            return tooLong(lineNumber);
        used = std::max(1, std::min<int>(threads, int(std::max<qint64>(1, usable / 4096))));
        bounds.assign({data});
        for (int t = 1; t < used; ++t) {
            const char *cut = data + usable * t / used;
            const char *newline =
                static_cast<const char *>(std::memchr(cut, '\n', std::size_t(data + usable - cut)));
            bounds.push_back(newline ? std::max(newline + 1, bounds.back()) : data + usable);
        }
        bounds.push_back(data + usable);
        pool.runRound();
        if (progress)
            reportProgress();
        if (shared.failed)
            return Error::make(ErrorCategory::Key,
                               QCoreApplication::translate("sessionlens::Error",
                                                           "OpenSSL could not set up the signer"));
        if (shared.hitOffset >= 0) {
            const qint64 line = linesBefore + 1 + std::count(data, data + shared.hitOffset, '\n');
            outcome.found = found(std::move(shared.hitSecret), line, wordlistPath);
            break;
        }
        linesBefore += std::count(data, data + usable, '\n');
        blockStart += usable;
        shared.bytesDone = 0;
    }
    outcome.tried += shared.tried.load();
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    outcome.cancelled = !outcome.found && cancel && cancel->load();
    return outcome;
}

} // namespace sessionlens
