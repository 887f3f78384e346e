"""Python reference for the crack benchmark: itsdangerous' own Signer, one per
candidate (the secret changes every time), over the same wordlist and cookie.
Prints guesses per second."""
import hashlib
import sys
import time

from itsdangerous import Signer


def main():
    cookie, wordlist = sys.argv[1], sys.argv[2]
    value, signature = cookie.encode().rsplit(b".", 1)
    words = open(wordlist, "rb").read().split(b"\n")
    start = time.perf_counter()
    tried = 0
    for word in words:
        signer = Signer(word, salt="cookie-session", key_derivation="hmac", digest_method=hashlib.sha1)
        if signer.verify_signature(value, signature):
            break
        tried += 1
    elapsed = time.perf_counter() - start
    print(f"{tried / elapsed:.1f}")


if __name__ == "__main__":
    main()
