#include "CookieInputPanel.h"

#include "formats/RememberCookieFormat.h"

#include "capture/CookieImporter.h"
#include "capture/RegularFile.h"

#include "ErrorText.h"
#include "KeyRingStore.h"
#include "text/TimeText.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTimeZone>
#include <QVBoxLayout>

#include <limits>

namespace sessionlens::gui {

namespace {
constexpr qsizetype kWarningLines = 3;
} // namespace

namespace {

QString elided(const QByteArray &text, int keep = 24)
{
    if (text.size() <= keep * 2 + 3)
        return QString::fromLatin1(text).toHtmlEscaped();
    return (QString::fromLatin1(text.left(keep)) + QChar(0x2026) +
            QString::fromLatin1(text.right(keep)))
        .toHtmlEscaped();
}

QString span(const QString &text, const char *color, bool failing)
{
    if (failing)
        return QStringLiteral(
                   "<span "
                   "style=\"background:#f8d0d0;color:#a00000;text-decoration:underline\">%1</span>")
            .arg(text);
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(color), text);
}

} // namespace

CookieInputPanel::CookieInputPanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setAcceptDrops(true);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("cookieInput"));
    m_input->setPlaceholderText(
        tr("Paste a cookie value, a Cookie: or Set-Cookie: header, a \"Copy as cURL\" command, "
           "request headers or a developer tools cookie row, or drop a file here"));
    m_input->setMaximumHeight(80);
    m_input->setTabChangesFocus(true);
    m_input->setAcceptDrops(false);
    m_fields = new QLabel(this);
    m_fields->setTextFormat(Qt::RichText);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("openStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input);
    layout->addWidget(m_fields);
    layout->addWidget(m_status);

    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_input->toPlainText();
        if (text.trimmed().isEmpty()) {
            m_fields->clear();
            m_status->setText(tr("No cookie yet."));
            return;
        }
        m_controller.openText(text);
    });
    connect(&m_controller, &InspectorController::opened, this,
            [this](const InspectorController::OpenResult &result) {
                // Opened from elsewhere (history, capture, recovery): the field shows it too.
                if (result.sourceText != m_input->toPlainText())
                    showInputText(result.sourceText);
                showResult(result);
            });
    // Unsaved edits were kept: the field goes back to the text of the session still shown.
    connect(&m_controller, &InspectorController::ageChanged, this, &CookieInputPanel::showResult);
    connect(&m_controller, &InspectorController::openCancelled, this,
            [this] { showInputText(m_controller.documentSourceText()); });
    connect(&m_controller, &InspectorController::documentReplaced, this, [this] {
        if (!m_controller.documentSourceText().isEmpty())
            return;
        showInputText(QString());
        m_fields->clear();
        m_status->setText(tr("Session opened from a JSON file: no cookie was opened."));
    });
    m_status->setText(tr("No cookie yet."));
}

void CookieInputPanel::setText(const QString &text)
{
    m_input->setPlainText(text);
}

void CookieInputPanel::showInputText(const QString &text)
{
    const QSignalBlocker blocker(m_input);
    m_input->setPlainText(text);
}

QString CookieInputPanel::text() const
{
    return m_input->toPlainText();
}

QString CookieInputPanel::statusText() const
{
    return m_status->text();
}

QString CookieInputPanel::fieldsHtml() const
{
    return m_fields->text();
}

bool CookieInputPanel::loadFile(const QString &path)
{
    // A FIFO or a device would block or never end on the GUI thread: regular files only. The
    // size is checked below, with this panel's own words.
    QFile file;
    if (auto opened = RegularFile::open(file, path, std::numeric_limits<qint64>::max()); !opened) {
        m_status->setText(ErrorText::describe(opened.error()));
        return false;
    }
    QByteArray content = file.read(CookieText::kMaxInputSize + 1);
    if (content.size() > CookieText::kMaxInputSize) {
        m_status->setText(ErrorText::describe(Error::make(
            ErrorCategory::Limit,
            tr("the file is larger than %1 bytes").arg(CookieText::kMaxInputSize), path)));
        return false;
    }
    // As QIODevice::Text reads it: Windows line ends become '\n'.
    setText(QString::fromUtf8(content.replace("\r\n", "\n")));
    return true;
}

void CookieInputPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void CookieInputPanel::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList captures;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        // Told apart by content: a HAR, a cookies.txt or a database goes to the capture timeline.
        // What is not a regular file is not sniffed here (opening a FIFO would block the
        // window); loadFile() says why it is refused.
        QFile file;
        if (RegularFile::open(file, url.toLocalFile(), CookieImporter::kMaxFileBytes) &&
            CookieImporter::detect(file.peek(4096)) != CookieImporter::Kind::List)
            captures.append(url.toLocalFile());
    }
    if (!captures.isEmpty())
        Q_EMIT captureFilesDropped(captures);
    else if (mime->hasUrls() && mime->urls().first().isLocalFile())
        loadFile(mime->urls().first().toLocalFile());
    else if (mime->hasText())
        setText(mime->text());
    event->acceptProposedAction();
}

