#pragma once

#include "TestData.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sessionlens::test {

/**
 * fidelity_probe.py, started once for a test: asks Debian's Flask, itsdangerous,
 * base64 and the seed what they make of a case, one JSON line each way, so that
 * a test compares SessionLens with the real library on the same input.
 */
class PythonProbe
{
public:
    PythonProbe() = default;
    ~PythonProbe();
    PythonProbe(const PythonProbe &) = delete;
    PythonProbe &operator=(const PythonProbe &) = delete;

    /// Starts `script` (below tests/; fidelity_probe.py unless another probe is named).
    [[nodiscard]] bool start(QString *error,
                             const QString &script = QStringLiteral("interop/fidelity_probe.py"));
    /// The probe's answer; {"ok": false, "error": ...} also when the probe does not answer.
    QJsonObject ask(const QJsonObject &request);

private:
    QProcess m_process;
};

} // namespace sessionlens::test
