#!/usr/bin/python3
"""Known answers for Django's signed_cookies session backend, made by Debian's python3-django
(3.2) itself: each cookie comes from SessionStore._get_session_key() (signing.dumps with the
backend's salt, JSONSerializer, compress=True) under a fixed clock, and every row is checked
by SessionStore.load(), which returns {} for any cookie it refuses.

Sections:
  valid    cookies Django signs and loads back: secret, algorithm (sha256, or the legacy sha1
           of DEFAULT_HASHING_ALGORITHM = 'sha1'), timestamp, the session's JSON as Django
           writes it, whether the payload is compressed, and the cookie
  invalid  cookies Django loads as {} (or, for JSON that is no dict, as that value, which fails
           on first use) with the step SessionLens names (format, base64,
           decompression, json, authentication)
  expired  valid signatures with `now` past SESSION_COOKIE_AGE (Django: {}), or a timestamp
           in the future, which Django accepts
Run: /usr/bin/python3 tests/data/make_django_vectors.py > tests/data/django_vectors.json
"""
import base64
import json
import sys
import warnings
import zlib
from unittest import mock

import django
from django.conf import settings

settings.configure(SECRET_KEY="placeholder", SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies")
django.setup()
warnings.simplefilter("ignore")

from django.contrib.sessions.backends.signed_cookies import SessionStore  # noqa: E402
from django.core import signing  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

SALT = "django.contrib.sessions.backends.signed_cookies"
AGE = 1209600  # SESSION_COOKIE_AGE


def make(session, secret, algorithm, timestamp):
    with override_settings(SECRET_KEY=secret, DEFAULT_HASHING_ALGORITHM=algorithm):
        store = SessionStore()
        store.update(session)
        with mock.patch("time.time", return_value=timestamp):
            return store._get_session_key()


def load(cookie, secret, now):
    with override_settings(SECRET_KEY=secret):
        with mock.patch("time.time", return_value=now):
            return SessionStore(session_key=cookie).load()


def sign_raw(value, secret, algorithm="sha256"):
    """What Signer.sign appends: for hand-made payloads that Django's dumps never writes."""
    return value + ":" + signing.base64_hmac(SALT + "signer", value, secret, algorithm)


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def dumps(session):
    return signing.JSONSerializer().dumps(session).decode("latin-1")


T = 1700000000
SESSIONS = [
    {"user_id": "42", "cart": [1, 2, 3]},
    {},
    {"_auth_user_id": "1", "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
     "_auth_user_hash": "5d41402abc4b2a76b9719d911017c592ae" + "0" * 30},
    {"caf\u00e9": "\u00fcber \u2603 \U0001F600", "lone": "\ud800", "ctl": "a\tb\n\x00"},
    {"nan": float("nan"), "inf": float("inf"), "ninf": float("-inf"), "f": 0.1, "e": 1e-07,
     "big": 10**30, "neg": -7, "t": True, "n": None},
    {"items": [{"sku": "SKU-%04d" % i, "qty": i % 5, "note": "same text again"} for i in range(60)]},
    {"z": 1, "a": 2, "m": {"y": [], "b": {}}},
]
SECRETS = ["django-insecure-s3cr3t", "another secret \u00e9", "x" * 100]

valid = []
for index, session in enumerate(SESSIONS):
    for algorithm in ("sha256", "sha1"):
        secret = SECRETS[index % len(SECRETS)]
        timestamp = T + index * 1000
        cookie = make(session, secret, algorithm, timestamp)
        loaded = load(cookie, secret, timestamp + 10)
        assert dumps(loaded) == dumps(session), (cookie, loaded)
        valid.append({"secret": secret, "algorithm": algorithm, "timestamp": timestamp,
                      "json": dumps(session), "compressed": cookie.startswith("."),
                      "cookie": cookie})

good = valid[0]
plain = b64(good["json"].encode())
invalid = []


def add_invalid(step, cookie, why, secret=good["secret"], now=T + 10):
    loaded = load(cookie, secret, now)
    # Django loads a JSON list as it is (the session then fails on first use); all else is {}.
    assert loaded == {} or not isinstance(loaded, dict), cookie
    invalid.append({"step": step, "cookie": cookie, "secret": secret, "now": now, "why": why})


payload, stamp, sig = good["cookie"].split(":")
add_invalid("authentication", good["cookie"], "another secret", secret="wrong")
add_invalid("authentication", payload + ":" + stamp + ":" + sig[:-1] + ("A" if sig[-1] != "A" else "B"),
            "signature changed")
add_invalid("authentication", b64(b'{"user_id":"43","cart":[1,2,3]}') + ":" + stamp + ":" + sig,
            "payload changed, signature kept")
add_invalid("authentication", payload + ":" + stamp + ":" + sig + "=", "padded signature text")
add_invalid("format", payload + stamp + sig, "no separator")
add_invalid("format", payload + ":" + sig, "one separator: no timestamp")
add_invalid("format", sign_raw(plain + ":" + "1r3!eq", good["secret"]), "timestamp not base62")
add_invalid("format", sign_raw(plain + ":", good["secret"]), "empty timestamp")
add_invalid("base64", sign_raw("eyJhI" + ":1r31eq", good["secret"]), "payload of 4n+1 characters")
add_invalid("decompression", sign_raw("." + b64(b"not zlib at all") + ":1r31eq", good["secret"]),
            "'.' but no zlib stream")
add_invalid("decompression", sign_raw("." + b64(zlib.compress(b'{"a":1}')[:-3]) + ":1r31eq",
                                      good["secret"]), "cut zlib stream")
add_invalid("json", sign_raw(b64(b'{"a":1') + ":1r31eq", good["secret"]), "cut JSON")
add_invalid("json", sign_raw(b64(b'[1,2]') + ":1r31eq", good["secret"]), "JSON but not a dict")
add_invalid("json", sign_raw(":1r31eq", good["secret"]), "empty payload")

expired = []
for row, now, accepted in ((valid[0], valid[0]["timestamp"] + AGE + 1, False),
                           (valid[0], valid[0]["timestamp"] + AGE, True),
                           (valid[1], valid[1]["timestamp"] - 3600, True)):
    result = load(row["cookie"], row["secret"], now)
    assert bool(result) == accepted or (not json.loads(row["json"]) and not result), row
    expired.append({"cookie": row["cookie"], "secret": row["secret"], "now": now,
                    "timestamp": row["timestamp"], "accepted": accepted})

json.dump({"django": django.get_version(), "salt": SALT, "session_cookie_age": AGE,
           "valid": valid, "invalid": invalid, "expired": expired},
          sys.stdout, indent=1, ensure_ascii=True)
sys.stdout.write("\n")
