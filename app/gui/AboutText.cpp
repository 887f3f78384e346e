#include "AboutText.h"

#include "crypto/OpenSslInfo.h"
#include "formats/ZlibCodec.h"

namespace sessionlens::gui {

QString AboutText::html()
{
    return tr("<b>SessionLens %1</b><p>Opens, edits and re-seals the session cookies a Python web "
              "developer meets: Flask's EncryptedSession (AES-EAX, with a key) and its default "
              "signed cookie (itsdangerous, readable without a key), Quart's, Flask-Login's "
              "remember cookie, Flask-WTF's CSRF token, Starlette / FastAPI's and Django's "
              "signed cookie session. Captures them from the app, the browser and HAR files, and "
              "shows what they cost.</p>"
              "<p>Built with Qt %2 (LGPL-3.0), OpenSSL %3 (Apache-2.0), zlib %4 (zlib license), "
              "QtKeychain (BSD-3-Clause), libsecret (LGPL-2.1) and http-parser (MIT).</p>"
              "<p>The manual: Help ▸ Manual (F1).</p>")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             QString::fromLatin1(OpenSslInfo::version()),
             QString::fromLatin1(ZlibCodec::version()));
}

} // namespace sessionlens::gui
