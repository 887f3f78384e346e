"""A Flask app with an EncryptedSession interface, written from the format
description, for the interop tests. It prints its port on the first line of
standard output and exits when standard input closes.

Endpoints:
  GET  /dump      the session as the app sees it: {"json": dumps(session), "repr": repr(dict(session)), "empty": bool}
  POST /set       replaces the session with the JSON body (bytes tags decoded); the
                  response carries the new cookie
"""
import base64
import json
import sys
import zlib

from Cryptodome.Cipher import AES
from Cryptodome.Random import get_random_bytes
from flask import Flask, request, session
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from app_routes import add_routes
from serve import serve


class BinaryAwareJSONEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, bytes):
            return {"__type__": "bytes", "b": base64.b64encode(o).decode("ascii")}
        return super().default(o)


def binary_object_hook(obj):
    # As EncryptedSession's BinaryAwareJSONDecoder does: "__type__" is popped and,
    # when it is not "bytes", put back, which moves it to the end of the dict.
    if "__type__" not in obj:
        return obj
    kind = obj.pop("__type__")
    if kind == "bytes":
        return base64.b64decode(bytes(obj["b"], "utf-8"))
    obj["__type__"] = kind
    return obj


class EncryptedSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None):
        def on_update(s):
            s.modified = True

        super().__init__(initial, on_update)
        self.modified = False


class EncryptedSessionInterface(SessionInterface):
    compression_threshold = 1024

    def _key(self, app):
        return app.config.get("SESSION_CRYPTO_KEY") or app.crypto_key

    def open_session(self, app, request):
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return EncryptedSession()
        try:
            flag, ciphertext, tag, nonce = value.split(".")
            ciphertext, tag, nonce = (base64.b64decode(p) for p in (ciphertext, tag, nonce))
            cipher = AES.new(self._key(app), AES.MODE_EAX, nonce=nonce)
            data = cipher.decrypt_and_verify(ciphertext, tag)
            if flag == "z":
                data = zlib.decompress(data)
            return EncryptedSession(json.loads(data.decode("utf-8"), object_hook=binary_object_hook))
        except Exception:
            return EncryptedSession()

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.modified:
                response.delete_cookie(name, domain=domain, path=path)
            return
        data = json.dumps(dict(session), cls=BinaryAwareJSONEncoder).encode("utf-8")
        flag = "u"
        if len(data) > self.compression_threshold:
            data = zlib.compress(data)
            flag = "z"
        nonce = get_random_bytes(16)
        cipher = AES.new(self._key(app), AES.MODE_EAX, nonce=nonce)
        ciphertext, tag = cipher.encrypt_and_digest(data)
        value = ".".join([flag] + [base64.b64encode(p).decode("ascii") for p in (ciphertext, tag, nonce)])
        response.set_cookie(name, value, httponly=self.get_cookie_httponly(app), path=path,
                            domain=domain, secure=self.get_cookie_secure(app),
                            samesite=self.get_cookie_samesite(app))


def create_app(key):
    app = Flask(__name__)
    app.config["SESSION_CRYPTO_KEY"] = key
    app.session_interface = EncryptedSessionInterface()

    @app.get("/dump")
    def dump():
        payload = {
            "json": json.dumps(dict(session), cls=BinaryAwareJSONEncoder),
            "repr": repr(dict(session)),
            "empty": not session,
        }
        return app.response_class(json.dumps(payload), mimetype="application/json")

    @app.post("/set")
    def set_session():
        data = json.loads(request.get_data().decode("utf-8"), object_hook=binary_object_hook)
        session.clear()
        session.update(data)
        return "ok"

    add_routes(app)
    return app


def main():
    serve(create_app(bytes.fromhex(sys.argv[1])))


if __name__ == "__main__":
    main()
