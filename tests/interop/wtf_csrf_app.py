"""A Flask app protected by Flask-WTF's CSRFProtect, for the interop tests. Prints its port
first and exits when standard input closes.

  argv: SECRET_KEY [WTF_CSRF_SECRET_KEY]
  GET  /form   the form token (generate_csrf()) as the body; Flask sets the session cookie
  POST /form   CSRF-protected: 200 and {"user": session's user} when the csrf_token field is
               valid for the session, 400 (Flask-WTF's CSRFError) otherwise
"""
import json
import sys

from flask import Flask, session
from flask_wtf.csrf import CSRFProtect, generate_csrf

from serve import serve


def create_app(secret, csrf_secret=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret
    if csrf_secret:
        app.config["WTF_CSRF_SECRET_KEY"] = csrf_secret
    CSRFProtect(app)

    @app.get("/form")
    def form():
        return generate_csrf()

    @app.post("/form")
    def submit():
        return app.response_class(json.dumps({"user": session.get("user")}),
                                  mimetype="application/json")

    return app


if __name__ == "__main__":
    serve(create_app(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
