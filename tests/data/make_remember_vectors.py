#!/usr/bin/python3
"""Known answers for Flask-Login's remember cookie, made by Debian's python3-flask-login 0.6.2
itself: a Flask app logs users in with remember=True, and the `remember_token` value of its
Set-Cookie header (Werkzeug's quoting included) is each valid row. Damaged rows change one
thing of a valid cookie and name the step SessionLens must report; `decode_cookie` confirms
that Flask-Login refuses every wrong-key and tampered row.

The cookie holds no timestamp: it expires only in the browser (Expires, 365 days by default),
so there are no expired rows.
Run: /usr/bin/python3 tests/data/make_remember_vectors.py > tests/data/remember_vectors.json
"""
import json
from http.cookies import SimpleCookie

from flask import Flask
from flask_login import LoginManager, UserMixin, login_user
from flask_login.utils import decode_cookie

# secret (str or bytes as the app configures it), user id
VALID = [
    ("dev", "42"),
    ("dev", "7"),
    ("change-me-please", "ada lovelace"),
    ("change-me-please", "a|b"),
    ("change-me-please", "comma,semi;quote\"back\\slash"),
    ("change-me-please", "\u00fcser-\u65e5\u672c"),
    ("change-me-please", ""),
    (b"\x8e;\xa9=\x11\xf7\r\x00raw-bytes", "1001"),
    ("s\u00e9cret", "99"),
]


def remember_cookie(secret, user_id):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret
    manager = LoginManager(app)

    class User(UserMixin):
        def __init__(self, uid):
            self.id = uid

    manager.user_loader(User)

    @app.route("/login")
    def login():
        login_user(User(user_id), remember=True)
        return "ok"

    response = app.test_client().get("/login")
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith("remember_token="):
            value = header[len("remember_token="):].split("; ")[0]
            # The value as the browser sends it back: Werkzeug quoted it when it had to.
            return header, value
    raise RuntimeError("no remember cookie")


def check(secret, cookie_text):
    """decode_cookie on the value Werkzeug reads back from the Cookie header."""
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret
    with app.test_request_context(headers={"Cookie": "remember_token=" + cookie_text}):
        from flask import request
        with app.app_context():
            return decode_cookie(request.cookies.get("remember_token", ""))


def secret_fields(secret):
    if isinstance(secret, bytes):
        return {"secret_hex": secret.hex(), "secret_type": "bytes"}
    return {"secret_hex": secret.encode("utf-8").hex(), "secret_type": "str"}


def main():
    valid = []
    for secret, user_id in VALID:
        header, value = remember_cookie(secret, user_id)
        assert check(secret, value) == user_id, (secret, user_id)
        valid.append(dict(secret_fields(secret), user_id=user_id, cookie=value,
                          set_cookie=header, quoted=value.startswith('"')))

    first = valid[0]
    plain = first["cookie"]
    user_id, digest = plain.rsplit("|", 1)
    invalid = [
        ("wrong secret", "other-secret", plain, "authentication"),
        ("user id changed", "dev", "43|" + digest, "authentication"),
        ("digest changed", "dev", user_id + "|" + ("0" if digest[0] != "0" else "1") + digest[1:],
         "authentication"),
        ("digest cut", "dev", plain[:-2], "format"),
        ("digest upper case", "dev", user_id + "|" + digest.upper(), "format"),
        ("no bar", "dev", user_id + digest, "format"),
        ("user id not UTF-8", "dev", '"\\377|' + digest + '"', "encoding"),
    ]
    rows = []
    for name, secret, cookie, step in invalid:
        assert check(secret, cookie) is None, name
        rows.append(dict(secret_fields(secret), name=name, cookie=cookie, step=step))
    print(json.dumps({"source": "tests/data/make_remember_vectors.py (Flask-Login 0.6.2)",
                      "valid": valid, "invalid": rows}, indent=1, ensure_ascii=True))


if __name__ == "__main__":
    main()
