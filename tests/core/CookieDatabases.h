#pragma once

// Cookie databases and import checks shared by the importer and browser store tests.
#include "ChildRun.h"
#include "Result.h"
#include "capture/CookieImporter.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace sessionlens::test {

/// A connection for writing a test database; removed when the test is done.
class TestDatabase
{
public:
    explicit TestDatabase(const QString &path);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }
    bool exec(const QString &sql, const QVariantList &values = {});

private:
    QString m_name;
    bool m_ok = false;
};

/// The browsers' own cookie tables.
extern const char *const kChromiumSchema;
extern const char *const kFirefoxSchema;

/// A database made by `statements` (its schema and rows), for the hostile ones.
bool makeDatabase(const QString &path, const QStringList &statements);
/// `count` rows of the session cookie in the Chromium schema, made by SQLite itself.
QString chromiumRows(int count, const QString &value = QStringLiteral("'v'"));
bool addChromiumCookie(TestDatabase &db, const QString &host, const QByteArray &name,
                       const QByteArray &encrypted, qint64 creation = 13380000000000000);
/// A v11 password provider for a machine without the Secret Service.
Result<std::optional<SecureBytes>> noSecretService(const QString &application);

/// Checks an import's refusal inside a child: 0 when it is an error of `category` whose
/// message holds `fragment`, otherwise a code that says what came instead.
int refusedWith(const Result<CookieImporter::Imported> &imported, ErrorCategory category,
                const QString &fragment);
/// How a child run ended, for a failure message.
QString describe(const ChildRun &run);

} // namespace sessionlens::test
