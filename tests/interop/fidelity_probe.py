"""Answers questions about what the real libraries do, for the fidelity interop
tests: Debian's Flask (TaggedJSONSerializer, the default session interface),
itsdangerous, base64, and the seed (EncryptedSession, as encrypted_session_app
implements it). One JSON request per input line, one JSON answer per output
line; exits when standard input closes.

Every answer carries "ok"; a library's exception is {"ok": false, "error": "Type: message"}.
"""
import ast
import base64
import hashlib
import json
import sys
import zlib

from Cryptodome.Cipher import AES
from Cryptodome.Random import get_random_bytes
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import TimestampSigner, URLSafeSerializer
from itsdangerous.encoding import base64_encode, int_to_bytes

import encrypted_session_app as seed

DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def flask_app(secret):
    app = Flask("probe")
    app.config["SECRET_KEY"] = secret
    # Flask.session_interface is one instance shared by every app: give each its own, so that
    # a digest set for one case stays with it.
    app.session_interface = SecureCookieSessionInterface()
    return app


def tagged_loads(req):
    app = flask_app("unused")
    with app.app_context():
        serializer = app.session_interface.serializer
        value = serializer.loads(req["text"])
        return {"repr": repr(value), "dumps": serializer.dumps(value)}


def seed_loads(req):
    value = json.loads(req["text"], object_hook=seed.binary_object_hook)
    return {"repr": repr(value), "dumps": json.dumps(value, cls=seed.BinaryAwareJSONEncoder)}


def b64decode_many(req):
    out = []
    for text in req["texts"]:
        try:
            out.append(base64.b64encode(base64.b64decode(text)).decode("ascii"))
        except Exception:  # an answer per text: None when Python refuses it
            out.append(None)
    return {"decoded": out}


def secret_of(req):
    if "secret_hex" in req:
        return bytes.fromhex(req["secret_hex"])
    return req["secret"]


class FixedTimeSigner(TimestampSigner):
    timestamp = 0

    def get_timestamp(self):
        return self.timestamp


def sign_raw(req):
    """itsdangerous signs the payload text as Flask's session interface would (no zlib)."""
    signer = FixedTimeSigner(secret_of(req), salt=req.get("salt", "cookie-session"),
                             key_derivation="hmac",
                             digest_method=DIGESTS[req.get("digest", "sha1")])
    signer.timestamp = int(req["timestamp"])
    payload = base64_encode(req["payload"].encode("utf-8"))
    return {"cookie": signer.sign(payload).decode("ascii")}


def unsign_timestamp(req):
    """The timestamp itsdangerous reads from a signed value (no age limit)."""
    signer = TimestampSigner(secret_of(req), salt="cookie-session", key_derivation="hmac",
                             digest_method=DIGESTS[req.get("digest", "sha1")])
    _, when = signer.unsign(req["cookie"], return_timestamp=True)
    return {"timestamp": int(when.timestamp())}


def serializer_token(req):
    """A plain (untimed) itsdangerous Serializer token, as apps use for e-mail links."""
    return {"token": URLSafeSerializer(secret_of(req), salt=req.get("salt")).dumps(req["value"])}


def open_flask(req):
    """The session Flask's SecureCookieSessionInterface opens from a cookie."""
    app = flask_app(secret_of(req))
    if "digest" in req:
        app.session_interface.digest_method = staticmethod(DIGESTS[req["digest"]])
    with app.test_request_context(headers={"Cookie": "session=" + req["cookie"]}):
        session = app.session_interface.open_session(app, __import__("flask").request)
        if session is None:
            return {"null_session": True}
        return {"empty": not session, "repr": repr(dict(session))}


def flask_signs_with(req):
    app = flask_app(secret_of(req))
    return {"signs": app.session_interface.get_signing_serializer(app) is not None}


def itsdangerous_signs_with(req):
    value = TimestampSigner(secret_of(req), salt="cookie-session").sign(b"x").decode("ascii")
    return {"cookie": value}


def seal_raw(req):
    """A seed cookie holding exactly this plaintext (the seed's own cipher and layout)."""
    key = bytes.fromhex(req["key_hex"])
    data = req["plaintext"].encode("utf-8")
    flag = "u"
    if req.get("compress"):
        data, flag = zlib.compress(data), "z"
    nonce = get_random_bytes(16)
    ciphertext, tag = AES.new(key, AES.MODE_EAX, nonce=nonce).encrypt_and_digest(data)
    parts = [base64.b64encode(p).decode("ascii") for p in (ciphertext, tag, nonce)]
    return {"cookie": ".".join([flag] + parts)}


def open_seed(req):
    """What the seed's interface opens, and the plaintext inside (decrypted as the seed does)."""
    key = bytes.fromhex(req["key_hex"])
    app = seed.create_app(key)
    with app.test_request_context(headers={"Cookie": "session=" + req["cookie"]}):
        session = app.session_interface.open_session(app, __import__("flask").request)
    flag, ciphertext, tag, nonce = req["cookie"].split(".")
    ciphertext, tag, nonce = (base64.b64decode(p) for p in (ciphertext, tag, nonce))
    data = AES.new(key, AES.MODE_EAX, nonce=nonce).decrypt_and_verify(ciphertext, tag)
    if flag == "z":
        data = zlib.decompress(data)
    return {"empty": not session, "repr": repr(dict(session)), "plaintext": data.decode("utf-8")}


def literal_eval(req):
    """flask-unsign's reading of a wordlist line (flask_unsign.helpers.parse)."""
    line = req["line"]
    try:
        value = ast.literal_eval((line or "").strip())
    except (SyntaxError, ValueError):
        value = line.strip()
    if isinstance(value, str):
        value = value.encode("utf-8")
    return {"hex": value.hex() if isinstance(value, bytes) else None}


OPS = {
    "tagged_loads": tagged_loads,
    "seed_loads": seed_loads,
    "b64decode_many": b64decode_many,
    "sign_raw": sign_raw,
    "serializer_token": serializer_token,
    "unsign_timestamp": unsign_timestamp,
    "open_flask": open_flask,
    "flask_signs_with": flask_signs_with,
    "itsdangerous_signs_with": itsdangerous_signs_with,
    "seal_raw": seal_raw,
    "open_seed": open_seed,
    "literal_eval": literal_eval,
}


def main():
    for line in sys.stdin:
        req = json.loads(line)
        try:
            answer = OPS[req["op"]](req)
            answer["ok"] = True
        except Exception as exc:  # the library's refusal is the answer
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
