#!/usr/bin/python3
"""Starlette's SessionMiddleware (Debian's python3-starlette), run by Starlette's own TestClient
(httpx, in process: no socket at all), for the interop tests. One JSON request a line on stdin,
one JSON answer a line on stdout:

  {"op": "make", "secret": S, "timestamp": T, "session_json": J}
      a route sets the session to json.loads(J); the middleware signs it at time T.
      -> {"ok": true, "cookie": <the Set-Cookie value>, "set_cookie": <the whole header>}
  {"op": "sign", "secret": S, "timestamp": T, "payload": P}
      the middleware's own signer, TimestampSigner(S), signs the text P at time T (a payload the
      middleware never writes, such as JSON without json.dumps' separators).
      -> {"ok": true, "cookie": ...}
  {"op": "read", "secret": S, "cookie": C, "now": T, "max_age": M (optional, null: none)}
      the middleware reads C at time T (default: the clock); a route returns json.dumps of the
      session it got. -> {"ok": true, "status": 200, "session_json": ..., "empty": bool}

The timestamp is fixed by patching itsdangerous' TimestampSigner.get_timestamp, which both the
signing and the age check call.
"""
import json
import sys
import time

import itsdangerous
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

CLOCK = {"now": None}


def fixed_timestamp(self):
    return CLOCK["now"] if CLOCK["now"] is not None else int(time.time())


itsdangerous.TimestampSigner.get_timestamp = fixed_timestamp


async def set_session(request):
    body = await request.body()
    request.session.clear()
    request.session.update(json.loads(body))
    return PlainTextResponse("ok")


async def read_session(request):
    return PlainTextResponse(json.dumps(request.session))


def app_for(secret, max_age):
    return Starlette(
        routes=[Route("/set", set_session, methods=["POST"]), Route("/read", read_session)],
        middleware=[Middleware(SessionMiddleware, secret_key=secret, max_age=max_age)],
    )


DEFAULT_MAX_AGE = 14 * 24 * 60 * 60


def answer(request):
    secret = request["secret"]
    max_age = request.get("max_age", DEFAULT_MAX_AGE)
    client = TestClient(app_for(secret, max_age), raise_server_exceptions=False)
    if request["op"] == "make":
        CLOCK["now"] = request["timestamp"]
        response = client.post("/set", content=request["session_json"].encode("utf-8"))
        header = response.headers.get("set-cookie", "")
        value = header.split(";", 1)[0].split("=", 1)[1] if "=" in header else ""
        return {"ok": response.status_code == 200, "cookie": value, "set_cookie": header}
    if request["op"] == "sign":
        CLOCK["now"] = request["timestamp"]
        signer = itsdangerous.TimestampSigner(str(secret))
        return {"ok": True, "cookie": signer.sign(request["payload"].encode("utf-8")).decode()}
    if request["op"] == "read":
        CLOCK["now"] = request.get("now")
        response = client.get("/read", headers={"cookie": "session=" + request["cookie"]})
        return {"ok": True, "status": response.status_code, "session_json": response.text,
                "empty": response.text == "{}"}
    return {"ok": False, "error": "unknown op"}


def main():
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line))
        except Exception as error:  # the test prints it: a probe that dies tells nothing
            reply = {"ok": False, "error": repr(error)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
