"""Runs a test app on a free loopback port: prints the port on the first line
of standard output, and exits when standard input closes, so the app never
outlives the test that started it."""
import os
import sys
import threading

from werkzeug.serving import make_server


def serve(app):
    server = make_server("127.0.0.1", 0, app)
    print(server.server_port, flush=True)

    def watch_stdin():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()
