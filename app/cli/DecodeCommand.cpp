#include "DecodeCommand.h"

#include "FlaskLoginNotes.h"
#include "KeyArguments.h"
#include "Limits.h"
#include "LineReader.h"
#include "SignerArguments.h"
#include "StoredKeys.h"
#include "document/CookieOpener.h"
#include "formats/CookieText.h"
#include "formats/FormatRegistry.h"
#include "formats/SessionDialect.h"
#include "formats/WtfCsrfCodec.h"
#include "keys/KeyRing.h"
#include "text/TimeText.h"
#include "text/TreeText.h"
#include "json/PythonJsonWriter.h"
#include "json/PythonRepr.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <cstdio>

namespace sessionlens::cli {

CommandSyntax DecodeCommand::syntax() const
{
    CommandSyntax syntax(QStringLiteral("decode"),
                         tr("Open a session cookie of any known format and print the session."));
    SignerArguments::addOpeningOptions(syntax);
    syntax.addOption({QStringLiteral("format"), tr("Output: tree (default), json or python."),
                      tr("format"), QStringLiteral("tree")},
                     CommandOption::Hints::oneOf({QStringLiteral("tree"), QStringLiteral("json"),
                                                  QStringLiteral("python")}));
    FlaskLoginNotes::addOptions(syntax);
    syntax.addOption({QStringLiteral("lines"),
                      tr("Read one cookie per line and write one result line per cookie.")});
    syntax.addPositionalArgument(QStringLiteral("cookie"),
                                 tr("Cookie value or header line, '-' for standard input."),
                                 QStringLiteral("[COOKIE|-]"));
    return syntax;
}

int DecodeCommand::execute(const QCommandLineParser &parser)
{
    const QString formatText = parser.value(QStringLiteral("format"));
    OutputFormat format = OutputFormat::Tree;
    if (formatText == QLatin1String("json"))
        format = OutputFormat::Json;
    else if (formatText == QLatin1String("python"))
        format = OutputFormat::Python;
    else if (formatText != QLatin1String("tree"))
        return m_io.usage(tr("unknown format '%1': use tree, json or python").arg(formatText));

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return m_io.usage(tr("decode takes one cookie argument"));
    const QString source = positional.value(0, QStringLiteral("-"));

    KeyRing ring;
    auto loaded = SignerArguments::loadAll(parser, m_io, ring);
    if (!loaded)
        return m_io.fail(loaded.error());
    const qsizetype aesKeys = loaded->aesKeys;
    m_options = loaded->options;

    if (parser.isSet(QStringLiteral("lines")))
        return decodeLines(source, ring, format);

    auto cookie = m_io.readCookie(source);
    if (!cookie)
        return m_io.fail(cookie.error());
    // What is no session cookie at all is named by its shape first, as the opener does.
    const FormatRegistry::Detection detection = FormatRegistry::builtIn().detect(cookie->value);
    if (detection.score < CookieFormat::Certain) {
        if (auto foreign = FormatDetector::diagnoseForeign(cookie->value))
            return m_io.fail(Error::make(ErrorCategory::Format, *foreign));
    }
    if (auto missing =
            KeyArguments::missingToOpen(ring, *FormatRegistry::builtIn().shapeOf(cookie->value)))
        return m_io.usage(*missing);

    const CookieOpener::Opened opened = CookieOpener::open(cookie->value, ring, m_options);
    for (const QString &warning : std::as_const(opened.warnings))
        m_io.err() << tr("warning: %1").arg(warning) << Qt::endl;
    if (opened.error)
        return m_io.fail(*opened.error);
    // A CSRF token carries the same itsdangerous timestamp; its age against
    // WTF_CSRF_TIME_LIMIT is said by the format's own warning, not as a session lifetime.
    const auto *csrfToken = opened.detailsAs<WtfCsrfCodec::Decoded>();
    const auto *signedDetails =
        csrfToken ? &csrfToken->token : opened.detailsAs<FlaskSignedCodec::Decoded>();
    if (signedDetails) {
        const FlaskSignedCodec::Decoded &signedCookie = *signedDetails;
        if (signedCookie.parts.timestampOutOfRange)
            m_io.err()
                << tr("Flask / Quart signed cookie, timestamp out of range (after the year 9999)")
                << Qt::endl;
        else
            m_io.err() << tr("%1, signed %2 (%3)")
                              .arg(opened.format->displayName(),
                                   TimeText::signedAt(signedCookie.parts),
                                   TimeText::age(signedCookie.ageSeconds))
                       << Qt::endl;
        switch (signedCookie.expiry) {
        case FlaskSignedCodec::Expiry::Fresh:
            break;
        case FlaskSignedCodec::Expiry::TimestampOutOfRange:
            m_io.err() << tr("warning: the timestamp is out of range (after the year 9999): "
                             "itsdangerous rejects it as signed in the future")
                       << Qt::endl;
            break;
        case FlaskSignedCodec::Expiry::SignedInFuture:
            m_io.err() << tr("warning: signed %1 s in the future: itsdangerous rejects it")
                              .arg(-signedCookie.ageSeconds)
                       << Qt::endl;
            break;
        case FlaskSignedCodec::Expiry::OlderThanLifetime:
            if (csrfToken)
                break;
            m_io.err()
                << tr("warning: older than the session lifetime (%1 s): the server rejects it")
                       .arg(signedCookie.lifetimeSeconds)
                << Qt::endl;
            break;
        }
        if (signedCookie.verification == FlaskSignedCodec::Verification::NotChecked)
            m_io.err() << tr("note: the signature was not checked (give --secret to verify it)")
                       << Qt::endl;
        else
            m_io.err() << tr("signature valid: %1")
                              .arg(opened.keyIndex >= 0
                                       ? StoredKeys::describe(ring.at(opened.keyIndex))
                                       : tr("the empty secret"))
                       << Qt::endl;
    } else if (aesKeys > 1 && opened.format->keyKind() == CookieFormat::KeyKind::AesKey) {
        const SessionKey &key = ring.at(opened.keyIndex);
        m_io.err() << tr("opened with %1 (fingerprint %2)")
                          .arg(StoredKeys::describe(key), key.fingerprint())
                   << Qt::endl;
    }
    FlaskLoginNotes::print(m_io, opened, ring, FlaskLoginNotes::client(parser));
    switch (format) {
    case OutputFormat::Json:
        m_io.out().flush();
        std::fwrite(opened.json().constData(), 1, static_cast<std::size_t>(opened.json().size()),
                    stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        break;
    case OutputFormat::Python: {
        auto text = PythonRepr::reprBounded(opened.session());
        if (!text)
            return m_io.fail(text.error());
        m_io.out() << text.value() << Qt::endl;
        break;
    }
    case OutputFormat::Tree: {
        // Streamed: the tree text of a large session never sits whole in memory.
        auto written = TreeText::writeIndented(opened.session(), [this](const QString &chunk) {
            m_io.out() << chunk;
            m_io.out().flush();
        });
        if (!written)
            return m_io.fail(written.error());
        break;
    }
    }
    return ExitOk;
}

int DecodeCommand::decodeLines(const QString &path, const KeyRing &ring, OutputFormat format)
{
    QFile file;
    if (auto opened = m_io.openInput(file, path); !opened)
        return m_io.fail(opened.error());
    int exitCode = ExitOk;
    QByteArray out;
    out.reserve(limits::kOutputBufferBytes + limits::kReadChunkBytes);
    // Lines are read in blocks where they lie: no system call per cookie from a file, a
    // redirect or a pipe, and memory stays at one block and one line.
    LineReader reader(file, CookieText::kMaxInputSize);
    // JSON lines print the text inside as it is: the session is checked as decode checks it,
    // but a tree is built only for the rare text that must be rewritten onto one line.
    FlaskSignedCodec::Options options = m_options;
    options.buildSession = format != OutputFormat::Json;
    options.keepDetails = false; // no line prints a format's own details
    // One opener for the file: its key schedules and per-format hints serve every line.
    CookieOpener opener(ring);
    while (true) {
        const LineReader::Next next = reader.next();
        if (next.status == LineReader::Status::End)
            break;
        if (next.status == LineReader::Status::Error) {
            std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
            std::fflush(stdout);
            return m_io.fail(m_io.readFailed(path, reader.errorString()));
        }
        if (next.status == LineReader::Status::TooLong) {
            out.append("error limit: line longer than the input limit\n");
            if (exitCode == ExitOk)
                exitCode = ExitLimit;
            continue;
        }
        QByteArrayView line = next.line;
        while (line.endsWith('\r'))
            line.chop(1);
        std::optional<Error> error;
        // Most lines are bare values, read where they lie; anything else is extract()'s.
        // Its character scan serves detection too: each line's bytes are scanned once.
        FormatDetector::Characters scanned;
        std::optional<QByteArrayView> value = CookieText::bareValue(line, scanned);
        QByteArray extracted;
        if (!value) {
            if (auto cookie = CookieText::extract(QString::fromUtf8(line))) {
                extracted = cookie->value;
                value = extracted;
                scanned = FormatDetector::characters(extracted);
            } else {
                error = cookie.error();
            }
        }
        if (value) {
            const CookieOpener::Opened result = opener.open(*value, options, scanned);
            if (result.error) {
                error = result.error;
            } else if (format == OutputFormat::Json) {
                const QByteArray &json = result.json();
                // One line per cookie: JSON with line breaks in its white space is rewritten.
                if (json.contains('\n') || json.contains('\r')) {
                    auto session = SessionDialect::readSession(json, *result.format);
                    if (session)
                        out.append(
                            PythonJsonWriter::write(session.value(), result.format->writerStyle()));
                    else
                        error = session.error();
                } else {
                    out.append(json);
                }
            } else {
                auto text = format == OutputFormat::Python
                                ? PythonRepr::reprBounded(result.session())
                                : TreeText::oneLine(result.session());
                if (text)
                    out.append(text->toUtf8());
                else
                    error = text.error();
            }
            if (!error)
                out.append('\n');
        }
        if (error) {
            out.append("error ");
            out.append(Error::categoryName(error->category).toUtf8());
            out.append(": ");
            out.append(error->message.toUtf8());
            out.append('\n');
            if (exitCode == ExitOk)
                exitCode = CliIo::exitCodeFor(error->category);
        }
        if (out.size() > limits::kOutputBufferBytes) {
            std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
            out.resize(0); // keeps the capacity
        }
    }
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    std::fflush(stdout);
    return exitCode;
}

} // namespace sessionlens::cli
