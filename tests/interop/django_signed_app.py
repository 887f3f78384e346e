"""A minimal Django 3.2 app with the signed_cookies session backend, for the interop tests.
Prints its port first and exits when standard input closes.

  argv: SECRET_KEY [DEFAULT_HASHING_ALGORITHM (sha256 or the legacy sha1)]
  GET  /dump   {"json": the JSON Django would sign, "repr": repr(dict(session)), "empty": bool}
  POST /set    replaces the session with the JSON body; the response sets the sessionid cookie
"""
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
warnings.simplefilter("ignore")  # DEFAULT_HASHING_ALGORITHM = 'sha1' is deprecated in 3.2

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    SECRET_KEY=sys.argv[1],
    DEFAULT_HASHING_ALGORITHM=sys.argv[2] if len(sys.argv) > 2 else "sha256",
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.sessions"],
    MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware"],
    SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
)
django.setup()

from django.contrib.sessions.serializers import JSONSerializer  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

from serve import serve  # noqa: E402


def dump(request):
    session = dict(request.session.items())
    payload = {
        "json": JSONSerializer().dumps(session).decode("latin-1"),
        "repr": repr(session),
        "empty": not session,
    }
    return HttpResponse(json.dumps(payload), content_type="application/json")


def set_session(request):
    data = json.loads(request.body.decode("utf-8"))
    request.session.clear()
    request.session.update(data)
    return HttpResponse("ok")


urlpatterns = [path("dump", dump), path("set", set_session)]

if __name__ == "__main__":
    serve(get_wsgi_application())
