#!/usr/bin/env bash
# accord benchmarks. Usage: [SCALE=tenth|full] [PART=all|tracker|verify|sync|reads|import|gitstore|diff] [BIN_DIR=...]
#                          Benchmarks/run.sh [DATA_DIR]
#
# tracker:  generates a synthetic tracker (accord-bench generate, seed 8; kept in DATA_DIR and
#           reused, REGEN=1 makes it again), clones it, then times accord's commands warm (record
#           cache present) and cold (fresh clone, no cache), peak memory, and the git floors
#           (ls-tree | cat-file --batch; git log -- PATH) on the same clone in the same run.
# gitstore: commit throughput into a 10,000-record tracker and path history next to git log.
# verify:   accord verify next to git fsck on a clone of the tracker.
# sync:     accord sync receiving one report, and needing a merge, next to git pull (and push);
#           the first status after such a sync and after such a git pull, next to a warm one.
# reads:    warm and cold status, schedule and gaps next to git's floor (ls-tree | cat-file).
# import:   (on DATA_DIR/SCALE.git, generated when missing)
#           `accord import reports` of IMPORT_ROWS (10,000) rows from .csv and .xlsx into a clone
#           of the tracker, next to `accord log` one report at a time and git committing the same
#           reports by hand (extrapolated from LOG_RUNS / GIT_RUNS runs) or all at once; a
#           500 KB Word agreement through `instrument add --text`; a 50 MB table (peak memory).
# verify, sync and reads alternate the commands (Benchmarks/alternate.py): wall and CPU time,
# peak memory, and the ratio pair by pair.
# Results go to stdout (a summary table at the end); copy them into Benchmarks/README.md with
# the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-Benchmarks/data}
scale=${SCALE:-tenth}
part=${PART:-all}
runs=${RUNS:-5}
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "run.sh: installing hyperfine and time (apt-get)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq hyperfine time >/dev/null || echo "run.sh: could not install hyperfine/time"
fi
# BIN_DIR: release binaries built already (accord, and accord-bench for the parts that use it).
if [ -n "${BIN_DIR:-}" ]; then
  bin=$(cd "$BIN_DIR" && pwd)
else
  # The build `make install` and the Debian package ship (`make static`): the Swift
  # libraries linked in, so a command does not spend its first milliseconds loading them.
  swift build -c release --static-swift-stdlib --product accord-bench >/dev/null
  swift build -c release --static-swift-stdlib --product accord >/dev/null
  bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi
bench=$bin/accord-bench
accord=$bin/accord
mkdir -p "$data"
data=$(cd "$data" && pwd)

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== libgit2 $(pkg-config --modversion libgit2), $(git --version), $(date -u +%Y-%m-%d)"

