#!/usr/bin/env python3
"""The audit as users run it: the CLI on a file, against a Python reference audit
(pycryptodome + json, with per-key sizes) on the same cookies, in the same run; scaling
over threads; peak RSS at 100,000 and 1,000,000 cookies. Twice: on the vector mix, and on
generated sessions as applications keep them. Prints figures only.

usage: audit_benchmark.py BUILD_DIR [COOKIES]
"""
import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib

from Cryptodome.Cipher import AES

SECRET = b"benchmark-secret"  # the generated file's Flask secret (AuditBenchmark.cpp)
KEY = bytes.fromhex("7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd")


def hook(obj):
    if "__type__" not in obj:
        return obj
    kind = obj.pop("__type__")
    if kind == "bytes":
        return base64.b64decode(obj["b"])
    obj["__type__"] = kind
    return obj


def signed_value_matches(cookie, secret):
    """itsdangerous as Flask configures it: HMAC-SHA1 key derivation with the salt
    "cookie-session", then HMAC-SHA1 over payload.timestamp, base64url without padding."""
    value, _, signature = cookie.rpartition(".")
    key = hmac.new(secret, b"cookie-session", hashlib.sha1).digest()
    expected = base64.urlsafe_b64encode(hmac.new(key, value.encode(), hashlib.sha1).digest())
    return hmac.compare_digest(expected.rstrip(b"="), signature.encode())


def python_audit(path, limit, secret=None):
    """What a team would write: open each cookie (checking the signature when a secret is
    given), size it, sum each key's JSON bytes."""
    sizes, keys, opened, count = [], {}, 0, 0
    with open(path, "rb") as f:
        for line in f:
            if count == limit:
                break
            count += 1
            cookie = line.strip().decode("ascii")
            sizes.append(len(cookie))
            try:
                if cookie[0] in "uz":
                    flag, c, t, n = cookie.split(".")
                    data = AES.new(KEY, AES.MODE_EAX, nonce=base64.b64decode(n)).decrypt_and_verify(
                        base64.b64decode(c), base64.b64decode(t))
                    if flag == "z":
                        data = zlib.decompress(data)
                else:
                    payload = cookie.rsplit(".", 2)[0]
                    compressed = payload.startswith(".")
                    data = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
                    if compressed:
                        data = zlib.decompress(data)
                text = data.decode("utf-8")
                session = json.loads(text, object_hook=hook)
                if cookie[0] not in "uz" and secret and not signed_value_matches(cookie, secret):
                    continue
                opened += 1
                for key, value in session.items():
                    keys[key] = keys.get(key, 0) + len(json.dumps({key: value}, default=repr)) - 2
            except Exception:
                pass
    sizes.sort()
    return count, opened


def timed_cli(cli, args, env):
    start = time.perf_counter()
    proc = subprocess.Popen([cli] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def run_dataset(build, cli, env, folder, kind, count, secret):
    """Figures for one cookie file: in process, the CLI, decode --lines, the Python reference."""
    big = os.path.join(folder, f"{kind}.txt")
    print(f"--- {kind} ---")
    print(subprocess.run([os.path.join(build, "tests/benchmarks/audit_benchmark"), str(count), big, kind],
                         capture_output=True, text=True, check=True).stdout, end="")
    small = os.path.join(folder, f"{kind}-100k.txt")
    with open(big, "rb") as src, open(small, "wb") as dst:
        for i, line in enumerate(src):
            if i == 100_000:
                break
            dst.write(line)

    key = ["--no-ring", "--key", KEY.hex()] + (["--secret", secret.decode()] if secret else [])
    seconds, _, code = timed_cli(cli, ["audit", "--threads", "1", "--format", "json"] + key + [big], env)
    cli_rate = count / seconds
    print(f"CLI audit, 1 thread, {count} cookies from a file: {cli_rate:,.0f} cookies/s (exit {code})")
    lines_seconds, _, _ = timed_cli(cli, ["decode", "--lines", "--format", "json"] + key + [big], env)
    print(f"CLI decode --lines --format json, 1 thread: {count / lines_seconds:,.0f} cookies/s")

    reference = min(count, 100_000)
    start = time.perf_counter()
    _, python_opened = python_audit(small, reference, secret)
    python_rate = reference / (time.perf_counter() - start)
    report = json.loads(subprocess.run([cli, "audit", "--format", "json"] + key + [small], env=env,
                                       capture_output=True, check=True).stdout)
    agree = "the same" if report["opened"] == python_opened else "DIFFERENT"
    print(f"Python reference audit (pycryptodome + json + per-key sizes), {reference} cookies: "
          f"{python_rate:,.0f} cookies/s; opened {python_opened}, the CLI {report['opened']} ({agree})")
    print(f"ratio, CLI audit / Python: {cli_rate / python_rate:.1f}x;  decode --lines / Python: "
          f"{count / lines_seconds / python_rate:.1f}x")
    return big, small, key


def main():
    build = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    cli = os.path.join(build, "app/cli/sessionlens-cli")
    folder = tempfile.mkdtemp()
    env = dict(os.environ, SESSIONLENS_SETTINGS=os.path.join(folder, "settings.ini"))
    run_dataset(build, cli, env, folder, "vectors", count, None)
    big, small, key = run_dataset(build, cli, env, folder, "generated", count, SECRET)

    print("--- generated, all cores ---")
    for threads in range(1, (os.cpu_count() or 1) + 1):
        seconds, _, _ = timed_cli(cli, ["audit", "--threads", str(threads), "--format", "json"] + key + [big], env)
        print(f"scaling: {threads} thread(s): {count / seconds:,.0f} cookies/s")
    for path, n in ((small, 100_000), (big, count)):
        _, rss, _ = timed_cli(cli, ["audit", "--format", "json"] + key + [path], env)
        print(f"peak RSS at {n:,} cookies: {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
