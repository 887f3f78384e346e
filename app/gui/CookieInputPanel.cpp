#include "CookieInputPanel.h"

#include "ErrorText.h"
#include "KeyRingStore.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {

QString elided(const QByteArray &text, int keep = 24)
{
    if (text.size() <= keep * 2 + 3)
        return QString::fromLatin1(text).toHtmlEscaped();
    return (QString::fromLatin1(text.left(keep)) + QChar(0x2026) + QString::fromLatin1(text.right(keep))).toHtmlEscaped();
}

QString span(const QString &text, const char *color, bool failing)
{
    if (failing)
        return QStringLiteral("<span style=\"background:#f8d0d0;color:#a00000;text-decoration:underline\">%1</span>").arg(text);
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(color), text);
}

} // namespace

CookieInputPanel::CookieInputPanel(InspectorController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setAcceptDrops(true);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("cookieInput"));
    m_input->setPlaceholderText(tr("Paste a cookie value, a Cookie: or Set-Cookie: header line, or drop a text file here"));
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
    connect(&m_controller, &InspectorController::opened, this, &CookieInputPanel::showResult);
    m_status->setText(tr("No cookie yet."));
}

void CookieInputPanel::setText(const QString &text)
{
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_status->setText(ErrorText::describe(Error::make(ErrorCategory::Io, file.errorString(), path)));
        return false;
    }
    const QByteArray content = file.read(CookieText::kMaxInputSize + 1);
    if (content.size() > CookieText::kMaxInputSize) {
        m_status->setText(ErrorText::describe(
            Error::make(ErrorCategory::Limit, tr("the file is larger than %1 bytes").arg(CookieText::kMaxInputSize), path)));
        return false;
    }
    setText(QString::fromUtf8(content));
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
    if (mime->hasUrls() && mime->urls().first().isLocalFile())
        loadFile(mime->urls().first().toLocalFile());
    else if (mime->hasText())
        setText(mime->text());
    event->acceptProposedAction();
}

void CookieInputPanel::showResult(const InspectorController::OpenResult &result)
{
    const auto &f = result.decoded.fields;
    const int failing = result.error ? result.error->field : -1;
    if (!f.flag.isEmpty()) {
        const QString dot = QStringLiteral("<b>.</b>");
        QString html = span(QString::fromLatin1(f.flag).toHtmlEscaped(), "#7b1fa2", failing == 0) + dot
                       + span(elided(f.ciphertextText), "#1565c0", failing == 1) + dot
                       + span(elided(f.tagText), "#ef6c00", failing == 2) + dot
                       + span(elided(f.nonceText), "#2e7d32", failing == 3);
        html += QStringLiteral("<br><small>")
                + tr("flag %1 · ciphertext %2 bytes · tag %3 bytes · nonce %4 bytes")
                      .arg(f.compressed ? tr("z (compressed)") : f.unknownFlag ? tr("unknown, read as u") : tr("u (not compressed)"))
                      .arg(f.ciphertext.size())
                      .arg(f.tag.size())
                      .arg(f.nonce.size())
                + QStringLiteral("</small>");
        m_fields->setText(html);
    } else {
        m_fields->setText(result.cookie.value.isEmpty() ? QString() : span(elided(result.cookie.value, 40), "#555", failing >= 0 || result.error.has_value()));
    }

    if (result.ok()) {
        QString text = tr("Opened with key \"%1\" (%2).").arg(result.keyName, FormatDetector::name(result.format));
        for (const QString &warning : result.decoded.warnings)
            text += QStringLiteral("\n") + tr("Warning: %1").arg(warning);
        m_status->setStyleSheet(QString());
        m_status->setText(text);
    } else {
        m_status->setStyleSheet(QStringLiteral("color:#a00000"));
        m_status->setText(ErrorText::describe(*result.error));
    }
}

} // namespace sessionlens::gui