if [ "$part" = all ] || [ "$part" = tracker ]; then
  repo=$data/$scale.git
  clone=$data/$scale
  results=$data/results-$scale
  if [ ! -d "$repo" ] || [ "${REGEN:-0}" = 1 ]; then
    rm -rf "$repo"
    echo "== generating the $scale tracker (fsync off, bulk load)"
    "$bench" generate --out "$repo" --scale "$scale" --seed 8
  fi
  rm -rf "$clone" "$results" && mkdir -p "$results"
  git clone -q "$repo" "$clone"
  echo "== $scale: $(git -C "$clone" rev-list --count HEAD) commits, $(git -C "$clone" ls-tree -r HEAD | wc -l) files"
  "$accord" validate --repo "$clone"
  cold="rm -rf $clone/.git/accord/cache $clone/.git/accord/derived.sqlite $clone/.git/accord/derived.sqlite-wal $clone/.git/accord/derived.sqlite-shm"
  # Warm: the record cache holds this revision. Cold: no cache (as after a clone), before each run.
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/validate-warm.json" -n "validate warm" \
    "$accord validate --repo $clone" >/dev/null
  hyperfine --runs "${COLD_RUNS:-3}" --prepare "$cold" --export-json "$results/validate-cold.json" -n "validate cold" \
    "$accord validate --repo $clone" >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/load-warm.json" -n "snapshot + state warm" \
    "$bench load --cached --repo $clone" >/dev/null
  /usr/bin/time -f "%M" -o "$results/rss-cold" sh -c "$cold; $accord validate --repo $clone >/dev/null"
  /usr/bin/time -f "%M" -o "$results/rss-warm" "$accord" validate --repo "$clone" >/dev/null
  echo "-- phases, uncached:"; "$bench" load --repo "$clone"
  echo "-- phases, cached:"; "$bench" load --cached --repo "$clone"
  # The floor: every record read once by git itself.
  hyperfine --warmup 1 --runs "$runs" --export-json "$results/floor.json" -n "ls-tree | cat-file" \
    "git -C $clone ls-tree -r --object-only HEAD | git -C $clone cat-file --batch >/dev/null" >/dev/null
  # Path history of a plan and of an instrument text, next to git log on the same clone.
  for path in Plans/plan-01.yaml Agreements/agr-01/text.en.md; do
    ours=$("$bench" history --repo "$clone" --path "$path" --ids | md5sum)
    theirs=$(git -C "$clone" log --format=%H -- "$path" | md5sum)
    [ "$ours" = "$theirs" ] || echo "DIFFERENT from git log: $path"
    name=path-history-$(basename "$(dirname "$path")")-$(basename "$path")
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/$name.json" \
      -n "gitstore $path" "$bench history --repo $clone --path $path" \
      -n "git log $path" "git -C $clone log --format=%H -- $path" >/dev/null
  done
  # The commands a review meeting runs, warm and cold, with their peak memory.
  id="plan-01#1.1"
  commands=(
    "status|$accord status --repo $clone"
    "gaps|$accord gaps --repo $clone"
    "schedule|$accord schedule --repo $clone"
    "show|$accord show --repo $clone $id"
    "history|$accord history --repo $clone $id"
    # The whole tracker's history: the last twenty commits, and all of them (a table of 50,027 lines).
    "history-recent|$accord history --repo $clone --limit 20"
    "history-all|$accord history --repo $clone"
    "summary-html|$accord summary --repo $clone --format html"
    # What an official in Phnom Penh reads, and what anyone reads on a terminal (colours on).
    "gaps-km|$accord gaps --repo $clone --lang km"
    "gaps-terminal|script -qec 'ACCORD_PAGER=cat $accord gaps --repo $clone' /dev/null"
    # A word in 1,589 report notes (the warm-up run builds the search index).
    "search|$accord search --repo $clone province 17"
    "list-items|$accord list items --repo $clone"
  )
  for entry in "${commands[@]}"; do
    name=${entry%%|*}; command=${entry#*|}
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$results/$name-warm.json" -n "$name warm" "$command" >/dev/null
    # Through `script`, the peak would be script's own: the terminal row has none.
    [ "${command#script }" = "$command" ] && { /usr/bin/time -f "%M" -o "$results/$name-rss" $command >/dev/null 2>&1 || true; }
  done
  # Cold: a fresh clone's first run (no cache at all), with its peak memory (one more run).
  for entry in "status|status" "gaps|gaps" "schedule|schedule" "summary-html|summary --format html"; do
    name=${entry%%|*}; command="$accord ${entry#*|} --repo $clone"
    hyperfine -i --runs "${COLD_RUNS:-3}" --prepare "$cold" --export-json "$results/$name-cold.json" -n "$name cold" \
      "$command" >/dev/null
    /usr/bin/time -f "%M" -o "$results/$name-cold-rss" sh -c "$cold; $command >/dev/null 2>&1" || true
  done
  # accord history ID next to git log of the same files: the plan and the reports on the item.
  files=$(git -C "$clone" grep -l "target: $id\$" HEAD -- Events | sed 's/^HEAD://' | tr '\n' ' ')
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/history-vs-git.json" \
    -n "accord history $id" "$accord history --repo $clone $id" \
    -n "git log -- its files" "git -C $clone log --format=%H -- Plans/plan-01.yaml $files" >/dev/null
  # The commit index built from nothing (as after a clone: an empty derived store), next to
  # git's own walk over every commit's changes; then a path history answered from it.
  index="$cold"
  hyperfine -N --runs "${COLD_RUNS:-3}" --prepare "$index" --export-json "$results/index-build.json" \
    -n "commit index build" "$bench history --repo $clone --path Plans/plan-01.yaml" \
    -n "git log --raw" "git -C $clone log --format=%H --raw --no-renames" >/dev/null
  /usr/bin/time -f "%M" -o "$results/index-build-rss" sh -c "$index; $bench history --repo $clone --path Plans/plan-01.yaml >/dev/null"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/index-warm.json" \
    -n "path history from the index" "$bench history --repo $clone --path Plans/plan-01.yaml" \
    -n "path history walking git" "$bench history --repo $clone --path Plans/plan-01.yaml --no-index" >/dev/null
  # New status reports through accord log (each run records one more, one commit each; the
  # command checks the report against the snapshot and writes the new revision's cache file),
  # then the first read after the last of them.
  log="$accord log --repo $clone $id --status in-progress --party VN --date 2024-12-30 --by Bench --note benchmark"
  hyperfine -N --runs "$runs" --export-json "$results/log.json" -n "accord log" "$log" >/dev/null
  /usr/bin/time -f "%e %M" -o "$results/log" $log >/dev/null
  # The same in a bare clone, where there is no working folder and so no index to update.
  bare=$data/$scale-bare.git
  rm -rf "$bare" && git clone -q --bare "$repo" "$bare"
  "$accord" status --repo "$bare" >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/log-bare.json" -n "accord log, bare" \
    "$accord log --repo $bare $id --status in-progress --party VN --date 2024-12-30 --by Bench --note benchmark" >/dev/null
  rm -rf "$bare"
  /usr/bin/time -f "%e %M" -o "$results/after-commit" "$accord" status --repo "$clone" >/dev/null
  /usr/bin/time -f "%e %M" -o "$results/after-commit-warm" "$accord" status --repo "$clone" >/dev/null
  # The first status after a pull that brings one report another copy committed (accord
  # wrote nothing for that commit): before each run, another clone commits one report and
  # this clone pulls it (fast-forward), so every run is the first read of a new commit.
  other=$data/$scale-other
  rm -rf "$other" && git clone -q "$clone" "$other"
  {
    echo 'set -e'
    echo 'n=$(tr -dc a-z0-9 </dev/urandom | head -c 8)'
    echo 'f=Events/2024/12/sr-2024-12-30-vn-p$n.yaml'
    echo "mkdir -p \"$other/Events/2024/12\""
    echo "printf 'id: sr-2024-12-30-vn-p%s\\ntarget: $id\\nstatus: in-progress\\ndate: 2024-12-30\\nparty: VN\\n' \$n >\"$other/\$f\""
    echo "git -C \"$other\" add \"\$f\""
    echo "git -C \"$other\" -c user.name=Bench -c user.email=bench@example.org commit -qm 'One report'"
    echo "git -C \"$clone\" pull -q --no-rebase \"$other\" HEAD"
  } >"$results/pull-one.sh"
  hyperfine -N --runs "$runs" --prepare "sh $results/pull-one.sh" --export-json "$results/after-pull.json" \
    -n "status after a pull of one report" "$accord status --repo $clone" >/dev/null
  sh "$results/pull-one.sh"
  /usr/bin/time -f "%e %M" -o "$results/after-pull" "$accord" status --repo "$clone" >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/status-warm-again.json" -n "status warm" \
    "$accord status --repo $clone" >/dev/null
  rm -rf "$other"
  # The floor of accord log in a working copy: libgit2 alone adding one new file to the
  # index (accord-bench index-add), next to git doing the same and to accord's start-up.
  # The staged files are taken out of the index afterwards.
  mkdir -p "$clone/index-floor"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/index-add.json" \
    -n "libgit2 index add" "$bench index-add --repo $clone" \
    -n "git update-index --add" "sh -c 'f=index-floor/git-\$\$.yaml; echo x >$clone/\$f; git -C $clone update-index --add \$f'" \
    -n "accord --version" "$accord --version" >/dev/null
  git -C "$clone" rm -rq --cached index-floor && rm -rf "$clone/index-floor"
  # The generated tracker has no withdrawal; a real one has a few. One report retracted
  # (the first status after it checks the whole tracker again), then status warm.
  retracted=$(git -C "$clone" ls-tree -r --name-only HEAD -- Events | awk -F/ 'NR == 1 { sub(/\.yaml$/, "", $NF); print $NF }')
  "$accord" retract --repo "$clone" "$retracted" --reason benchmark --by Bench >/dev/null
  "$accord" status --repo "$clone" >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/status-withdrawal.json" -n "status warm, one withdrawal" \
    "$accord status --repo $clone" >/dev/null
  /usr/bin/time -f "%M" -o "$results/status-withdrawal-rss" "$accord" status --repo "$clone" >/dev/null
  python3 - "$results" "$scale" <<'PY'
import json, os, sys, glob
results, scale = sys.argv[1], sys.argv[2]
def median(name, index=0):
    return json.load(open(f"{results}/{name}.json"))["results"][index]["median"] * 1000
def rss(name):
    return int(open(f"{results}/{name}").read().split()[-1]) / 1024

print(f"\n| {scale} | median | peak RSS |\n|---|---|---|")
for kind in ["warm", "cold"]:
    print(f"| `accord validate` {kind} | {median(f'validate-{kind}'):.0f} ms | {rss(f'rss-{kind}'):.0f} MB |")
print(f"| snapshot + state, warm (`accord-bench load --cached`) | {median('load-warm'):.0f} ms | |")
for name in ["status", "gaps", "schedule", "show", "history", "history-recent", "history-all", "summary-html", "gaps-km", "gaps-terminal", "search", "list-items"]:
    cold = f" (cold {median(f'{name}-cold'):.0f} ms, peak {rss(f'{name}-cold-rss'):.0f} MB)" if os.path.exists(f"{results}/{name}-cold.json") else ""
    peak = f"{rss(f'{name}-rss'):.0f} MB" if os.path.exists(f"{results}/{name}-rss") else ""
    print(f"| `accord {name}` warm{cold} | {median(f'{name}-warm'):.0f} ms | {peak} |")
print(f"| `accord log` (one report), median of {len(json.load(open(f'{results}/log.json'))['results'][0]['times'])} | {median('log'):.0f} ms | {rss('log'):.0f} MB |")
print(f"| `accord log` in a bare clone (no index to update) | {median('log-bare'):.0f} ms | |")
floor, git_add, start = (median("index-add", i) for i in range(3))
print(f"| floor of `log` in a working copy: libgit2 alone adding one file to the index (`accord-bench index-add`) | {floor:.0f} ms | |")
print(f"| the same with git (`git update-index --add`) / accord's start-up (`accord --version`) | {git_add:.0f} / {start:.0f} ms | |")
for name, label in [("after-commit", "status after that commit (one run)"),
                    ("after-commit-warm", "status again (one run)")]:
    seconds, kb = open(f"{results}/{name}").read().split()[-2:]
    print(f"| `accord {label}` | {float(seconds) * 1000:.0f} ms | {int(kb) / 1024:.0f} MB |")
print(f"| `accord status` warm with one report retracted (one withdrawal) | {median('status-withdrawal'):.0f} ms | {rss('status-withdrawal-rss'):.0f} MB |")
pull, warm = median("after-pull"), median("status-warm-again")
print(f"| `accord status` first after a pull of one report / warm, same clone | {pull:.0f} / {warm:.0f} ms = {pull / warm:.1f}× | {rss('after-pull'):.0f} MB |")
ours, git = median("history-vs-git", 0), median("history-vs-git", 1)
print(f"| `accord history ID` / `git log -- its files` | {ours:.0f} / {git:.0f} ms = {ours / git:.1f}× | |")
build, raw = median("index-build", 0), median("index-build", 1)
print(f"| commit index build / `git log --raw --no-renames` | {build:.0f} / {raw:.0f} ms = {build / raw:.1f}× | {rss('index-build-rss'):.0f} MB |")
print(f"| path history from the index / walking git (whole process) | {median('index-warm', 0):.0f} / {median('index-warm', 1):.0f} ms | |")
floor = median("floor")
print(f"| floor: `git ls-tree -r HEAD \\| git cat-file --batch` | {floor:.0f} ms | |")
print(f"| warm snapshot + state / floor | {median('load-warm') / floor:.2f}× | |")
for path in sorted(glob.glob(f"{results}/path-history-*.json")):
    name = os.path.basename(path)[:-5]
    ours, git = median(name, 0), median(name, 1)
    print(f"| {name[13:]}: GitStore `history(of:)` / `git log -- PATH` | {ours:.0f} / {git:.0f} ms = {ours / git:.1f}× | |")
PY
fi

if [ "$part" = all ] || [ "$part" = verify ] || [ "$part" = sync ] || [ "$part" = reads ] || [ "$part" = import ]; then
  repo=$data/$scale.git
  if [ ! -d "$repo" ] || [ "${REGEN:-0}" = 1 ]; then
    rm -rf "$repo"
    echo "== generating the $scale tracker (fsync off, bulk load)"
    "$bench" generate --out "$repo" --scale "$scale" --seed 8
  fi
fi

if [ "$part" = all ] || [ "$part" = verify ]; then
  # Every object of a clone read and hashed, by accord and by git; both packed as a clone is.
  clone=$data/$scale-verify.git
  rm -rf "$clone" && git clone -q --bare "$repo" "$clone"
  echo "== verify: $(git -C "$clone" count-objects -v | grep in-pack), next to git fsck"
  "$accord" verify --repo "$clone"
  python3 Benchmarks/alternate.py "${VERIFY_RUNS:-3}" "accord verify||$accord verify --repo $clone" "git fsck||git -C $clone fsck"
  rm -rf "$clone"
fi

if [ "$part" = all ] || [ "$part" = sync ]; then
  # A hub and a receiving copy at the same commit (base); the other side's report (X) is put
  # on the hub before each run, and the receiver set back to base (or to its own report L).
  hub=$data/$scale-hub.git recv=$data/$scale-recv send=$data/$scale-send
  rm -rf "$hub" "$recv" "$send"
  git clone -q --bare "$repo" "$hub"
  git clone -q "$hub" "$send" && git clone -q "$hub" "$recv"
  "$accord" status --repo "$recv" >/dev/null
  base=$(git -C "$recv" rev-parse HEAD)
  # The receiver's derived store as it stands at base (and below at L), put back before each
  # run: every run then reads the incoming report for the first time, as a real sync does.
  store=$recv/.git/accord/derived.sqlite
  cp "$store" "$data/$scale-store-base"
  id="plan-01#1.1"
  "$accord" log --repo "$send" "$id" --status in-progress --party KH --date 2024-12-30 --by Bench --note benchmark >/dev/null
  x=$(git -C "$send" rev-parse HEAD)
  git -C "$send" push -q origin main
  "$accord" log --repo "$recv" "$id" --status in-progress --party VN --date 2024-12-30 --by Bench --note local >/dev/null
  l=$(git -C "$recv" rev-parse HEAD)
  cp "$store" "$data/$scale-store-l"
  git -C "$recv" fetch -q origin
  for g in "$recv"; do git -C "$g" config user.name Bench; git -C "$g" config user.email bench@example.org; done
  # The copied store is flushed (sync) before the timed command: a command that fsyncs would
  # otherwise pay for writing the preparation's 60 MB to disk, and one that does not would not.
  reset() { # $1: the receiver's commit, $2: its store
    echo "git -C $hub update-ref refs/heads/main $x && git -C $recv reset -q --hard $1 && git -C $recv update-ref refs/remotes/origin/main $base && git -C $recv update-ref refs/accord/synced/origin/main $base && rm -f $store-wal $store-shm && cp $data/$scale-store-$2 $store && sync"
  }
  runs=${SYNC_RUNS:-7}
  alternate="python3 Benchmarks/alternate.py"
  echo "== sync, $scale: receiving one report, and with a merge (the receiver has one of its own), next to git, alternating"
  echo "| command | wall, median (range) | CPU (user + sys) | peak memory | ratio to the last row, pair by pair |"
  echo "|---|---|---|---|---|"
  $alternate "$runs" "accord sync, one report|$(reset "$base" base)|$accord sync --repo $recv" \
    "git pull --ff-only, one report|$(reset "$base" base)|git -C $recv pull -q --ff-only origin main"
  $alternate "$runs" "accord sync, merge|$(reset "$l" l)|$accord sync --repo $recv" \
    "git pull --no-rebase, merge|$(reset "$l" l)|git -C $recv pull -q --no-rebase --no-edit origin main"
  $alternate "$runs" "accord sync, merge (pushes it)|$(reset "$l" l)|$accord sync --repo $recv" \
    "git pull --no-rebase + git push|$(reset "$l" l)|git -C $recv pull -q --no-rebase --no-edit origin main && git -C $recv push -q origin main"
  # The first read after a sync, and after git pull, that brings one report, next to a warm read.
  $alternate "$runs" "accord status, first after that sync|$(reset "$base" base) && $accord sync --repo $recv -q|$accord status --repo $recv" \
    "accord status, first after git pull|$(reset "$base" base) && git -C $recv pull -q --ff-only origin main|$accord status --repo $recv" \
    "accord status, warm||$accord status --repo $recv"
fi

if [ "$part" = reads ]; then
  # Warm and cold reads next to git's floor (every record read once), alternating, with peak
  # memory, on a clone of the tracker kept between calls (CLONE_DIR to reuse one).
  repo=$data/$scale.git clone=${CLONE_DIR:-$data/$scale-reads}
  [ -d "$clone" ] || git clone -q "$repo" "$clone"
  "$accord" status --repo "$clone" >/dev/null
  cold="rm -rf $clone/.git/accord/cache $clone/.git/accord/derived.sqlite $clone/.git/accord/derived.sqlite-wal $clone/.git/accord/derived.sqlite-shm"
  floor="git -C $clone ls-tree -r --object-only HEAD | git -C $clone cat-file --batch >/dev/null"
  alternate="python3 Benchmarks/alternate.py"
  echo "== reads, $scale: $(git -C "$clone" ls-tree -r HEAD | wc -l) files, alternating with git's floor"
  echo "| command | wall, median (range) | CPU (user + sys) | peak memory | ratio to the last row, pair by pair |"
  echo "|---|---|---|---|---|"
  $alternate "${RUNS:-5}" "accord status, warm||$accord status --repo $clone" "accord schedule, warm||$accord schedule --repo $clone" \
    "accord gaps, warm||$accord gaps --repo $clone" "floor: ls-tree | cat-file --batch||$floor"
  $alternate "${COLD_RUNS:-5}" "accord status, cold|$cold|$accord status --repo $clone" \
    "accord schedule, cold|$cold|$accord schedule --repo $clone" "accord gaps, cold|$cold|$accord gaps --repo $clone" \
    "floor: ls-tree | cat-file --batch||$floor"
fi

if [ "$part" = all ] || [ "$part" = gitstore ]; then
  store=$data/gitstore
  rm -rf "$store" && mkdir -p "$store"
  echo "== commits/s into a tracker holding 10,000 records (fsync on)"
  "$bench" seed --repo "$store/records" --records 10000
  "$bench" commit-loop --repo "$store/records" --count 200 --files 1 --prefix one
  "$bench" commit-loop --repo "$store/records" --count 100 --files 10 --prefix ten

  echo "== path history on a 20,000-commit repository (Plans/plan.yaml changed in 400 of them)"
  "$bench" seed --repo "$store/history" --records 20000 --commits 20000
  "$bench" history --repo "$store/history" --path Plans/plan.yaml
  ours=$("$bench" history --repo "$store/history" --path Plans/plan.yaml --ids | md5sum)
  theirs=$(git -C "$store/history" log --format=%H -- Plans/plan.yaml | md5sum)
  [ "$ours" = "$theirs" ] && echo "same commits as git log" || echo "DIFFERENT from git log"
  hyperfine --warmup 1 --runs 5 --export-json "$store/history.json" \
    -n gitstore "$bench history --repo $store/history --path Plans/plan.yaml" \
    -n git "git -C $store/history log --format=%H -- Plans/plan.yaml"
  python3 - "$store/history.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"ratio gitstore/git: {r['gitstore'] / r['git']:.1f}x")
PY
fi

if [ "$part" = all ] || [ "$part" = diff ]; then
  echo "== text diff: a 200-article instrument with 30 % of its articles reworded"
  "$bench" diff --articles 200 --changed 30 --runs 7
  "$bench" diff --articles 200 --changed 30 --runs 7 --insert
fi

if [ "$part" = all ] || [ "$part" = import ]; then
  repo=$data/$scale.git work=$data/import-$scale
  rows=${IMPORT_ROWS:-10000}
  rm -rf "$work" && mkdir -p "$work"
  clone=$work/tracker
  git clone -q "$repo" "$clone"
  git -C "$clone" config user.name Bench && git -C "$clone" config user.email bench@example.org
  base=$(git -C "$clone" rev-parse HEAD)
  echo "== import: $rows report rows into the $scale tracker ($(git -C "$clone" rev-list --count HEAD) commits)"
  "$accord" list items --csv --repo "$clone" >"$work/items.csv"
  python3 Benchmarks/make-reports.py "$work/items.csv" "$work" "$rows"
  # Back to the tracker as cloned (the branch, the working folder), read once so the next
  # command starts warm, as a desk's copy is.
  reset() {
    git -C "$clone" reset -q --hard "$base" && git -C "$clone" clean -qfd
    "$accord" status --repo "$clone" >/dev/null
  }
  timed() { # $1: name; the rest: the command, run in the clone
    local name=$1; shift
    ( cd "$clone" && /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" ) \
      || echo "$name: exit $? ($(head -c 300 "$work/$name.err"))" >"$work/$name.failed"
  }
  reset
  timed check-csv "$accord" import reports "$work/reports.csv" --dry-run
  timed check-xlsx "$accord" import reports "$work/reports.xlsx" --dry-run
  timed import-csv "$accord" import reports "$work/reports.csv" --quiet
  echo "$(git -C "$clone" rev-list --count "$base..HEAD") commits; $(git -C "$clone" status --porcelain | wc -l) paths not clean" >"$work/import-csv.check"
  timed status-after "$accord" status
  "$accord" validate --repo "$clone" >/dev/null && echo "validate: clean" >>"$work/import-csv.check"
  reset
  timed import-xlsx "$accord" import reports "$work/reports.xlsx" --quiet
  echo "$(git -C "$clone" rev-list --count "$base..HEAD") commits" >"$work/import-xlsx.check"
  reset
  # What a desk does without the import: one `accord log` per report (LOG_RUNS of them timed).
  first=$(sed -n 2p "$work/items.csv" | cut -d, -f1)
  hyperfine -N --runs "${LOG_RUNS:-10}" --export-json "$work/log.json" -n "accord log" \
    "$accord log --repo $clone $first --status in-progress --party VN --date 2025-01-02 --by Bench --note benchmark" >/dev/null
  reset
  # What a user does without accord: write each report's file by hand, then git add and git
  # commit it (GIT_RUNS of them timed), or all of them in one commit (the floor of git add);
  # and git fast-import making the same commits (git's floor for one commit per report).
  n=${GIT_RUNS:-20}
  ( cd "$work/files" && find Events -type f | sort | head -n "$n" ) >"$work/git-some"
  { echo 'set -e'; while read -r f; do
      echo "mkdir -p \"$clone/$(dirname "$f")\" && cp \"$work/files/$f\" \"$clone/$f\""
      echo "git -C \"$clone\" add \"$f\" && git -C \"$clone\" commit -qm \"report $f\""
    done <"$work/git-some"; } >"$work/git-some.sh"
  timed git-one-by-one sh "$work/git-some.sh"
  reset
  timed git-all-at-once sh -c "cp -r '$work/files/Events' . && git add Events && git commit -qm 'reports'"
  reset
  timed git-fast-import sh -c "git fast-import --quiet <'$work/fast-import'"
  reset
  # A 500 KB Word agreement (3,000 articles): checked, then recorded.
  python3 Benchmarks/make-large-docx.py "$work/big.docx"
  add="instrument add agr-big --title Big --parties VN,KH --signed 2024-01-01 --text $work/big.docx --lang en"
  timed docx-check $accord $add --dry-run
  timed docx-add $accord $add
  reset
  # 50 MB of reports: a CSV over the size accord reads, and a workbook of 200,000 rows under it.
  python3 - "$work/reports.csv" "$work/huge.csv" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n", 1)[1]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("target,status,date,party,note\n")
    while f.tell() < 50 * 1_000_000:
        f.write(rows)
PY
  timed huge-csv "$accord" import reports "$work/huge.csv" --dry-run
  # A 50 MB workbook: the 10,000 rows and a 48 MB picture pasted into it (random bytes).
  python3 - "$work/reports.xlsx" "$work/huge.xlsx" <<'PY'
import os, shutil, sys, zipfile
shutil.copy(sys.argv[1], sys.argv[2])
with zipfile.ZipFile(sys.argv[2], "a", zipfile.ZIP_STORED) as z:
    z.writestr("xl/media/image1.png", os.urandom(48 * 1_000_000))
PY
  timed huge-xlsx "$accord" import reports "$work/huge.xlsx" --dry-run
  python3 - "$work" "$rows" "$n" <<'PY'
import json, os, sys
work, rows, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def t(name):
    if os.path.exists(f"{work}/{name}.failed"):
        return None
    wall, user, system, kb = open(f"{work}/{name}.time").read().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024
def row(label, name, note=""):
    r = t(name)
    if r is None:
        print(f"| {label} | failed: {open(f'{work}/{name}.failed').read().strip()} | | |")
    else:
        print(f"| {label} | {r[0]:.1f} s | {r[1]:.1f} s | {r[2]:.0f} MB |{note}")
def check(name):
    return open(f"{work}/{name}.check").read().strip().replace("\n", "; ") if os.path.exists(f"{work}/{name}.check") else ""
print(f"\n| {rows:,} rows | wall | CPU | peak memory |\n|---|---|---|---|")
row("`import reports --dry-run`, .csv", "check-csv")
row("`import reports --dry-run`, .xlsx", "check-xlsx")
row(f"`import reports`, .csv ({check('import-csv')})", "import-csv")
row("first `accord status` after it", "status-after")
row(f"`import reports`, .xlsx ({check('import-xlsx')})", "import-xlsx")
log = json.load(open(f"{work}/log.json"))["results"][0]
print(f"| `accord log` one report at a time: median {log['median'] * 1000:.0f} ms × {rows:,} (extrapolated) | {log['median'] * rows:.0f} s | | |")
g = t("git-one-by-one")
if g:
    print(f"| git add + git commit of a hand-written file per report: {g[0] / n * 1000:.0f} ms × {rows:,} (from {n}) | {g[0] / n * rows:.0f} s | | |")
row("git add of all the files, one commit (not one per report)", "git-all-at-once")
row(f"`git fast-import` of the {rows:,} commits (no working folder)", "git-fast-import")
row("`instrument add --text big.docx --dry-run` (500 KB Word file)", "docx-check")
row("`instrument add --text big.docx`", "docx-add")
for name, label in [("huge-csv", "50 MB .csv, `--dry-run`"), ("huge-xlsx", "50 MB .xlsx (a picture in it), `--dry-run`")]:
    answer = open(f"{work}/{name}.err").read().strip().split("\n")[0][:120] or open(f"{work}/{name}.out").read().strip().split("\n")[-1][:120]
    row(f"{label}: {answer}", name)
PY
fi
