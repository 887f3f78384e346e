#include "HistoryDialog.h"

#include "ChangeTable.h"
#include "ErrorText.h"
#include "json/SessionDiff.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace sessionlens::gui {

namespace {
constexpr int kPreviewKeys = 12;
constexpr int kListPadding = 12;
constexpr int kMaxListWidth = 640;
constexpr int kMinPreviewWidth = 360;
} // namespace

HistoryDialog::HistoryDialog(QList<RecoveryStore::HistoryEntry> entries, const KeyRing &ring,
                             FlaskSignedCodec::Options options, QWidget *parent)
    : QDialog(parent), m_entries(std::move(entries)), m_ring(ring), m_options(std::move(options))
{
    setWindowTitle(tr("History"));
    resize(820, 520);
    m_opened.resize(m_entries.size());
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const auto &entry : std::as_const(m_entries))
        m_list->addItem(tr("%1 — %2 bytes, key \"%3\"")
                            .arg(QLocale().toString(entry.openedAt, QLocale::ShortFormat),
                                 QLocale().toString(entry.cookie.size()), entry.keyName));
    m_preview = new QLabel(tr("Select an entry to see it; select two to compare them."), this);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff = new ChangeTable(tr("Older"), tr("Newer"), this);
    m_diff->hide();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_preview);
    rightLayout->addWidget(m_diff, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    // The list as wide as its longest entry (date, size and key name must all be readable),
    // the preview gets the rest; the dialog grows when the two do not fit.
    const int listWidth = m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() +
                          m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + kListPadding;
    m_list->setMinimumWidth(std::min(listWidth, kMaxListWidth));
    resize(std::max(width(), m_list->minimumWidth() + kMinPreviewWidth), height());
    splitter->setSizes({m_list->minimumWidth(), width() - m_list->minimumWidth()});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto rows = m_list->selectionModel()->selectedRows();
        if (rows.size() == 1) {
            Q_EMIT openRequested(m_entries.at(rows.first().row()).cookie);
            accept();
        }
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &HistoryDialog::showSelection);
    connect(m_list, &QListWidget::itemDoubleClicked, m_open, &QPushButton::click);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
}

QString HistoryDialog::previewText() const
{
    return m_preview->text();
}

const CookieOpener::Opened &HistoryDialog::opened(int row)
{
    auto &slot = m_opened[row];
    if (!slot)
        slot = CookieOpener::open(m_entries.at(row).cookie, m_ring, m_options);
    return *slot;
}

void HistoryDialog::showSelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    m_open->setEnabled(rows.size() == 1);
    m_diff->clear();
    m_diff->setVisible(rows.size() == 2);
    if (rows.size() == 1) {
        const CookieOpener::Opened &o = opened(rows.first());
        const auto &entry = m_entries.at(rows.first());
        QString text =
            tr("<b>%1</b>, cookie %2 bytes")
                .arg(o.detected ? o.detected->displayName()
                                : QCoreApplication::translate("sessionlens::Note", "unknown"),
                     QLocale().toString(entry.cookie.size()));
        if (!o.readable()) {
            text += QStringLiteral("<br>") + ErrorText::describe(*o.error).toHtmlEscaped();
        } else {
            const SessionValue &session = o.session();
            QStringList keys;
            for (qsizetype i = 0; i < std::min<qsizetype>(session.size(), kPreviewKeys); ++i)
                keys.append(session.child(i)->key().toHtmlEscaped());
            if (session.size() > kPreviewKeys)
                keys.append(tr("… %n more", nullptr, int(session.size() - kPreviewKeys)));
            text += QStringLiteral(", ") +
                    tr("JSON %1 bytes").arg(QLocale().toString(o.json().size())) +
                    QStringLiteral("<br>") +
                    tr("%n top-level key(s): %1", nullptr, int(session.size()))
                        .arg(keys.join(QStringLiteral(", ")));
        }
        m_preview->setText(text);
        return;
    }
    if (rows.size() != 2) {
        m_preview->setText(tr("Select an entry to see it; select two to compare them."));
        return;
    }
    // The list is newest first: the higher row is the older entry.
    const CookieOpener::Opened &older = opened(rows.at(1));
    const CookieOpener::Opened &newer = opened(rows.at(0));
    if (!older.readable() || !newer.readable()) {
        m_preview->setText(tr("Both entries must open to be compared."));
        m_diff->hide();
        return;
    }
    const SessionDiff::Result diff = SessionDiff::compare(older.session(), newer.session());
    m_diff->showChanges(diff.changes);
    m_preview->setText(diff.changes.isEmpty()
                           ? tr("The two sessions are the same.")
                           : tr("%n change(s) from the older to the newer entry.", nullptr,
                                int(diff.changes.size() + diff.omitted)));
}

} // namespace sessionlens::gui
