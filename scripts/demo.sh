#!/usr/bin/env bash
# The tour of accord on its built-in example. Usage: scripts/demo.sh BIN OUTPUT_DIR
set -euo pipefail
bin=${1:-.build/debug/accord}
out=${2:-demo-output}
rm -rf "$out"
mkdir -p "$out"
tracker="$out/tracker"
echo "== accord init $tracker"
"$bin" init "$tracker"
echo
echo "== git log of the new tracker"
git -C "$tracker" log --format='%h %ad %an  %s' --date=short
