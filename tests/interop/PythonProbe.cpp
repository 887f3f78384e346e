#include "PythonProbe.h"

#include "TestData.h"

#include <QJsonDocument>

namespace sessionlens::test {

namespace {
constexpr int kAnswerTimeoutMs = 60000;
}

PythonProbe::~PythonProbe()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool PythonProbe::start(QString *error, const QString &script)
{
    const QString python = pythonInterpreter();
    if (python.isEmpty()) {
        *error = QStringLiteral("no python3 that imports flask and Cryptodome was found");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setWorkingDirectory(testSourcePath(QStringLiteral("interop")));
    m_process.start(python, {testSourcePath(script)});
    if (!m_process.waitForStarted(30000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(python, m_process.errorString());
        return false;
    }
    return true;
}

QJsonObject PythonProbe::ask(const QJsonObject &request)
{
    m_process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(kAnswerTimeoutMs))
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("error"), QStringLiteral("the probe did not answer")}};
    }
    return QJsonDocument::fromJson(m_process.readLine()).object();
}

} // namespace sessionlens::test
