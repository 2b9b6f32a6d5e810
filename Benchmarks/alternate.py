#!/usr/bin/env python3
"""Times commands in turn (A B A B ...) and prints, for each, the median wall time, CPU time
(user + system of the command and its children) and peak memory, and the median of the
pair-by-pair ratios of each command to the last one (the yardstick). Alternating keeps a
ratio meaningful on a shared machine whose speed drifts from minute to minute.

Usage: alternate.py RUNS 'NAME|PREPARE|COMMAND' ... (shell words; PREPARE may be empty and
is not timed). Output: one Markdown row per command, and the raw figures with --json FILE.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def run_once(prepare, command):
    if prepare:
        subprocess.run(prepare, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    child = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"alternate.py: exit {child.returncode}: {command}")
    # ru_maxrss of wait4 is the largest process among those waited for (the shell or the command).
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    args = sys.argv[1:]
    out = None
    if args and args[0] == "--json":
        out, args = args[1], args[2:]
    runs = int(args[0])
    entries = [entry.split("|", 2) for entry in args[1:]]
    figures = {name: [] for name, _, _ in entries}
    for _ in range(runs):
        for name, prepare, command in entries:
            figures[name].append(run_once(prepare, command))
    yardstick = entries[-1][0]
    for name, _, _ in entries:
        walls = [f[0] for f in figures[name]]
        cpus = [f[1] for f in figures[name]]
        peak = max(f[2] for f in figures[name])
        ratio = ""
        if name != yardstick:
            pairs = [a[0] / b[0] for a, b in zip(figures[name], figures[yardstick])]
            ratio = f"{statistics.median(pairs):.2f}× ({min(pairs):.2f}–{max(pairs):.2f})"
        print(f"| {name} | {statistics.median(walls) * 1000:.0f} ms ({min(walls) * 1000:.0f}–{max(walls) * 1000:.0f}) "
              f"| {statistics.median(cpus) * 1000:.0f} ms | {peak:.0f} MB | {ratio} |")
    if out:
        with open(out, "w") as file:
            json.dump(figures, file)


if __name__ == "__main__":
    main()
