#!/usr/bin/env python3
"""Writes the capture fixtures from the shared vectors, in the shapes the HAR 1.2 spec and
the browsers' exports give them (Chrome: cookies lists and headers, with extra fields;
Firefox: the same with its own field order and a "comment"), plus the broken kinds."""
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
vectors = json.loads((here.parent / "session_cookies.json").read_text())
enc = {v["name"]: v["cookie"] for v in vectors["encrypted_session"]}
signed = [v["cookie"] for v in vectors["flask_default"]]
first, second = enc["login"], enc["flash"]


def entry(url, started, status, request_cookie=None, set_cookie=None, lists=True, extra_headers=()):
    request_headers = [{"name": "Host", "value": "app.test"}, *extra_headers]
    response_headers = [{"name": "Content-Type", "value": "text/html"}]
    request_cookies, response_cookies = [], []
    if request_cookie:
        request_headers.append({"name": "Cookie", "value": f"theme=dark; session={request_cookie}"})
        if lists:
            request_cookies = [{"name": "theme", "value": "dark"}, {"name": "session", "value": request_cookie}]
    if set_cookie:
        response_headers.append({"name": "Set-Cookie", "value": f"session={set_cookie}; HttpOnly; Path=/"})
        if lists:
            response_cookies = [{"name": "session", "value": set_cookie, "path": "/", "httpOnly": True, "secure": False}]
    return {
        "startedDateTime": started,
        "time": 12.5,
        "request": {"method": "GET", "url": url, "httpVersion": "HTTP/1.1", "cookies": request_cookies,
                    "headers": request_headers, "queryString": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": status, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": response_cookies,
                     "headers": response_headers, "content": {"size": 0, "mimeType": "text/html"},
                     "redirectURL": "", "headersSize": -1, "bodySize": 0},
        "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 2.5},
    }


def har(creator, entries):
    return {"log": {"version": "1.2", "creator": {"name": creator, "version": "1"}, "pages": [], "entries": entries}}


chrome = har("WebInspector", [
    entry("http://app.test/login", "2026-11-20T10:00:00.000Z", 302, set_cookie=first),
    entry("http://app.test/account", "2026-11-20T10:00:01.250Z", 200, request_cookie=first, set_cookie=second),
    entry("http://other.test/", "2026-11-20T10:00:02.000Z", 200, set_cookie=signed[0]),
])
firefox = har("Firefox", [
    entry("http://app.test/login", "2026-11-20T11:00:00.000+01:00", 302, set_cookie=first, lists=False),
    entry("http://app.test/account", "2026-11-20T11:00:01.000+01:00", 200, request_cookie=first, lists=False),
])
sanitized = har("WebInspector", [
    {**entry("http://app.test/login", "2026-11-20T10:00:00.000Z", 302)},
    {**entry("http://app.test/account", "2026-11-20T10:00:01.000Z", 200)},
])
(here / "chrome.har").write_text(json.dumps(chrome, indent=2))
(here / "firefox.har").write_text(json.dumps(firefox, indent=2))
(here / "sanitized.har").write_text(json.dumps(sanitized, indent=2))
(here / "truncated.har").write_text(json.dumps(chrome, indent=2)[:700])
(here / "not-a-har.json").write_text(json.dumps({"log": {"version": "1.2"}, "other": 1}))
(here / "cookies.txt").write_text(
    "# Netscape HTTP Cookie File\n"
    "# https://curl.se/docs/http-cookies.html\n\n"
    f"#HttpOnly_app.test\tFALSE\t/\tFALSE\t0\tsession\t{first}\n"
    "app.test\tFALSE\t/\tFALSE\t0\ttheme\tdark\n"
    f".other.test\tTRUE\t/\tTRUE\t2000000000\tsession\t{signed[0]}\n"
    "broken line without tabs\n")
(here / "cookies.list").write_text(
    f"{first}\n\nCookie: theme=dark; session={second}\r\n"
    f"Set-Cookie: session={signed[0]}; HttpOnly; Path=/\n"
    "# a comment\n"
    "this is not a cookie at all\n"
    f"{signed[1]}")
