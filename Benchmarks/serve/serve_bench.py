#!/usr/bin/python3
"""Loopback benchmark of `accord serve`, bounded in time and size.

Usage: serve_bench.py ACCORD_BINARY TRACKER ITEM_ID [CLIENTS] [REPORTS_EACH]

Starts the server on 127.0.0.1 (no accounts), then
1. times warm page loads: the dashboard, ITEM_ID's page, the gaps and the schedule, 5
   warm-up loads each, then the median of 30;
2. runs CLIENTS threads (default 20), each taking its own session and form token and
   posting REPORTS_EACH (default 50) status reports on ITEM_ID through the log form;
3. counts the commits made (must equal CLIENTS x REPORTS_EACH: none lost), runs
   `git fsck --strict`, and reads the server's resident memory (VmRSS) after the run and
   the processor time it spent on the posts.
Prints one line per figure. Each request has a 120 s timeout; the run stops at the first
failure.
"""
import concurrent.futures
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

accord, tracker, item = sys.argv[1], sys.argv[2], sys.argv[3]
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 20
each = int(sys.argv[5]) if len(sys.argv) > 5 else 50


def commits():
    return int(subprocess.run(["git", "-C", tracker, "rev-list", "--count", "HEAD"],
                              capture_output=True, text=True, check=True).stdout)


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = f"http://127.0.0.1:{port}"
server = subprocess.Popen([accord, "serve", "--repo", tracker, "--listen", f"127.0.0.1:{port}"],
                          stderr=subprocess.DEVNULL)
try:
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/history", timeout=120)
            break
        except OSError:
            time.sleep(0.2)

    def timed(path, runs=30, warm=5):
        for _ in range(warm):
            urllib.request.urlopen(base + path, timeout=120).read()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            urllib.request.urlopen(base + path, timeout=120).read()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times), min(times), max(times)

    item_path = "/show?id=" + urllib.parse.quote(item, safe="")
    for name, path in (("dashboard", "/"), ("item " + item, item_path), ("gaps", "/gaps"), ("schedule", "/schedule")):
        median, low, high = timed(path)
        print(f"page {name}: median {median:.1f} ms (min {low:.1f}, max {high:.1f}) over 30 warm loads", flush=True)

    before = commits()

    def client(number):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = opener.open(base + "/log", timeout=120).read().decode()
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        failures = 0
        for n in range(each):
            data = urllib.parse.urlencode({"csrf": token, "target": item, "status": "in-progress", "party": "VN",
                                           "note": f"benchmark client {number} report {n}"}).encode()
            answer = opener.open(base + "/log", data=data, timeout=120).read().decode()
            if "recorded sr-" not in answer:
                failures += 1
        return failures

    def cpu_seconds():
        # The server's own processor time, user and system: on a machine shared with
        # other work this, unlike the elapsed time, is the server's cost alone.
        fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    cpu_before = cpu_seconds()
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        failed = sum(pool.map(client, range(clients)))
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    made = commits() - before
    print(f"posts: {clients} clients x {each} reports in {elapsed:.1f} s ({clients * each / elapsed:.1f} per second); "
          f"{made} commits, {clients * each - made} lost, {failed} refused; server processor time "
          f"{cpu:.1f} s ({cpu * 1000 / max(made, 1):.0f} ms a report)", flush=True)
    with open(f"/proc/{server.pid}/status") as status:
        rss = next(line for line in status if line.startswith("VmRSS")).split()[1]
    print(f"server resident memory after the run: {int(rss) / 1024:.0f} MB", flush=True)
finally:
    server.terminate()
    server.wait(timeout=30)
fsck = subprocess.run(["git", "-C", tracker, "fsck", "--strict"], capture_output=True, text=True)
print("git fsck --strict: " + ("clean" if fsck.returncode == 0 else "FAILED " + fsck.stderr[:500]))
