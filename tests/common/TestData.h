#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

namespace sessionlens::test {

/// Path of a file in tests/data.
QString dataPath(const QString &name);
/// A JSON file of tests/data (fails the running test when unreadable).
QJsonObject loadJsonObject(const QString &name);
/// Rows of each section of session_cookies.json. The file declares no counts of its own, so
/// they are written here (tests/data/README.md lists the sections): a section renamed, emptied
/// or cut short then fails every test that reads it, instead of letting its loops pass over
/// no rows. Adding a vector means raising its count here.
constexpr int kEncryptedSessionVectors = 17;
constexpr int kEncryptedSessionInvalidVectors = 11;
constexpr int kFlaskDefaultVectors = 5;
/// The declared row count of a section of session_cookies.json, -1 for a section not listed.
int declaredCookieVectors(const QString &section);
/// The `encrypted_session`, `encrypted_session_invalid` or `flask_default` list. Fails the
/// running test when its size is not the section's declared count.
QJsonArray cookieVectors(const QString &section);
/// The vector named `name` in `section`; fails the running test (and is empty) when there is
/// none.
QJsonObject cookieVector(const QString &section, const QString &name);
/// Path of the Python interpreter that imports flask and Cryptodome (empty when none).
QString pythonInterpreter();
/// Path of the built sessionlens-cli.
QString cliPath();
/// Path of a file below tests/.
QString testSourcePath(const QString &relative);
/// An environment for running the CLI with its own, empty key ring (a file store in a
/// folder of this test process), so that no test sees the user's ring or a keychain.
QProcessEnvironment isolatedCliEnvironment();
/// The settings file that environment names (SESSIONLENS_SETTINGS).
QString isolatedSettingsFile();

struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or did not end in time
    QByteArray out;
    QByteArray err;
};
/// Runs the built CLI to its end with `input` on its standard input. The calling thread's
/// event loop runs meanwhile, so servers the test runs on it keep serving.
CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
              const QProcessEnvironment &environment = isolatedCliEnvironment(),
              int timeoutMs = 120'000);

} // namespace sessionlens::test
