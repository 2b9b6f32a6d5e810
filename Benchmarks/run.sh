#!/usr/bin/env bash
# GitStore benchmarks: commit throughput into a 10,000-record tracker, and path history on a
# 20,000-commit repository next to `git log -- PATH`. Usage: Benchmarks/run.sh [DATA_DIR]
# Results go to stdout; copy them into Benchmarks/README.md with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-Benchmarks/data}
if ! command -v hyperfine >/dev/null; then
  echo "run.sh: installing hyperfine (apt-get)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq hyperfine >/dev/null || echo "run.sh: no hyperfine; timing with the tools' own clocks only"
fi
swift build -c release --product accord-bench >/dev/null
bench=$(swift build -c release --show-bin-path)/accord-bench
rm -rf "$data" && mkdir -p "$data"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "== libgit2 $(pkg-config --modversion libgit2), $(git --version), fsync on"

echo "== commits/s into a tracker holding 10,000 records (fsync on)"
"$bench" seed --repo "$data/records" --records 10000
"$bench" commit-loop --repo "$data/records" --count 200 --files 1 --prefix one
"$bench" commit-loop --repo "$data/records" --count 100 --files 10 --prefix ten

echo "== path history on a 20,000-commit repository (Plans/plan.yaml changed in 400 of them)"
"$bench" seed --repo "$data/history" --records 20000 --commits 20000
"$bench" history --repo "$data/history" --path Plans/plan.yaml
ours=$("$bench" history --repo "$data/history" --path Plans/plan.yaml --ids | md5sum)
theirs=$(git -C "$data/history" log --format=%H -- Plans/plan.yaml | md5sum)
[ "$ours" = "$theirs" ] && echo "same commits as git log" || echo "DIFFERENT from git log"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 --export-json "$data/history.json" \
    -n gitstore "$bench history --repo $data/history --path Plans/plan.yaml" \
    -n git "git -C $data/history log --format=%H -- Plans/plan.yaml"
  python3 - "$data/history.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"ratio gitstore/git: {r['gitstore'] / r['git']:.1f}x")
PY
fi