QString CookieInputPanel::verifiedText(const InspectorController::OpenResult &result)
{
    // Which stored secret, and as which format: one secret may serve several apps.
    if (result.keyName.isEmpty())
        return tr("Verified with the empty secret (%1).").arg(result.format()->displayName());
    return tr("Verified with secret “%1” (%2).")
        .arg(result.keyName, result.format()->displayName());
}

QString CookieInputPanel::showRemember(const InspectorController::OpenResult &result, int failing)
{
    const auto &parts = result.opened.detailsAs<RememberCookieFormat::Details>()->parts;
    m_fields->setText(
        span(elided(parts.userId), "#1565c0", failing == 0) + QStringLiteral("<b>|</b>") +
        span(elided(parts.digestText), "#ef6c00", failing == 1) + QStringLiteral("<br><small>") +
        tr("Flask-Login remember cookie: user id %1 bytes · digest HMAC-SHA512, %2 hex digits · "
           "no expiry inside (the browser keeps it %3)")
            .arg(parts.userId.size())
            .arg(parts.digestText.size())
            .arg(TimeText::duration(RememberCookieCodec::kDefaultDurationSeconds)) +
        QStringLiteral("</small>"));
    const bool verified = result.opened.verified == true;
    m_status->setStyleSheet(verified ? QString() : QStringLiteral("color:#a00000"));
    if (verified)
        return tr("Digest verified with secret \"%1\" (%2).")
            .arg(result.keyName, result.format()->displayName());
    if (result.opened.verified == false && result.hasSession())
        return tr("Digest NOT verified: no stored secret matches. Flask-Login will not log this "
                  "user in unless the app uses another secret.");
    if (!result.hasSession())
        return ErrorText::describe(*result.error);
    return tr("Digest not checked: no Flask secret in the key ring. Anyone can read the user "
              "id; only the secret makes a cookie Flask-Login accepts.");
}

