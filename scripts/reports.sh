#!/usr/bin/env bash
# Regenerates the reports the project keeps for its example in Reports/ (or OUTPUT_DIR).
# Usage: scripts/reports.sh [BIN] [OUTPUT_DIR]
# Every report is evaluated at a fixed date, so the output never depends on today.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/debug/accord}
out=${2:-$root/Reports}
meeting=2019-12-01-joint-review-2017-2019
as_of=2019-12-01
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
ACCORD_EXAMPLE_DIR="$root" "$bin" init --example "$work/tracker" >/dev/null
run() { NO_COLOR=1 "$bin" "$@" --repo "$work/tracker"; }

# Gaps, schedule and the 2019 review summary (issue 6).
run gaps --as-of "$as_of" > "$out/gaps-2019.txt"
run schedule --as-of "$as_of" > "$out/schedule-2019.txt"
run schedule --as-of "$as_of" --ics --output "$out/schedule-2019.ics"
run summary --meeting "$meeting" --format markdown --output "$out/summary-2019.md"
run summary --meeting "$meeting" --format html --output "$out/summary-2019.html"
echo "reports written to $out"
