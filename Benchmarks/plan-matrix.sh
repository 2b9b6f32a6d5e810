#!/usr/bin/env bash
# Times `plan import` of a large plan matrix and the exports of the plan it makes:
#   Benchmarks/plan-matrix.sh ACCORD [ITEMS]
# The matrix has ITEMS items (default 2,000) in 10 areas, two rows each (VN and KH lead
# agencies), written as CSV with a fixed pattern; the tracker is the example's.
set -euo pipefail
accord=$(realpath "$1"); items=${2:-2000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
ACCORD_EXAMPLE_DIR=$(dirname "$0")/.. "$accord" init --example "$work/tracker" >/dev/null
python3 - "$work/matrix.csv" "$items" <<'PY'
import csv, sys
path, items = sys.argv[1], int(sys.argv[2])
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["area", "area title", "item", "title", "lead agency", "party", "target", "period"])
    for n in range(items):
        area = 10 + n % 10
        item = f"{area}.{n // 10 + 1}"
        w.writerow([area, f"Area {area}", item, f"Hoạt động số {n} về phòng, chống mua bán người", "Bộ Công an", "VN", f"{n} cán bộ", "2021-2025"])
        w.writerow([area, "", item, "", "ក្រសួងមហាផ្ទៃ", "KH", "", ""])
PY
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e s  %M KB" -o "$work/time" "$@" >/dev/null
  printf '%-48s %s\n' "$label" "$(cat "$work/time")"
}
cd "$work/tracker"
measure "plan import --dry-run ($items items, $((items * 2)) rows)" "$accord" plan import "$work/matrix.csv" --plan plan-2017-2020 --dry-run
measure "plan import ($items items, one commit)" "$accord" plan import "$work/matrix.csv" --plan plan-2017-2020
measure "list items --format xlsx" "$accord" list items --as-of 2022-01-01 --format xlsx --output "$work/items.xlsx"
measure "list items --csv" "$accord" list items --as-of 2022-01-01 --csv --output "$work/items.csv"
measure "summary --format docx" "$accord" summary --as-of 2022-01-01 --format docx --output "$work/summary.docx"
ls -l "$work/items.xlsx" "$work/summary.docx" | awk '{print $5, $9}'