void CookieInputPanel::showResult(const InspectorController::OpenResult &result)
{
    const int failing = result.error ? result.error->field : -1;
    const QString dot = QStringLiteral("<b>.</b>");
    QString status;
    m_status->setToolTip(QString());
    // The fields as the format split them, where it did: its own details say which.
    if (const FlaskSignedCodec::Decoded *signature = result.signature()) {
        const FlaskSignedCodec::Decoded &signedCookie = *signature;
        const auto &p = signedCookie.parts;
        if (!p.signatureText.isEmpty()) {
            // The format's separator ('.' for Flask, ':' for Django) precedes the timestamp.
            const qsizetype separatorAt = p.signedValue.size() - p.timestampText.size() - 1;
            const QString separator =
                separatorAt >= 0 ? QStringLiteral("<b>%1</b>")
                                       .arg(QChar::fromLatin1(p.signedValue.at(separatorAt)))
                                 : dot;
            QString html =
                (p.compressed ? span(QStringLiteral("."), "#7b1fa2", false) : QString()) +
                span(elided(p.payloadText), "#1565c0", failing == 0) + separator +
                span(elided(p.timestampText), "#2e7d32", failing == 1) + separator +
                span(elided(p.signatureText), "#ef6c00", failing == 2);
            html += QStringLiteral("<br><small>") +
                    tr("%1: payload %2 bytes%3 · signed %4, %5 ago · signature %6 bytes")
                        .arg(result.format()->displayName())
                        .arg(p.payload.size())
                        .arg(p.compressed ? tr(" (zlib)") : QString())
                        .arg(TimeText::signedAt(p))
                        .arg(p.timestampOutOfRange ? tr("an unknown time")
                                                   : TimeText::duration(signedCookie.ageSeconds))
                        .arg(p.signature.size()) +
                    QStringLiteral("</small>");
            m_fields->setText(html);
        } else {
            m_fields->setText(span(elided(result.cookie.value, 40), "#555", true));
        }
        switch (signedCookie.verification) {
        case FlaskSignedCodec::Verification::Valid:
            status = verifiedText(result);
            break;
        case FlaskSignedCodec::Verification::Invalid:
            status = tr("Signature NOT verified: no stored secret matches. The session below is "
                        "readable by anyone, "
                        "but the server will reject this cookie unless it uses another secret.");
            break;
        case FlaskSignedCodec::Verification::NotChecked:
            status = tr("Signature not checked: no Flask secret in the key ring. Anyone can read "
                        "this session; "
                        "only the secret proves who made it.");
            break;
        }
        // One line, in days rather than seconds.
        switch (signedCookie.expiry) {
        case FlaskSignedCodec::Expiry::Fresh:
            break;
        case FlaskSignedCodec::Expiry::TimestampOutOfRange:
            status +=
                u'\n' +
                tr("Expired: the timestamp lies after the year 9999; itsdangerous rejects it.");
            break;
        case FlaskSignedCodec::Expiry::SignedInFuture:
            status += u'\n' + tr("Expired: signed %1; itsdangerous rejects it.")
                                  .arg(TimeText::duration(signedCookie.ageSeconds));
            break;
        case FlaskSignedCodec::Expiry::OlderThanLifetime:
            status +=
                u'\n' +
                tr("Expired: signed %1 ago, and the session lifetime is %2; the server rejects "
                   "it.")
                    .arg(TimeText::duration(signedCookie.ageSeconds),
                         TimeText::duration(signedCookie.lifetimeSeconds));
            break;
        }
        if (!result.hasSession())
            status = ErrorText::describe(*result.error);
        // Valid implies a decoded session; every other state is shown as a problem.
        m_status->setStyleSheet(signedCookie.verification == FlaskSignedCodec::Verification::Valid
                                    ? QString()
                                    : QStringLiteral("color:#a00000"));
    } else if (result.opened.detailsAs<RememberCookieFormat::Details>()) {
        status = showRemember(result, failing);
    } else {
        static const EncryptedSessionCodec::Fields kNotSplit;
        const auto *encrypted = result.opened.detailsAs<EncryptedSessionCodec::Decoded>();
        const EncryptedSessionCodec::Fields &f = encrypted ? encrypted->fields : kNotSplit;
        if (!f.flag.isEmpty()) {
            QString html =
                span(QString::fromLatin1(f.flag).toHtmlEscaped(), "#7b1fa2", failing == 0) + dot +
                span(elided(f.ciphertextText), "#1565c0", failing == 1) + dot +
                span(elided(f.tagText), "#ef6c00", failing == 2) + dot +
                span(elided(f.nonceText), "#2e7d32", failing == 3);
            html += QStringLiteral("<br><small>") +
                    tr("flag %1 · ciphertext %2 bytes · tag %3 bytes · nonce %4 bytes")
                        .arg(f.compressed    ? tr("z (compressed)")
                             : f.unknownFlag ? tr("unknown, read as u")
                                             : tr("u (not compressed)"))
                        .arg(f.ciphertext.size())
                        .arg(f.tag.size())
                        .arg(f.nonce.size()) +
                    QStringLiteral("</small>");
            m_fields->setText(html);
        } else {
            m_fields->setText(result.cookie.value.isEmpty()
                                  ? QString()
                                  : span(elided(result.cookie.value, 40), "#555", true));
        }
        // Signed formats: the verdict and the secret, with the format.
        const bool signedFormat =
            result.format() && result.format()->keyKind() == CookieFormat::KeyKind::Secret;
        status = !result.ok()                     ? ErrorText::describe(*result.error)
                 : result.opened.verified == true ? verifiedText(result)
                 : signedFormat ? tr("Signature not checked: no secret in the key ring (%1).")
                                      .arg(result.format()->displayName())
                                : tr("Opened with key \"%1\" (%2).")
                                      .arg(result.keyName, result.format()->displayName());
        m_status->setStyleSheet(result.ok() ? QString() : QStringLiteral("color:#a00000"));
    }
    if (result.hasSession()) {
        // A few lines in the label, all of them (already capped by the reader) in the tooltip.
        const QStringList &warnings = result.opened.warnings;
        for (qsizetype i = 0; i < std::min<qsizetype>(warnings.size(), kWarningLines); ++i)
            status += QStringLiteral("\n") + tr("Warning: %1").arg(warnings[i]);
        if (warnings.size() > kWarningLines)
            status += QStringLiteral("\n") + tr("… and %n more warning(s); hover here to see them.",
                                                nullptr, int(warnings.size() - kWarningLines));
        m_status->setToolTip(warnings.join(u'\n'));
    }
    switch (result.cookie.source) {
    case CookieText::Source::Text:
        break;
    case CookieText::Source::CurlCommand:
        status += u'\n' +
                  tr("The cookie \"%1\" was taken from the curl command.").arg(result.cookie.name);
        break;
    case CookieText::Source::Headers:
        status +=
            u'\n' + tr("The cookie \"%1\" was taken from the headers.").arg(result.cookie.name);
        break;
    case CookieText::Source::CookieTable:
        status += u'\n' +
                  tr("The cookie \"%1\" was taken from the cookie table.").arg(result.cookie.name);
        break;
    }
    m_status->setText(status);
}

} // namespace sessionlens::gui
