#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (corpus/<name>/) from tests/data.

Run it again when the vector files change; libFuzzer grows its own corpus from these.
"""
import hashlib
import json
import pathlib
import zlib

here = pathlib.Path(__file__).resolve().parent
vectors = json.loads((here.parent / "data" / "session_cookies.json").read_text())


def put(target, data):
    folder = here / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


plaintexts = [v["plaintext"].encode() for v in vectors["encrypted_session"]]
payloads = [v["payload"].encode() for v in vectors["flask_default"]]
cookies = [v["cookie"].encode() for section in ("encrypted_session", "encrypted_session_invalid", "flask_default")
           for v in vectors[section]]
# Flask-WTF's form tokens (format wtf-csrf), valid and damaged, made by Flask-WTF itself.
wtf = json.loads((here.parent / "data" / "wtf_csrf_vectors.json").read_text())
csrf_tokens = [v["token"].encode() for section in ("valid", "invalid") for v in wtf[section]
               if v["token"]]

remember = json.loads((here.parent / "data" / "remember_vectors.json").read_text())
remember_cookies = [v["cookie"].encode() for v in remember["valid"][:4] + remember["invalid"][:5]]
django = json.loads((here.parent / "data" / "django_vectors.json").read_text())
django_cookies = [v["cookie"].encode() for section in ("valid", "invalid", "expired")
                  for v in django[section]]

for cookie in cookies + remember_cookies + django_cookies:
    put("cookie_open", b"\x00" + cookie)
for token in csrf_tokens:
    put("cookie_open", b"\x00" + token)
for text in plaintexts:
    put("cookie_open", b"\x01" + text)
    put("cookie_open", b"\x02" + zlib.compress(text))
for text in plaintexts:
    put("json_roundtrip", b"\x00" + text)
for text in payloads:
    put("json_roundtrip", b"\x01" + text)
for key in (b"b'\\x8e;\\xa9=\\x11\\xf7\\r\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08'",
            b"app.config['SESSION_CRYPTO_KEY'] = b\"0123456789abcdef\"",
            b"7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd",
            b"0x00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff",
            b"eXEInbq5FNtKU6M5oaBLGmhYP4vJIImn9JHaZ2SxXv0=",
            b"eXEInbq5FNtKU6M5oaBLGmhYP4vJIImn9JHaZ2SxXv0"):
    put("key_text", key)
for fixture in sorted((here.parent / "data" / "capture").glob("*")):
    if fixture.suffix != ".py":
        put("import", fixture.read_bytes())
# fuzz_import's HAR recipes (first byte 0x01): cookie count, repeats, value stems.
put("import", b"\x01\xff\xff\x00" + cookies[0] + b"\n" + cookies[-1])
put("import", b"\x01\x10\x00\x03session\nother\n")
# HARs whose request's User-Agent is at and just over RequestClient's 8 KiB bound, and one
# of quotes, a control, Latin-1 and a character beyond it.
for user_agent in ("A" * 8192, "A" * 8193, "Mozilla/5.0 \"q\" \x01 \xff \u20ac"):
    put("import", json.dumps({"log": {"entries": [{
        "request": {"url": "http://app.test/", "headers": [
            {"name": "User-Agent", "value": user_agent},
            {"name": "Cookie", "value": "session=eyJfaWQiOiJ4In0.ZVXmgA.abc"}]},
        "response": {"status": 200, "headers": [
            {"name": "Set-Cookie", "value": "session=eyJfdXNlcl9pZCI6IjQyIn0.ZVXmgA.def; Path=/"}]},
    }]}}).encode())
for cookie in remember_cookies:
    put("cookie_text", b"remember_token=" + cookie)
for cookie in django_cookies[:2] + django_cookies[8:10]:
    put("cookie_text", cookie)
    put("cookie_text", b"Cookie: csrftoken=x; sessionid=" + cookie)
for token in csrf_tokens[:3]:
    put("cookie_text", b"csrf_token=" + token)
for cookie in cookies[:6]:
    put("cookie_text", cookie)
    put("cookie_text", b"Cookie: theme=dark; session=" + cookie + b"; lang=en")
    put("cookie_text", b"Set-Cookie: session=" + cookie + b"; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly; Path=/")
    put("cookie_text", b"session=\"" + cookie + b"\"")
# Starlette's SessionMiddleware cookies (standard base64 payloads, some of Flask's alphabet too).
starlette = json.loads((here.parent / "data" / "starlette_vectors.json").read_text())
for v in starlette["valid"] + starlette["invalid"]:
    put("cookie_open", b"\x00" + v["cookie"].encode())
for v in starlette["valid"][:4]:
    put("cookie_text", v["cookie"].encode())
    put("cookie_text", b"Cookie: theme=dark; session=" + v["cookie"].encode() + b"; lang=en")
