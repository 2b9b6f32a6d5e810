#!/usr/bin/env bash
# Regenerates the reports kept in Reports/ from the example tracker, with the built binary.
# Usage: scripts/reports.sh [path/to/accord]   (default .build/debug/accord; `make reports`)
# Each engineer owns one section below; a test compares every file with a fresh run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${1:-$ROOT/.build/debug/accord}"
OUT="${REPORTS_DIR:-$ROOT/Reports}"  # REPORTS_DIR: write elsewhere (the freshness test does)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$OUT"
"$BIN" init --example --example-dir "$ROOT" "$WORK/tracker" >/dev/null
export ACCORD_REPO="$WORK/tracker" NO_COLOR=1 ACCORD_LANG=en ACCORD_UID_DOMAIN=accord.invalid  # English whatever the locale; calendar UIDs the same on every machine

# --- revisions: the 2012 amendment of tip-2005 (owner: revisions) ---
"$BIN" diff tip-2005 tip-2005@2005-10-10 tip-2005@2012-09-28 --format markdown --output "$OUT/tip-2005-2005-to-2012.md"
"$BIN" diff tip-2005 tip-2005@2005-10-10 tip-2005@2012-09-28 --format html --output "$OUT/tip-2005-2005-to-2012.html"

# --- reports: gaps, schedule and the 2019 review summary, at fixed dates (owner: reports) ---
"$BIN" gaps --as-of 2019-12-01 > "$OUT/gaps-2019.txt"
"$BIN" schedule --as-of 2019-12-01 > "$OUT/schedule-2019.txt"
"$BIN" schedule --as-of 2019-12-01 --ics --output "$OUT/schedule-2019.ics"
"$BIN" summary --meeting 2019-12-01-joint-review-2017-2019 --format markdown --output "$OUT/summary-2019.md"
"$BIN" summary --meeting 2019-12-01-joint-review-2017-2019 --format html --output "$OUT/summary-2019.html"

echo "Reports regenerated in $OUT"
