#include "CapturePanel.h"

#include "AppSettings.h"
#include "CaptureController.h"
#include "ErrorText.h"
#include "ShortcutsDialog.h"
#include "capture/BrowserCookieStore.h"
#include "capture/RequestText.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace sessionlens::gui {

CapturePanel::CapturePanel(CaptureController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    // Request editor.
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("captureMethod"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")});
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("captureUrl"));
    m_url->setPlaceholderText(tr("http://127.0.0.1:5000/login"));
    QStringList recentUrls;
    for (const QString &line : m_controller.recentRequests())
        recentUrls.append(line.section(u' ', 1));
    auto *completer = new QCompleter(recentUrls, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_url->setCompleter(completer);
    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("captureHeaders"));
    m_headers->setPlaceholderText(
        tr("One header per line: Content-Type: application/x-www-form-urlencoded"));
    m_headers->setMaximumHeight(44);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("captureBody"));
    m_body->setPlaceholderText(tr("Request body, e.g. username=alice&password=..."));
    m_body->setMaximumHeight(44);
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setToolTip(
        tr("Send the request (Ctrl+Return); session cookies the responses set join the timeline."));
    m_replay = new QPushButton(tr("&Replay with Edited Cookie"), this);
    m_replay->setToolTip(tr("Send the same request with the re-sealed cookie of the inspector."));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    // A click leaves the focus in the field it was in; Tab still reaches the buttons.
    for (QPushButton *button : {m_send, m_replay, m_cancel})
        button->setFocusPolicy(Qt::TabFocus);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(12);
    m_progress->setVisible(false);
    // The progress lives in a row of fixed height, shown or not, so that nothing in the dock
    // moves when a request starts or ends.
    auto *progressRow = new QWidget(this);
    progressRow->setFixedHeight(m_progress->maximumHeight());
    auto *progressLayout = new QHBoxLayout(progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress);

    auto *requestBox = new QGroupBox(tr("Request"), this);
    m_requestBox = requestBox;
    auto *requestForm = new QFormLayout(requestBox);
    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    requestForm->addRow(urlLabel, line);
    requestForm->addRow(tr("&Headers:"), m_headers);
    requestForm->addRow(tr("&Body:"), m_body);
    // Each button keeps its slot whatever runs: they are enabled and disabled, never shown or
    // hidden, and the progress has a row of its own. Further rows (a cookie jar) go below.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_replay);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    requestForm->addRow(buttons);
    requestForm->addRow(progressRow);

    // Ctrl+Return sends from wherever the focus is in the dock; the JSON tab's Apply has the
    // same keys in its own panel. A window-wide shortcut on the button made the two ambiguous,
    // and Qt then fires neither.
    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(sendAction, &QAction::triggered, this, [this] {
        if (m_send->isEnabled())
            sendRequest();
    });
    addAction(sendAction);
    ShortcutsDialog::listIn(sendAction, tr("Capture"));

    // The cookies the requests share, as a browser tab keeps them for the app.
    m_jar = new QTableView(this);
    m_jar->setObjectName(QStringLiteral("cookieJar"));
    m_jar->setModel(&m_controller.jarModel());
    m_jar->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jar->verticalHeader()->hide();
    // One text line per cookie, so that several fit in the box.
    m_jar->verticalHeader()->setDefaultSectionSize(m_jar->fontMetrics().height() + 6);
    m_jar->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_jar->horizontalHeader()->setStretchLastSection(true);
    m_jar->setWordWrap(false);
    m_jar->setMaximumHeight(96);
    auto *clearJar = new QPushButton(tr("C&lear Jar"), this);
    clearJar->setObjectName(QStringLiteral("clearJar"));
    clearJar->setToolTip(tr("Forget every cookie the responses set: the next request starts "
                            "a fresh session."));
    auto *jarBox = new QGroupBox(tr("Cookie jar"), this);
    auto *jarLine = new QHBoxLayout(jarBox);
    jarLine->addWidget(m_jar, 1);
    jarLine->addWidget(clearJar, 0, Qt::AlignTop);

    // Reverse proxy.
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setValue(m_controller.savedPort());
    m_port->setSpecialValueText(tr("any free port"));
    m_upstream = new QLineEdit(this);
    m_upstream->setObjectName(QStringLiteral("proxyUpstream"));
    m_upstream->setText(m_controller.savedUpstream());
    m_proxyButton = new QPushButton(tr("Start &Proxy"), this);
    m_proxyButton->setObjectName(QStringLiteral("proxyButton"));
    m_proxyAddress = new QLabel(this);
    m_proxyAddress->setObjectName(QStringLiteral("proxyAddress"));
    m_proxyAddress->setOpenExternalLinks(true);
    m_proxyAddress->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_pin = new QCheckBox(tr("P&in: the app gets the edited cookie on every request"), this);
    m_pin->setObjectName(QStringLiteral("proxyPin"));
    auto *proxyBox = new QGroupBox(tr("Live capture through a proxy"), this);
    auto *proxyForm = new QFormLayout(proxyBox);
    proxyForm->addRow(tr("App &URL:"), m_upstream);
    auto *proxyLine = new QHBoxLayout;
    proxyLine->addWidget(new QLabel(tr("Port:"), this));
    proxyLine->addWidget(m_port);
    proxyLine->addWidget(m_proxyButton);
    proxyLine->addWidget(m_proxyAddress, 1);
    proxyForm->addRow(proxyLine);
    proxyForm->addRow(m_pin);

    // Browser stores.
    m_profiles = new QComboBox(this);
    m_profiles->setObjectName(QStringLiteral("browserProfiles"));
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("host, e.g. 127.0.0.1 (all when empty)"));
    auto *readButton = new QPushButton(tr("Read &Cookies"), this);
    auto *browserBox = new QGroupBox(tr("Browser"), this);
    auto *browserLine = new QHBoxLayout(browserBox);
    browserLine->addWidget(m_profiles, 1);
    browserLine->addWidget(m_host, 1);
    browserLine->addWidget(readButton);

    m_timeline = new QTableView(this);
    m_timeline->setObjectName(QStringLiteral("captureTimeline"));
    m_timeline->setModel(&m_controller.model());
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_timeline->verticalHeader()->hide();
    m_timeline->setWordWrap(false);
    m_timeline->setTextElideMode(Qt::ElideMiddle);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("captureStatus"));
    m_status->setWordWrap(true);

    // Sources on the left, the timeline on the right, so the dock stays short.
    auto *sources = new QVBoxLayout;
    sources->addWidget(requestBox);
    sources->addWidget(jarBox);
    sources->addWidget(proxyBox);
    sources->addWidget(browserBox);
    sources->addStretch(1);
    auto *results = new QVBoxLayout;
    results->addWidget(m_timeline, 1);
    results->addWidget(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(sources, 2);
    layout->addLayout(results, 3);

    connect(m_send, &QPushButton::clicked, this, &CapturePanel::sendRequest);
    connect(m_replay, &QPushButton::clicked, this, &CapturePanel::replayEdited);
    connect(m_cancel, &QPushButton::clicked, &m_controller, &CaptureController::cancel);
    connect(clearJar, &QPushButton::clicked, &m_controller, &CaptureController::clearJar);
    connect(m_proxyButton, &QPushButton::clicked, this, &CapturePanel::toggleProxy);
    connect(m_pin, &QCheckBox::toggled, &m_controller, &CaptureController::setPinned);
    connect(readButton, &QPushButton::clicked, this, &CapturePanel::readBrowser);
    connect(&m_controller, &CaptureController::busyChanged, this, &CapturePanel::showBusy);
    connect(&m_controller, &CaptureController::message, m_status, &QLabel::setText);
    connect(&m_controller, &CaptureController::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? int(std::min<qint64>(total, INT_MAX)) : 0);
        if (total > 0)
            m_progress->setValue(int(std::min(done, total)));
    });
    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_controller.open(current.row()); });
    connect(&m_controller.model(), &QAbstractItemModel::rowsInserted, m_timeline,
            &QTableView::scrollToBottom);
    refreshProfiles();
}

