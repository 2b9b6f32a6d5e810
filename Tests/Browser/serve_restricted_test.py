#!/usr/bin/python3
"""Restricted evidence in `accord serve`: who sees it.

Usage: serve_restricted_test.py ACCORD_BINARY WORK_DIR

Builds the example tracker in WORK_DIR, gives each party an age recipient, adds one sealed
restricted piece of evidence per party on the same commitment, and accounts: a VN and a KH
reporter allowed to see their own party's (--restricted own), a VN reader allowed none.
Serves it (on 127.0.0.2, accounts required) with the VN desk's age identity, signs each in
over HTTP and checks the commitment's page: each allowed reporter sees their own party's
title and not the other's; the reader sees neither; without --identity nobody does.
Exits 0 when every check passed.
"""
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ACCORD, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACKER = os.path.join(WORK, "tracker")
ITEM = "tip-2005#7.2"
TITLES = {"VN": "Interview VNSECRET at the border post", "KH": "Interview KHSECRET at the border post"}
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def run(*args, stdin=None):
    env = dict(os.environ, ACCORD_EXAMPLE_DIR=ROOT, ACCORD_DURABILITY="relaxed")
    return subprocess.run(list(args), input=stdin, capture_output=True, text=True, env=env, timeout=300, cwd=TRACKER
                          if os.path.isdir(TRACKER) else WORK)


def age_key(name):
    path = os.path.join(WORK, name + ".age")
    result = run("age-keygen", "-o", path)
    return path, re.search(r"age1[0-9a-z]+", result.stderr + result.stdout).group(0)


def serve(identity):
    with socket.socket() as s:
        s.bind(("127.0.0.2", 0))
        port = s.getsockname()[1]
    args = [ACCORD, "serve", "--repo", TRACKER, "--listen", f"127.0.0.2:{port}"] + (["--identity", identity] if identity else [])
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.2:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/login", timeout=5)
            return server, base
        except OSError:
            if server.poll() is not None:
                check(False, "accord serve started: " + server.stderr.read()[-1000:])
                sys.exit(1)
            time.sleep(0.2)
    sys.exit("the server did not start")


def item_page_as(base, name, password):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(base + "/login", timeout=120).read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf": token, "name": name, "password": password}).encode()
    opener.open(base + "/login", data=data, timeout=120).read()
    return opener.open(base + "/show?id=" + urllib.parse.quote(ITEM, safe=""), timeout=120).read().decode()


def main():
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["rm", "-rf", TRACKER], check=True)
    check(run(ACCORD, "init", "--example", TRACKER).returncode == 0, "accord init --example")
    vn_identity, vn_recipient = age_key("vn")
    _, kh_recipient = age_key("kh")
    settings = os.path.join(TRACKER, "accord.yaml")
    text = open(settings, encoding="utf-8").read()
    for name, recipient in (("Viet Nam", vn_recipient), ("Cambodia", kh_recipient)):
        check(f"    name: {name}\n" in text, f"accord.yaml names {name}")
        text = text.replace(f"    name: {name}\n", f"    name: {name}\n    recipients: [{recipient}]\n", 1)
    open(settings, "w", encoding="utf-8").write(text)
    run("git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qam", "Recipients")
    for party, title in TITLES.items():
        added = run(ACCORD, "evidence", "add", "--title", title, "--kind", "report", "--sensitivity", "restricted",
                    "--party", party, "--supports", ITEM)
        check(added.returncode == 0, f"restricted evidence of {party} added: " + added.stderr.strip())
    accounts = (("lan", "VN", "reporter", "own"), ("sok", "KH", "reporter", "own"), ("mai", "VN", "reader", None))
    for name, party, role, access in accounts:
        extra = ["--restricted", access] if access else []
        made = run(ACCORD, "user", "add", name, "--party", party, "--role", role, *extra, "--password-stdin",
                   stdin=f"{name}-password-123\n")
        check(made.returncode == 0, f"accord user add {name}: " + made.stderr.strip())
    refused = run(ACCORD, "user", "add", "x", "--party", "VN", "--role", "reader", "--restricted", "some",
                  "--password-stdin", stdin="x-password-123\n")
    check(refused.returncode == 64, "--restricted takes own or all (64)")

    server, base = serve(vn_identity)
    try:
        pages = {name: item_page_as(base, name, f"{name}-password-123") for name, _, _, _ in accounts}
    finally:
        server.terminate()
        server.wait(timeout=30)
    check(TITLES["VN"] in pages["lan"] and TITLES["KH"] not in pages["lan"], "a VN reporter sees VN's restricted title only")
    check(TITLES["KH"] in pages["sok"] and TITLES["VN"] not in pages["sok"], "a KH reporter sees KH's restricted title only")
    check(all(title not in pages["mai"] for title in TITLES.values()), "a reader without --restricted sees none")
    check(pages["mai"].count("restricted") >= 2, "the reader still sees that restricted evidence exists")

    server, base = serve(None)
    try:
        page = item_page_as(base, "lan", "lan-password-123")
    finally:
        server.terminate()
        server.wait(timeout=30)
    check(all(title not in page for title in TITLES.values()), "without --identity nobody sees restricted titles")
    print(f"{len(failures)} failed" if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
