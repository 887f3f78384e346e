"""A plain Flask app with the default (signed) session interface, for the
interop tests. Prints its port first and exits when standard input closes.

  GET  /dump   {"json": the tagged JSON Flask would sign, "repr": repr(dict(session)), "empty": bool}
  POST /set    replaces the session with the tagged JSON body; the response signs it
"""
import json
import sys

from flask import Flask, request, session

from app_routes import add_routes
from serve import serve


def create_app(secret):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret
    serializer = app.session_interface.serializer

    @app.get("/dump")
    def dump():
        payload = {
            "json": serializer.dumps(dict(session)),
            "repr": repr(dict(session)),
            "empty": not session,
        }
        return app.response_class(json.dumps(payload), mimetype="application/json")

    @app.post("/set")
    def set_session():
        data = serializer.loads(request.get_data().decode("utf-8"))
        session.clear()
        session.update(data)
        return "ok"

    add_routes(app)
    return app


def main():
    serve(create_app(sys.argv[1]))


if __name__ == "__main__":
    main()
