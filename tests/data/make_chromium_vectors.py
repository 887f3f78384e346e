#!/usr/bin/python3
"""Known answers for Chromium's Linux cookie encryption, made with pycryptodome (Debian's
python3-pycryptodome, module Cryptodome) from Chromium's published scheme, not with
SessionLens's own encryptor:

    key   = PBKDF2-HMAC-SHA1(password, b"saltysalt", 1 iteration, 16 bytes)
    value = b"v10" or b"v11" + AES-128-CBC(key, iv = 16 spaces, PKCS#7 padding)(plaintext)

where, from database meta version 24 on, the plaintext is SHA-256(host_key) + the cookie value.
"v10" uses the fixed password b"peanuts"; "v11" a password from the Secret Service.
Run: /usr/bin/python3 tests/data/make_chromium_vectors.py > tests/data/chromium_cookie_vectors.json
"""
import hashlib
import json

from Cryptodome.Cipher import AES
from Cryptodome.Hash import SHA1
from Cryptodome.Protocol.KDF import PBKDF2
from Cryptodome.Util.Padding import pad


def encrypt(version, password, host, host_prefix, value):
    key = PBKDF2(password, b"saltysalt", dkLen=16, count=1, hmac_hash_module=SHA1)
    plaintext = (hashlib.sha256(host).digest() if host_prefix else b"") + value
    cipher = AES.new(key, AES.MODE_CBC, iv=b" " * 16)
    return version + cipher.encrypt(pad(plaintext, 16))


CASES = [
    # name, version, password, host, host_prefix, value
    ("v10 flask session", b"v10", b"peanuts", b"localhost", False,
     b".eJyrVkrNTczMUbJSKs1LVqoFAC9JBc8.Zx1A2w.QZ8m9uE0qVQWvWqY4a3cDnpWbzA"),
    ("v10 with host hash", b"v10", b"peanuts", b".example.com", True,
     b"u.7mQ8GXmZkU4.Zp3nVw1lGQ.wP1k2xC0jZ0"),
    ("v10 empty value", b"v10", b"peanuts", b"localhost", False, b""),
    ("v10 one block exactly", b"v10", b"peanuts", b"localhost", False, b"0123456789abcdef"),
    ("v11 secret service password", b"v11", b"fW3cPq9Zr1LkXy0sTb7uVg==", b"127.0.0.1", True,
     b"z.eJwLzs9NVSjPL8pJUQQAFXEEMg.3vB1.kq9.n0nce"),
    ("v11 long value", b"v11", b"another-keyring-password", b"app.test", False, b"x" * 3000),
]


def main():
    vectors = []
    for name, version, password, host, host_prefix, value in CASES:
        vectors.append({
            "name": name,
            "version": version.decode(),
            "password_hex": password.hex(),
            "host": host.decode(),
            "host_prefix": host_prefix,
            "value_hex": value.hex(),
            "encrypted_hex": encrypt(version, password, host, host_prefix, value).hex(),
        })
    print(json.dumps({"source": "tests/data/make_chromium_vectors.py (pycryptodome)",
                      "vectors": vectors}, indent=1))


if __name__ == "__main__":
    main()
