// The capture timeline's table under QAbstractItemModelTester while rows are added (one
// insert each, what each cell says), the full timeline drops its oldest row (a reset), and
// the timeline is cleared. TimelineModel has no update path: an entry never changes once
// added, so there is no dataChanged to test.

#include "TestData.h"
#include "TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace sessionlens;
using namespace sessionlens::gui;

namespace {

QByteArray vectorCookie(const QString &name)
{
    return test::cookieVector(QStringLiteral("encrypted_session"), name)[QStringLiteral("cookie")]
        .toString()
        .toLatin1();
}

CapturedCookie captured(CapturedCookie::Source source, const QString &url, int status,
                        const QByteArray &value)
{
    CapturedCookie cookie;
    cookie.source = source;
    cookie.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    cookie.url = url;
    cookie.status = status;
    cookie.value = value;
    return cookie;
}

// A ring with the vectors' key, a timeline over it and the model over that.
struct TimelineFixture
{
    KeyRing ring;
    Timeline timeline{ring, FlaskSignedCodec::Options{}};
    TimelineFixture()
    {
        const QByteArray raw = QByteArray::fromHex(
            test::cookieVector(QStringLiteral("encrypted_session"),
                               QStringLiteral("login"))[QStringLiteral("key_hex")]
                .toString()
                .toLatin1());
        (void)ring.add(SessionKey(QStringLiteral("vectors"),
                                  SecureBytes(raw.constData(), std::size_t(raw.size()))));
    }
};

QString cell(const TimelineModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAddedOneByOne();
    void fullTimelineDropsItsOldestRow();
    void clearEmptiesAndForgetsOrigins();
};

void TestTimelineModel::rowsAddedOneByOne()
{
    TimelineFixture f;
    QCOMPARE(f.ring.size(), 1);
    TimelineModel model(f.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    QCOMPARE(model.headerData(TimelineModel::ChangeColumn, Qt::Horizontal, Qt::DisplayRole),
             QVariant(QStringLiteral("What changed")));

    const QString app = QStringLiteral("http://127.0.0.1:5000");
    (void)model.add(captured(CapturedCookie::Source::Response, app + QStringLiteral("/login"), 200,
                             vectorCookie(QStringLiteral("login"))));
    (void)model.add(captured(CapturedCookie::Source::Request, app + QStringLiteral("/cart"), -1,
                             vectorCookie(QStringLiteral("login"))));
    (void)model.add(captured(CapturedCookie::Source::Response, app + QStringLiteral("/flash"), 302,
                             vectorCookie(QStringLiteral("flash"))));
    (void)model.add(captured(CapturedCookie::Source::Store, QString(), -1, "not-a-cookie"));
    (void)model.add(captured(CapturedCookie::Source::File, QStringLiteral("http://other.test/"), -1,
                             vectorCookie(QStringLiteral("flash"))));

    // One insert per cookie, each at the end.
    QCOMPARE(inserted.count(), 5);
    for (int i = 0; i < inserted.count(); ++i) {
        QCOMPARE(inserted[i][1].toInt(), i);
        QCOMPARE(inserted[i][2].toInt(), i);
    }
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 5);

    QCOMPARE(cell(model, 0, TimelineModel::SourceColumn), QStringLiteral("set"));
    QCOMPARE(cell(model, 1, TimelineModel::SourceColumn), QStringLiteral("sent"));
    QCOMPARE(cell(model, 3, TimelineModel::SourceColumn), QStringLiteral("browser"));
    QCOMPARE(cell(model, 4, TimelineModel::SourceColumn), QStringLiteral("file"));
    QCOMPARE(model.index(0, TimelineModel::StatusColumn).data(), QVariant(200));
    QVERIFY(!model.index(1, TimelineModel::StatusColumn).data().isValid()); // a request
    QCOMPARE(cell(model, 2, TimelineModel::UrlColumn), app + QStringLiteral("/flash"));
    QCOMPARE(cell(model, 0, TimelineModel::SizeColumn),
             QLocale().toString(vectorCookie(QStringLiteral("login")).size()));
    QVERIFY(cell(model, 0, TimelineModel::TimeColumn).endsWith(QStringLiteral("05.678")));
    // What changed, per origin.
    QCOMPARE(cell(model, 0, TimelineModel::ChangeColumn),
             QStringLiteral("first session of this origin"));
    QCOMPARE(cell(model, 1, TimelineModel::ChangeColumn), QStringLiteral("no change"));
    QVERIFY2(cell(model, 2, TimelineModel::ChangeColumn).startsWith(QStringLiteral("5 change(s)")),
             qPrintable(cell(model, 2, TimelineModel::ChangeColumn)));
    QCOMPARE(cell(model, 4, TimelineModel::ChangeColumn),
             QStringLiteral("first session of this origin"));
    // The cookie that does not open says why, in red, and only it.
    QVERIFY2(cell(model, 3, TimelineModel::ChangeColumn).startsWith(QStringLiteral("cannot open")),
             qPrintable(cell(model, 3, TimelineModel::ChangeColumn)));
    QCOMPARE(model.index(3, TimelineModel::UrlColumn).data(Qt::ForegroundRole).value<QColor>(),
             QColor(0xa0, 0x00, 0x00));
    QVERIFY(!model.index(2, TimelineModel::UrlColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.entry(2)->openedWith, QStringLiteral("vectors"));
    QCOMPARE(model.entry(5), nullptr);
    QCOMPARE(model.entry(-1), nullptr);
}

void TestTimelineModel::fullTimelineDropsItsOldestRow()
{
    TimelineFixture f;
    // Filled before the model and its tester watch (the tester walks every row at every
    // signal): the last free row, then one more than the timeline keeps.
    for (qsizetype i = 0; i < Timeline::kMaxEntries - 1; ++i)
        (void)f.timeline.add(captured(CapturedCookie::Source::File,
                                      QStringLiteral("http://127.0.0.1/%1").arg(i), -1, "x"));
    TimelineModel model(f.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int full = int(Timeline::kMaxEntries);
    QCOMPARE(model.rowCount(), full - 1);

    (void)model.add(
        captured(CapturedCookie::Source::File, QStringLiteral("http://127.0.0.1/last"), -1, "x"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted[0][1].toInt(), full - 1);
    QCOMPARE(model.rowCount(), full);
    QCOMPARE(reset.count(), 0);

    (void)model.add(
        captured(CapturedCookie::Source::File, QStringLiteral("http://127.0.0.1/over"), -1, "x"));
    QCOMPARE(reset.count(), 1); // the rows shift up by one: the table starts over
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), full);
    QCOMPARE(f.timeline.droppedEntries(), qsizetype(1));
    QCOMPARE(cell(model, 0, TimelineModel::UrlColumn), QStringLiteral("http://127.0.0.1/1"));
    QCOMPARE(cell(model, full - 2, TimelineModel::UrlColumn),
             QStringLiteral("http://127.0.0.1/last"));
    QCOMPARE(cell(model, full - 1, TimelineModel::UrlColumn),
             QStringLiteral("http://127.0.0.1/over"));
}

void TestTimelineModel::clearEmptiesAndForgetsOrigins()
{
    TimelineFixture f;
    TimelineModel model(f.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString url = QStringLiteral("http://127.0.0.1:5000/");
    for (int i = 0; i < 3; ++i)
        (void)model.add(captured(CapturedCookie::Source::Response, url, 200,
                                 vectorCookie(QStringLiteral("login"))));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 2, TimelineModel::ChangeColumn), QStringLiteral("no change"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.entry(0), nullptr);
    // The origin's last session went with the rows: the next one is a first again.
    (void)model.add(captured(CapturedCookie::Source::Response, url, 200,
                             vectorCookie(QStringLiteral("login"))));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, TimelineModel::ChangeColumn),
             QStringLiteral("first session of this origin"));
    model.clear();
    model.clear(); // an empty timeline cleared again is still a valid model
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTimelineModel)
#include "tst_TimelineModel.moc"