int CapturePanel::requestHeight() const
{
    const QMargins margins = layout()->contentsMargins();
    return m_requestBox->sizeHint().height() + margins.top() + margins.bottom();
}

void CapturePanel::refreshProfiles()
{
    m_profiles->clear();
    for (const BrowserCookieStore::Profile &profile :
         BrowserCookieStore::findProfiles(QDir::homePath()))
        m_profiles->addItem(QStringLiteral("%1 — %2").arg(profile.browser, profile.name),
                            profile.database);
    if (m_profiles->count() == 0)
        m_profiles->addItem(tr("(no browser profile found)"));
}

void CapturePanel::showBusy(bool busy)
{
    // A focused button that is disabled hands the focus to the next widget in the chain (the
    // proxy's Port box, its text selected, so the next keys overwrote the port). The focus
    // goes from Send or Replay to Cancel and back instead, and stays anywhere else.
    QWidget *focused = QApplication::focusWidget();
    if (busy) {
        m_cancel->setEnabled(true);
        if (focused == m_send || focused == m_replay) {
            m_focusAfterBusy = focused;
            m_cancel->setFocus(Qt::OtherFocusReason);
        }
        m_send->setEnabled(false);
        m_replay->setEnabled(false);
        m_progress->setRange(0, 0);
        m_progress->setVisible(true);
        m_status->setText(tr("Working…"));
        return;
    }
    m_send->setEnabled(true);
    m_replay->setEnabled(true);
    if (focused == m_cancel)
        (m_focusAfterBusy ? m_focusAfterBusy.data() : m_send)->setFocus(Qt::OtherFocusReason);
    m_focusAfterBusy = nullptr;
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
}

