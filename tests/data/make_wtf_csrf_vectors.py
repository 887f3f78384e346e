#!/usr/bin/python3
"""Flask-WTF's CSRF form tokens, made and judged by Debian's python3-flaskext.wtf (1.1) on
Flask 2.2 and itsdangerous 2.1, not by SessionLens:

    session["csrf_token"] = hashlib.sha1(os.urandom(64)).hexdigest()    (generate_csrf)
    token = URLSafeTimedSerializer(WTF_CSRF_SECRET_KEY or SECRET_KEY,
                                   salt="wtf-csrf-token").dumps(session["csrf_token"])

Each valid row holds the secret that signs the token, the session cookie Flask set with it
(signed with SECRET_KEY), the signing time and the time it was checked at; each invalid row
the reason validate_csrf gave and the step SessionLens must name. Time is fixed by patching
itsdangerous' clock, so the file is the same on every run but for the random raw tokens.
Run: /usr/bin/python3 tests/data/make_wtf_csrf_vectors.py > tests/data/wtf_csrf_vectors.json
"""
import json
from unittest import mock

import itsdangerous.timed
from flask import Flask, session
from flask_wtf.csrf import generate_csrf, validate_csrf
from wtforms import ValidationError

SIGNED_AT = 1764700000


def make_app(secret, csrf_secret=None):
    app = Flask(__name__)
    app.secret_key = secret
    if csrf_secret is not None:
        app.config["WTF_CSRF_SECRET_KEY"] = csrf_secret
    return app


def at(timestamp):
    return mock.patch.object(itsdangerous.timed.TimestampSigner, "get_timestamp",
                             lambda self: timestamp)


def mint(app, preset=None, timestamp=SIGNED_AT):
    """A token and the session cookie Flask sets with it, as of `timestamp`."""
    with at(timestamp), app.test_request_context("/form"):
        if preset is not None:
            session["csrf_token"] = preset
        token = generate_csrf()
        raw = session["csrf_token"]
        cookie = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    return token, raw, cookie


def judge(app, token, session_values, now):
    """validate_csrf's verdict: None when valid, else its message."""
    with at(now), app.test_request_context("/form", method="POST"):
        session.update(session_values)
        try:
            validate_csrf(token)
        except ValidationError as error:
            return str(error.args[0])
        except TypeError as error:  # hmac.compare_digest of non-ASCII text: a server error
            return f"TypeError: {error}"
    return None


VALID = [
    # name, SECRET_KEY, WTF_CSRF_SECRET_KEY, preset raw token
    ("default", "dev", None, None),
    ("long secret", "a-much-longer-secret-key-of-a-real-app-2026", None, None),
    ("non-ASCII secret", "gr\u00fc\u00dfe-\u2603", None, None),
    ("WTF_CSRF_SECRET_KEY", "session-secret", "csrf-only-secret", None),
    ("compressed raw token", "dev", None, "ab" * 60),
]

STEP_OF_MESSAGE = {
    "The CSRF token is missing.": "missing-token",
    "The CSRF session token is missing.": "missing-in-session",
    "The CSRF token has expired.": "expired",
    "The CSRF tokens do not match.": "mismatch",
}


def main():
    valid = []
    for name, secret, csrf_secret, preset in VALID:
        app = make_app(secret, csrf_secret)
        token, raw, cookie = mint(app, preset)
        now = SIGNED_AT + 10
        assert judge(app, token, {"csrf_token": raw}, now) is None, name
        valid.append({"name": name, "secret": csrf_secret or secret, "session_secret": secret,
                      "timestamp": SIGNED_AT, "now": now, "raw": raw, "token": token,
                      "session_cookie": cookie, "time_limit": 3600})

    app = make_app("dev")
    token, raw, _ = mint(app)
    other_token, other_raw, _ = mint(app)
    wrong_key_token, _, _ = mint(make_app("not-dev"), raw)
    head, ts, sig = token.split(".")
    flipped = sig[:-2] + ("A" if sig[-2] != "A" else "B") + sig[-1]
    cases = [
        # name, token, session, now, time limit, step when the message is "invalid"
        ("tampered signature", f"{head}.{ts}.{flipped}", {"csrf_token": raw}, SIGNED_AT + 10,
         "authentication"),
        ("wrong secret", wrong_key_token, {"csrf_token": raw}, SIGNED_AT + 10, "authentication"),
        ("payload of another token", f"{other_token.split('.')[0]}.{ts}.{sig}",
         {"csrf_token": raw}, SIGNED_AT + 10, "authentication"),
        ("expired", token, {"csrf_token": raw}, SIGNED_AT + 3601, None),
        ("exactly at the limit", token, {"csrf_token": raw}, SIGNED_AT + 3600, None),
        ("signed in the future", token, {"csrf_token": raw}, SIGNED_AT - 5, None),
        ("another session's token", other_token, {"csrf_token": raw}, SIGNED_AT + 10, None),
        ("no csrf_token in the session", token, {"user": "ada"}, SIGNED_AT + 10, None),
        ("empty token", "", {"csrf_token": raw}, SIGNED_AT + 10, None),
        ("two parts", f"{head}.{sig}", {"csrf_token": raw}, SIGNED_AT + 10, "format"),
        ("bad base64 in the signature", f"{head}.{ts}.{sig[:-2]}", {"csrf_token": raw},
         SIGNED_AT + 10, "base64"),
    ]
    invalid = []
    # Flask-WTF signs a non-ASCII raw token, but its comparison then fails with a TypeError.
    unicode_token, unicode_raw, _ = mint(app, "t\u00f6ken-\u2603")
    message = judge(app, unicode_token, {"csrf_token": unicode_raw}, SIGNED_AT + 10)
    assert message.startswith("TypeError"), message
    invalid.append({"name": "non-ASCII raw token", "secret": "dev", "token": unicode_token,
                    "session": {"csrf_token": unicode_raw}, "now": SIGNED_AT + 10,
                    "time_limit": 3600, "flask_wtf_message": message, "step": "mismatch",
                    "raw": unicode_raw, "timestamp": SIGNED_AT})
    for name, bad, values, now, invalid_step in cases:
        message = judge(app, bad, values, now)
        if name == "exactly at the limit":
            assert message is None, message  # itsdangerous: age > max_age, not >=
            valid.append({"name": name, "secret": "dev", "session_secret": "dev",
                          "timestamp": SIGNED_AT, "now": now, "raw": raw, "token": token,
                          "session_cookie": None, "time_limit": 3600})
            continue
        assert message is not None, name
        step = STEP_OF_MESSAGE.get(message, invalid_step)
        assert step is not None, (name, message)
        invalid.append({"name": name, "secret": "dev", "token": bad, "session": values,
                        "now": now, "time_limit": 3600, "flask_wtf_message": message,
                        "step": step})
    print(json.dumps({"source": "tests/data/make_wtf_csrf_vectors.py (Flask-WTF 1.1.1)",
                      "valid": valid, "invalid": invalid}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
