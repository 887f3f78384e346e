"""Python reference for the decode benchmark: what the server does per cookie
(split, base64, AES-EAX with pycryptodome, zlib, json.loads with the bytes
hook), over the same vector mix. Prints cookies per second."""
import base64
import json
import sys
import time
import zlib

from Cryptodome.Cipher import AES


def hook(obj):
    if obj.get("__type__") == "bytes":
        return base64.b64decode(obj["b"])
    return obj


def decode(key, cookie):
    flag, ciphertext, tag, nonce = cookie.split(".")
    ciphertext, tag, nonce = (base64.b64decode(p) for p in (ciphertext, tag, nonce))
    data = AES.new(key, AES.MODE_EAX, nonce=nonce).decrypt_and_verify(ciphertext, tag)
    if flag == "z":
        data = zlib.decompress(data)
    return json.loads(data.decode("utf-8"), object_hook=hook)


def main():
    vectors = json.load(open(sys.argv[1]))["encrypted_session"]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    mix = [(bytes.fromhex(v["key_hex"]), v["cookie"]) for v in vectors]
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for key, cookie in mix:
            decode(key, cookie)
        count += len(mix)
    elapsed = time.perf_counter() - start
    print(f"{count / elapsed:.1f}")


if __name__ == "__main__":
    main()
