"""A Flask app with Flask-Login (Debian's python3-flask-login) in strong session protection,
for the interop tests. Prints its port first and exits when standard input closes.

  GET /login/<uid>   login_user(uid, remember=True): sets the session and remember_token
  GET /whoami        {"user": current_user's id or null, "fresh": session's _fresh,
                      "keys": the session's keys, sorted}
"""
import sys

from flask import Flask, jsonify, session
from flask_login import LoginManager, UserMixin, current_user, login_user

from serve import serve


class User(UserMixin):
    def __init__(self, uid):
        self.id = uid


def create_app(secret):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret
    manager = LoginManager(app)
    manager.session_protection = "strong"
    manager.user_loader(User)

    @app.get("/login/<uid>")
    def login(uid):
        login_user(User(uid), remember=True)
        return "ok"

    @app.get("/whoami")
    def whoami():
        user = current_user.get_id() if current_user.is_authenticated else None
        return jsonify(user=user, fresh=session.get("_fresh"), keys=sorted(session.keys()))

    return app


def main():
    serve(create_app(sys.argv[1]))


if __name__ == "__main__":
    main()
