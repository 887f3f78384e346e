#include "Error.h"
#include "TestData.h"
#include "text/TimeText.h"
#include "text/TypeLabel.h"
#include "text/ValueText.h"
#include "json/SessionValue.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace sessionlens;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanLoadsAndTranslates();
    void germanIsComplete();
    void englishHasItsPluralForms();
};

void TestTranslations::germanLoadsAndTranslates()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("sessionlens"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QApplication::installTranslator(&translator));
    QCOMPARE(QApplication::translate("sessionlens::gui::MainWindow", "&File"),
             QStringLiteral("&Datei"));
    // The core's shared tables are translated through the same catalogue.
    QCOMPARE(Error::stepName(ErrorCategory::Authentication), QStringLiteral("Authentifizierung"));
    QCOMPARE(TimeText::duration(3 * 86400), QStringLiteral("3 Tagen"));
    QCOMPARE(TypeLabel::of(SessionValue::Type::Null), QStringLiteral("None"));
    // Hints and notes built in the core reach people in their language too.
    const auto integer = ValueText::parse(SessionValue::Type::Integer, QStringLiteral("x"),
                                          ValueText::BytesForm::Hex);
    QVERIFY(!integer.ok());
    QVERIFY2(integer.error().message.startsWith(QStringLiteral("erwartet: eine Ganzzahl")),
             qPrintable(integer.error().message));
    QApplication::removeTranslator(&translator);
}

void TestTranslations::germanIsComplete()
{
    QFile file(
        sessionlens::test::testSourcePath(QStringLiteral("../translations/sessionlens_de.ts")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int messages = 0, unfinished = 0, empty = 0, placeholderMismatch = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message"))
            ++messages;
        if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                type == QLatin1String("obsolete"))
                ++unfinished;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (text.trimmed().isEmpty())
                ++empty;
            // Every %1..%9 of the source must survive in the translation.
            static const QRegularExpression placeholder(QStringLiteral("%\\d"));
            auto it = placeholder.globalMatch(source);
            while (it.hasNext()) {
                const QString p = it.next().captured();
                if (!text.contains(p)) {
                    ++placeholderMismatch;
                    qWarning("placeholder %s missing in: %s", qPrintable(p), qPrintable(text));
                }
            }
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    QCOMPARE(unfinished, 0);
    QCOMPARE(empty, 0);
    QCOMPARE(placeholderMismatch, 0);
}

void TestTranslations::englishHasItsPluralForms()
{
    // English is the source language: its catalogue only turns "%n day(s)" into "1 day" and
    // "3 days", and it must have both forms of every plural message.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/sessionlens_en.qm")));
    QCOMPARE(english.translate("sessionlens::gui::TimelineModel", "%n change(s): %1", nullptr, 1),
             QStringLiteral("%n change: %1"));
    QCOMPARE(english.translate("sessionlens::gui::TimelineModel", "%n change(s): %1", nullptr, 3),
             QStringLiteral("%n changes: %1"));
    QFile file(
        sessionlens::test::testSourcePath(QStringLiteral("../translations/sessionlens_en.ts")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int plurals = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            QVERIFY(xml.attributes().value(QLatin1String("type")).isEmpty());
            ++plurals;
        }
    }
    QVERIFY(plurals >= 15);
}

QTEST_MAIN(TestTranslations)
#include "tst_Translations.moc"
