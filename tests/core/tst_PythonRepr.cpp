#include "TestData.h"
#include "json/PythonJsonReader.h"
#include "json/PythonRepr.h"

#include <QTest>

using namespace sessionlens;

class TestPythonRepr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void strings_data();
    void strings();
    void bytes_data();
    void bytes();
    void specialsUseReprSpelling();
};

void TestPythonRepr::vectors_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("repr");
    for (const QJsonValue v : test::cookieVectors(QStringLiteral("encrypted_session"))) {
        QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
            << v[QStringLiteral("plaintext")].toString().toUtf8()
            << v[QStringLiteral("python_repr")].toString();
    }
}

void TestPythonRepr::vectors()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, repr);
    auto value = PythonJsonReader::read(plaintext);
    QVERIFY(value.ok());
    QCOMPARE(PythonRepr::repr(value.value()), repr);
}

void TestPythonRepr::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("repr");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("\"it's\"");
    QTest::newRow("both quotes") << QStringLiteral("it's \"x\"")
                                 << QStringLiteral("'it\\'s \"x\"'");
    QTest::newRow("controls") << QStringLiteral("\t\n\r\x01\x7f")
                              << QStringLiteral("'\\t\\n\\r\\x01\\x7f'");
    QTest::newRow("latin1 nbsp") << QString(QChar(0xa0)) << QStringLiteral("'\\xa0'");
    QTest::newRow("printable latin1") << QString(QChar(0xe9)) << QString::fromUtf16(u"'\u00e9'");
    QTest::newRow("zero width space") << QString(QChar(0x200b)) << QStringLiteral("'\\u200b'");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("'\\u2028'");
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QStringLiteral("'\\ud800'");
    QTest::newRow("private use") << QString(QChar(0xe000)) << QStringLiteral("'\\ue000'");
    const char32_t astralPrivate = 0xF0000;
    QTest::newRow("astral private")
        << QString::fromUcs4(&astralPrivate, 1) << QStringLiteral("'\\U000f0000'");
    const char32_t cookie = 0x1F36A;
    QTest::newRow("emoji") << QString::fromUcs4(&cookie, 1)
                           << (u'\'' + QString::fromUcs4(&cookie, 1) + u'\'');
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'");
}

void TestPythonRepr::strings()
{
    QFETCH(QString, text);
    QFETCH(QString, repr);
    QCOMPARE(PythonRepr::stringRepr(text), repr);
}

void TestPythonRepr::bytes_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("repr");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("b''");
    QTest::newRow("mixed") << QByteArray("\x00\xffz\t'", 5)
                           << QStringLiteral("b\"\\x00\\xffz\\t'\"");
    QTest::newRow("both quotes") << QByteArray("'\"") << QStringLiteral("b'\\'\"'");
}

void TestPythonRepr::bytes()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, repr);
    QCOMPARE(PythonRepr::bytesRepr(data), repr);
}

void TestPythonRepr::specialsUseReprSpelling()
{
    auto value = PythonJsonReader::read(R"({"a": NaN, "b": -Infinity, "c": 1e+16, "d": null})");
    QVERIFY(value.ok());
    QCOMPARE(PythonRepr::repr(value.value()),
             QStringLiteral("{'a': nan, 'b': -inf, 'c': 1e+16, 'd': None}"));
}

QTEST_GUILESS_MAIN(TestPythonRepr)
#include "tst_PythonRepr.moc"
