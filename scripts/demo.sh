#!/usr/bin/env bash
# The tour of accord on its built-in example. Usage: scripts/demo.sh BIN OUTPUT_DIR
# Builds the example tracker, prints its status, gaps and next reviews, and writes the
# 2019 review summary (Markdown and HTML) and the review calendar (.ics).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "${1:-.build/debug/accord}")" && pwd)/$(basename "${1:-.build/debug/accord}")
out=${2:-demo-output}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/tracker"
tracker="$out/tracker"
meeting=2019-12-01-joint-review-2017-2019
as_of=2019-12-01
accord() { echo; echo "\$ accord $*"; "$bin" "$@" --repo "$tracker"; }

echo "== accord init --example $tracker"
ACCORD_EXAMPLE_DIR="$root" "$bin" init --example "$tracker"
git -C "$tracker" log --format='%h %ad %s' --date=short | tail -n 3
if "$bin" status --help >/dev/null 2>&1; then accord status --as-of "$as_of" || true; fi
accord gaps --as-of "$as_of" --fail-on high || echo "(gaps --fail-on high exits 1: there are high-severity gaps)"
accord schedule --as-of "$as_of" --horizon 12m
"$bin" summary --repo "$tracker" --meeting "$meeting" --format markdown --output "$out/summary-2019.md"
"$bin" summary --repo "$tracker" --meeting "$meeting" --format html --output "$out/summary-2019.html"
"$bin" schedule --repo "$tracker" --as-of "$as_of" --ics --output "$out/schedule.ics"
echo
echo "== written"
echo "  tracker:               $tracker"
echo "  2019 summary (md):     $out/summary-2019.md"
echo "  2019 summary (html):   $out/summary-2019.html"
echo "  review calendar (ics): $out/schedule.ics"
