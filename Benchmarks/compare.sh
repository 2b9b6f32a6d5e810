#!/usr/bin/env bash
# Two builds of accord side by side on the same data, on one machine, in one run: e.g. the
# previous stop's binary against this one, when the machine the earlier figures were taken
# on is gone. Usage: Benchmarks/compare.sh OLD_ACCORD NEW_ACCORD [DATA_DIR]
# DATA_DIR holds full.git (made by Benchmarks/run.sh with SCALE=full). Each binary gets its
# own clone (their cache formats may differ). Prints cold runs (alternating, one each, twice),
# whether their outputs are identical, warm hyperfine medians, and five `accord log` runs each.
set -euo pipefail
old=${1:?usage: compare.sh OLD_ACCORD NEW_ACCORD [DATA_DIR]}
new=${2:?usage: compare.sh OLD_ACCORD NEW_ACCORD [DATA_DIR]}
data=${3:-Benchmarks/data}
cd "$data"
rm -rf compare-old compare-new
git clone -q full.git compare-old
git clone -q full.git compare-new
echo "== cold (one run each, alternating)"
for name in status gaps; do
  for _ in 1 2; do
    for side in old new; do
      binary=$old; [ "$side" = new ] && binary=$new
      rm -rf "compare-$side/.git/accord/cache"
      /usr/bin/time -f "$side $name cold %e s %M KB" "$binary" "$name" --repo "compare-$side" >/dev/null
    done
  done
done
echo "== outputs"
for command in "status" "status --json" "schedule" "gaps" "validate" "show plan-01#1.1" "show agr-01#1.1" \
               "history plan-01#1.1" "history --limit 300 --json" "summary"; do
  # shellcheck disable=SC2086
  "$old" $command --repo compare-old >/tmp/compare-old.txt 2>&1 || true
  # shellcheck disable=SC2086
  "$new" $command --repo compare-new >/tmp/compare-new.txt 2>&1 || true
  if cmp -s /tmp/compare-old.txt /tmp/compare-new.txt; then echo "identical: $command"; else echo "DIFFERENT: $command"; fi
done
echo "== warm (hyperfine medians of 10 runs: old / new)"
for command in "status" "schedule" "gaps" "show plan-01#1.1" "history plan-01#1.1" "summary --format html"; do
  hyperfine -N --warmup 2 --runs 10 --export-json /tmp/compare.json \
    "$old $command --repo compare-old" "$new $command --repo compare-new" >/dev/null 2>&1
  python3 -c "
import json
results = json.load(open('/tmp/compare.json'))['results']
print('$command:', ' / '.join('%.0f ms' % (r['median'] * 1000) for r in results))"
done
echo "== accord log, five reports each, then status"
for side in old new; do
  binary=$old; [ "$side" = new ] && binary=$new
  for day in 25 26 27 28 29; do
    /usr/bin/time -f "$side log %e s %M KB" "$binary" log --repo "compare-$side" "plan-01#1.1" --status in-progress \
      --party VN --date "2024-12-$day" --by Bench --note benchmark >/dev/null
  done
  /usr/bin/time -f "$side status after %e s" "$binary" status --repo "compare-$side" >/dev/null
  du -sh "compare-$side/.git/accord/cache/records"
done
