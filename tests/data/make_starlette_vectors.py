#!/usr/bin/python3
"""Known answers for Starlette's SessionMiddleware cookie, made by Debian's python3-starlette
0.26.1 and itsdangerous 2.1.2 themselves (the middleware run by Starlette's TestClient, through
tests/interop/starlette_probe.py), not by SessionLens:

    cookie = TimestampSigner(str(secret_key)).sign(b64encode(json.dumps(session).encode()))

"valid": cookies the middleware wrote, with the secret, the timestamp, json.dumps of the
session and what the middleware reads back a minute later. "invalid": cookies the middleware
refuses (an empty session, or a server error for a validly signed payload it cannot load),
each with the step SessionLens must name ("expired" is a verdict on a readable cookie).
Run: /usr/bin/python3 tests/data/make_starlette_vectors.py > tests/data/starlette_vectors.json
"""
import base64
import json
import os
import sys

import itsdangerous

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
import starlette_probe  # noqa: E402

SECRET = "starlette-vector-secret"
T0 = 1700000000
MAX_AGE = 14 * 24 * 60 * 60


def flask_alike():
    """A session whose cookie payload has no '+', '/' or '=': Flask's signed shape too."""
    for n in range(200):
        session = {"user": "ada", "n": n}
        text = json.dumps(session).encode()
        encoded = base64.b64encode(text)
        if not any(c in encoded for c in b"+/="):
            return session
    raise SystemExit("no Flask-alike session found")


VALID = [
    ("simple", SECRET, T0, {"user": "ada", "cart": [1, 2], "n": 1}),
    ("unicode", SECRET, T0 + 1, {"name": "Zo\u00eb \U0001f389", "city": "Z\u00fcrich",
                                 "ctl": "tab\there\n"}),
    ("nested", SECRET, T0 + 2, {"a": {"b": {"c": [1, {"d": None}]}}, "flag": True,
                                "empty": {}, "list": []}),
    ("numbers", SECRET, T0 + 3, {"big": 10 ** 30, "small": 1e-05, "large": 1.5e16,
                                 "neg": -0.0, "nan": float("nan"), "inf": float("-inf")}),
    ("large", SECRET, T0 + 4, {"blob": "x" * 3000, "more": list(range(100))}),
    ("flask-alike shape", SECRET, T0 + 5, flask_alike()),
    ("unicode secret", "s\u00e9cret-\u043a\u043b\u044e\u0447", T0 + 6, {"user": "grace"}),
    ("bytes-marker dict stays a dict", SECRET, T0 + 7,
     {"blob": {"__type__": "bytes", "b": "aGk="}}),
    ("two-byte timestamp", SECRET, 40000, {"early": True}),
    ("plus and slash", SECRET, T0 + 8, {"q": ">>>???", "r": "~~~"}),
]


def make(secret, timestamp, session):
    reply = starlette_probe.answer({"op": "make", "secret": secret, "timestamp": timestamp,
                                    "session_json": json.dumps(session)})
    assert reply["ok"] and reply["cookie"], reply
    return reply["cookie"]


def read(secret, cookie, now):
    return starlette_probe.answer({"op": "read", "secret": secret, "cookie": cookie, "now": now})


def signed_by_library(secret, payload, timestamp):
    """A cookie the middleware's own signer makes of any payload (it never writes these)."""
    starlette_probe.CLOCK["now"] = timestamp
    return itsdangerous.TimestampSigner(secret).sign(payload).decode()


def main():
    valid = []
    for name, secret, timestamp, session in VALID:
        cookie = make(secret, timestamp, session)
        back = read(secret, cookie, timestamp + 60)
        assert back["status"] == 200, back
        valid.append({"name": name, "secret": secret, "timestamp": timestamp, "cookie": cookie,
                      "json": json.dumps(session), "read_back": back["session_json"]})

    simple = valid[0]
    # A cookie whose payload only standard base64 spells, one character cut from its middle.
    standard = next(v["cookie"] for v in valid if any(c in v["cookie"].split(".")[0] for c in "+/"))
    std_payload, std_rest = standard.split(".", 1)
    cut = std_payload[:20] + std_payload[21:] + "." + std_rest
    payload, stamp, signature = simple["cookie"].split(".")
    other = base64.b64encode(json.dumps({"user": "eve", "cart": [1, 2], "n": 1}).encode())
    cases = [
        ("wrong secret", simple["cookie"], "another-secret", T0 + 60, "authentication"),
        ("tampered payload", other.decode() + "." + stamp + "." + signature, SECRET, T0 + 60,
         "authentication"),
        ("tampered signature", payload + "." + stamp + "." + signature[:-2] + "AA", SECRET,
         T0 + 60, "authentication"),
        ("expired", simple["cookie"], SECRET, T0 + MAX_AGE + 1, "expired"),
        ("signed in the future", simple["cookie"], SECRET, T0 - 100, "expired"),
        ("cut payload", cut, SECRET, T0 + 60, "base64"),
        ("signed non-JSON", signed_by_library(SECRET, base64.b64encode(b"{not json}"), T0),
         SECRET, T0 + 60, "json"),
        ("signed list, not a dict", signed_by_library(SECRET, base64.b64encode(b'["x"]'), T0),
         SECRET, T0 + 60, "json"),
        ("signed invalid UTF-8", signed_by_library(SECRET, base64.b64encode(b'{"a": "\xff"}'), T0),
         SECRET, T0 + 60, "encoding"),
    ]
    invalid = []
    for name, cookie, secret, now, step in cases:
        back = read(secret, cookie, now)
        invalid.append({"name": name, "cookie": cookie, "secret": secret, "now": now,
                        "step": step, "starlette_status": back["status"],
                        "starlette_session": back["session_json"] if back["status"] == 200
                        else None})
    json.dump({"source": "python3-starlette 0.26.1, itsdangerous 2.1.2 (Debian bookworm)",
               "max_age": MAX_AGE, "valid": valid, "invalid": invalid},
              sys.stdout, indent=1, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