std::optional<HttpCapture::Request> CapturePanel::requestFromFields()
{
    HttpCapture::Request request;
    request.method = RequestText::method(m_method->currentText().toUtf8());
    request.url = QUrl::fromUserInput(m_url->text().trimmed());
    request.body = m_body->toPlainText().toUtf8();
    for (const QString &line : m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const auto header = RequestText::header(line);
        if (!header) {
            m_status->setText(tr("A header is 'Name: value', not '%1'.").arg(line));
            return std::nullopt;
        }
        request.headers.append({header->name, header->value});
    }
    return request;
}

void CapturePanel::sendRequest()
{
    if (auto request = requestFromFields())
        m_controller.send(*request);
}

void CapturePanel::replayEdited()
{
    // The request as Send would make it: only the session cookie differs.
    if (auto request = requestFromFields())
        m_controller.replayEdited(*request);
}

void CapturePanel::toggleProxy()
{
    if (m_controller.proxy().isListening()) {
        m_controller.stopProxy();
        m_proxyButton->setText(tr("Start &Proxy"));
        m_proxyAddress->clear();
        return;
    }
    auto started = m_controller.startProxy(quint16(m_port->value()),
                                           QUrl::fromUserInput(m_upstream->text().trimmed()));
    if (!started) {
        m_status->setText(ErrorText::describe(started.error()));
        return;
    }
    const QString address = m_controller.proxy().address().toString();
    m_proxyAddress->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(address.toHtmlEscaped()));
    m_proxyButton->setText(tr("Stop &Proxy"));
    m_status->setText(
        tr("Open %1 in any browser and use the app; each session cookie joins the timeline.")
            .arg(address));
}

void CapturePanel::readBrowser()
{
    const QString database = m_profiles->currentData().toString();
    if (database.isEmpty()) {
        m_status->setText(tr("No browser profile to read."));
        return;
    }
    m_controller.importFiles({database}, m_host->text().trimmed());
}

} // namespace sessionlens::gui
