"""A Quart app (Debian's python3-quart, served by hypercorn) with Quart's default signed
session, for the interop tests: the same routes as flask_default_app.py. Prints its port first
and exits when standard input closes.

  GET  /dump   {"json": the tagged JSON Quart would sign, "repr": repr(dict(session)), "empty": bool}
  POST /set    replaces the session with the tagged JSON body; the response signs it
"""
import asyncio
import json
import os
import socket
import sys
import threading

from hypercorn.asyncio import serve as hypercorn_serve
from hypercorn.config import Config
from quart import Quart, request, session


def create_app(secret):
    app = Quart(__name__)
    app.config["SECRET_KEY"] = secret
    serializer = app.session_interface.serializer

    @app.get("/dump")
    async def dump():
        payload = {
            "json": serializer.dumps(dict(session)),
            "repr": repr(dict(session)),
            "empty": not session,
        }
        return app.response_class(json.dumps(payload), mimetype="application/json")

    @app.post("/set")
    async def set_session():
        data = serializer.loads((await request.get_data()).decode("utf-8"))
        session.clear()
        session.update(data)
        return "ok"

    return app


def main():
    # The socket is bound here, so that its free port is known before hypercorn serves it.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.accesslog = None
    config.errorlog = None
    print(sock.getsockname()[1], flush=True)

    def watch_stdin():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    asyncio.run(hypercorn_serve(create_app(sys.argv[1]), config))


if __name__ == "__main__":
    main()
