#!/usr/bin/python3
"""The Sync button of `accord serve`: the same sync as `accord sync`.

Usage: serve_sync_test.py ACCORD_BINARY WORK_DIR

Builds the example tracker in WORK_DIR/tracker, makes a hub (a bare clone) its remote, and
has a second copy record a report and sync it to the hub. On the server (127.0.0.1, no
accounts) the Sync page lists the remote; a Sync without the form token is refused and
changes nothing; the Sync button fast-forwards to the other copy's report, the page says
so, and the dashboard's commit count follows. Exits 0 when every check passed.
"""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import http.cookiejar

ACCORD, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACKER, HUB, OTHER = (os.path.join(WORK, name) for name in ("tracker", "hub.git", "other"))
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def run(*args, cwd=None, stdin=None):
    env = dict(os.environ, ACCORD_EXAMPLE_DIR=ROOT, ACCORD_DURABILITY="relaxed",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid")
    return subprocess.run(list(args), cwd=cwd or WORK, input=stdin, capture_output=True, text=True, env=env, timeout=300)


def head(folder):
    return run("git", "-C", folder, "rev-parse", "HEAD").stdout.strip()


def main():
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["rm", "-rf", TRACKER, HUB, OTHER], check=True)
    check(run(ACCORD, "init", "--example", TRACKER).returncode == 0, "accord init --example")
    for folder in (TRACKER,):
        run("git", "config", "user.name", "Desk", cwd=folder)
        run("git", "config", "user.email", "desk@example.invalid", cwd=folder)
    check(run("git", "clone", "-q", "--bare", TRACKER, HUB).returncode == 0, "a bare hub")
    added = run(ACCORD, "remote", "add", "origin", HUB, cwd=TRACKER)
    check(added.returncode == 0, "accord remote add origin: " + added.stderr.strip())
    first = run(ACCORD, "sync", cwd=TRACKER)
    check(first.returncode == 0, "a first accord sync: " + first.stderr.strip())
    check(run("git", "clone", "-q", HUB, OTHER).returncode == 0, "the other copy")
    logged = run(ACCORD, "log", "tip-2005#7.2", "--status", "in-progress", "--party", "KH", "--note", "Other copy's report", cwd=OTHER)
    check(logged.returncode == 0, "the other copy records a report: " + logged.stderr.strip())
    pushed = run(ACCORD, "sync", cwd=OTHER)
    check(pushed.returncode == 0, "the other copy syncs it to the hub: " + pushed.stderr.strip())
    wanted = head(OTHER)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([ACCORD, "serve", "--repo", TRACKER, "--listen", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        for _ in range(600):
            try:
                page = opener.open(base + "/sync", timeout=10).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        check("origin" in page and HUB in page, "the Sync page lists the remote")
        before = head(TRACKER)
        try:
            opener.open(base + "/sync", data=b"csrf=wrong", timeout=120)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        check(status == 403 and head(TRACKER) == before, f"a Sync without the form token is refused (HTTP {status})")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        answer = opener.open(base + "/sync", data=urllib.parse.urlencode({"csrf": token}).encode(), timeout=300).read().decode()
        check("fast-forwarded" in answer and "Sync done" in answer, "the page says the sync fast-forwarded: "
              + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer))[-300:])
        check(head(TRACKER) == wanted, "the tracker now holds the other copy's report")
        item = opener.open(base + "/show?id=" + urllib.parse.quote("tip-2005#7.2", safe=""), timeout=120).read().decode()
        check("Other copy&#39;s report" in item or "Other copy's report" in item or "Other copy&apos;s report" in item,
              "the item page shows the synced report at once")
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
