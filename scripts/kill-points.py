#!/usr/bin/env python3
"""Kills accord's writers at every point where they change a file, and checks what is left.

usage: kill-points.py [--every N] ACCORD_BINARY [COMMAND ...]
       (COMMAND: log, evidence, amend, meeting, sync; default all; --every N: every Nth kill point)

For each writing command (log, evidence add with an attachment, amend, meeting add, sync),
one clean run under strace counts the system calls that change files (write, fsync, rename,
link, unlink, mkdir, ...). Then, for every one of those calls in turn, the command runs in
a fresh copy of a small tracker with strace injecting SIGKILL at that call. After each kill:

- the branch is at its old commit or at one new commit, never further, and `git fsck`
  finds nothing wrong;
- the next command of the same kind succeeds (exit 0);
- `git status` is clean, no `*.lock` file is left in the git folder but accord's own lock
  files, accord's scratch folder is empty, and no temporary file of Foundation's
  (`.dat.nosync*`) is left;
- no record file was committed twice, and `accord validate` passes.

sync is killed in copy `a` of three: a bare hub, `a` with a report of its own, and `b`,
which has pushed a report and a piece of evidence with an attachment to the hub, so a's
sync fetches, merges, pushes, checks out and moves its branch. After each kill, a's branch
is at its old commit or at the merge, the next sync of `a` and then one of `b` succeed,
`git status` is clean in both, neither they nor the hub hold a lock or temporary file,
there is one merge and no commit twice, and all three end on the same commit.

Prints one line per command with the number of kill points and failures; exits 1 on any
failure. Needs strace (Debian package strace).
"""
import os
import shutil
import subprocess
import sys
import tempfile

INSTRUMENT = """id: tip-2005
kind: agreement
title:
  en: Agreement against trafficking
parties: [VN, KH]
signed:
  date: 2005-10-10
status: in-force
languages: [en]
commitments:
  - id: "4.1"
    summary: Inform communities at risk.
    bound: each
    due: 2006-03-31
"""

TEXT = """# Agreement against trafficking

## Article 4. Prevention

1. Inform communities.
"""

# The calls that change what is on disk. A kill just before any of them is a state a power
# cut or an out-of-memory kill can leave.
CALLS = ["write", "pwrite64", "fsync", "fdatasync", "rename", "renameat", "renameat2", "link", "linkat",
         "unlink", "unlinkat", "mkdir", "mkdirat", "ftruncate"]
# accord's own lock files: they persist by design (a kernel flock on them is the lock).
OWN_LOCKS = {"accord/write.lock", "accord/sync.lock"}


def run(args, cwd=None, check=False, env=None):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr}")
    return result


def git(folder, *args):
    return run(["git", "-C", folder, *args], check=True).stdout.strip()


def make_tracker(accord, folder):
    run([accord, "init", folder], check=True)
    os.makedirs(os.path.join(folder, "Agreements/tip-2005"))
    with open(os.path.join(folder, "Agreements/tip-2005/instrument.yaml"), "w") as f:
        f.write(INSTRUMENT)
    with open(os.path.join(folder, "Agreements/tip-2005/text.en.md"), "w") as f:
        f.write(TEXT)
    git(folder, "add", "-A")
    env = dict(os.environ, GIT_AUTHOR_DATE="2005-10-10T12:00:00Z", GIT_COMMITTER_DATE="2005-10-10T12:00:00Z")
    run(["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m",
         "Agreement"], check=True, env=env)
    git(folder, "config", "user.name", "Desk")
    git(folder, "config", "user.email", "desk@example.invalid")


def commands(folder, attempt):
    """The writing commands, each as a function of the attempt number (so a rerun differs
    where the command needs it to: a meeting's slug, an amendment's text and date)."""
    attachment = os.path.join(folder, "..", "scan.pdf")
    draft = os.path.join(folder, "..", f"draft-{attempt}.en.md")
    with open(attachment, "wb") as f:
        f.write(os.urandom(200_000))
    with open(draft, "w") as f:
        f.write(TEXT.replace("Inform communities.", f"Inform communities, revision {attempt}."))
    return {
        "log": ["log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-26",
                "--note", f"attempt {attempt}"],
        "evidence add": ["evidence", "add", "--title", f"Scan {attempt}", "--kind", "report", "--date", "2019-03-26",
                         "--file", attachment, "--supports", "tip-2005#4.1"],
        "amend": ["amend", "tip-2005", "--text", draft, "--date", f"2012-09-{10 + attempt:02d}",
                  "--message", f"Amendment {attempt}", "--accept-remap"],
        "meeting add": ["meeting", "add", "--date", "2019-03-26", "--venue", "Hanoi", "--host", "VN",
                        "--slug", f"review-{attempt}", "--note", f"attempt {attempt}"],
    }


def count_calls(accord, template, kind, scratch):
    folder = os.path.join(scratch, "count", "tracker")
    shutil.copytree(template, folder, symlinks=True)
    counts = traced_calls(kind, [accord, *commands(folder, 0)[kind], "--repo", folder],
                          os.path.join(scratch, "count.trace"))
    shutil.rmtree(os.path.join(scratch, "count"))
    return counts


def traced_calls(kind, argv, trace, cwd=None):
    """Runs argv once under strace, which must succeed; how often it made each of CALLS."""
    result = run(["strace", "-f", "-qq", "-c", "-U", "name,calls", "-o", trace, "-e", "trace=" + ",".join(CALLS),
                  *argv], cwd=cwd)
    if result.returncode != 0:
        raise RuntimeError(f"{kind}: the clean run failed: {result.stderr}")
    counts = {}
    with open(trace) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[0] in CALLS and parts[1].isdigit():
                counts[parts[0]] = int(parts[1])
    return counts


def leftovers(folder):
    gitdir = os.path.join(folder, ".git")
    found = []
    for root, _, files in os.walk(gitdir):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), gitdir)
            if name.endswith(".lock") and relative not in OWN_LOCKS:
                found.append(relative)
    scratch = os.path.join(gitdir, "accord", "tmp")
    if os.path.isdir(scratch):
        found += [os.path.join("accord/tmp", name) for name in os.listdir(scratch)]
    return found


def abandoned_writes(folder):
    """Foundation's temporary files of atomic writes (`.dat.nosync*`) under the folder."""
    return [os.path.join(root, name) for root, _, files in os.walk(folder) for name in files
            if name.startswith(".dat.nosync")]


def removed_once_abandoned(folder, again):
    """A killed atomic write's temporary file is removed by a later write once a few seconds
    old (a younger one may be a live process's): aged here, then `again` must remove it.
    Returns the problems, and how many there were."""
    left = abandoned_writes(folder)
    if not left:
        return [], 0
    for path in left:
        os.utime(path, (0, 0))
    result = again()
    if result.returncode != 0:
        return [f"the write after ageing the temporary files exited {result.returncode}: {result.stderr.strip()[:200]}"], len(left)
    still = abandoned_writes(folder)
    return ([f"not removed once old: {', '.join(os.path.relpath(p, folder) for p in still[:3])}"] if still else []), len(left)


def young_objects(gitdir):
    """libgit2's temporary object files: a later write removes them once five minutes old
    (a younger one may belong to a writer still running), so they are counted, not failed."""
    objects = os.path.join(gitdir, "objects")
    found = [name for name in os.listdir(objects) if name.startswith("tmp_object_git2_")]
    pack = os.path.join(objects, "pack")
    if os.path.isdir(pack):
        found += [name for name in os.listdir(pack) if name.startswith("pack_git2_")]
    return found


def check_after_kill(accord, folder, kind, before, killed_status):
    problems = []
    head = git(folder, "rev-parse", "HEAD")
    if head != before:
        parent = git(folder, "rev-parse", "HEAD^")
        if parent != before:
            problems.append("the killed run moved the branch more than one commit")
    fsck = run(["git", "-C", folder, "fsck", "--no-progress"])
    if fsck.returncode != 0:
        problems.append("git fsck: " + fsck.stderr.strip()[:200])
    rerun = run([accord, *commands(folder, 2)[kind], "--repo", folder])
    if rerun.returncode != 0:
        problems.append(f"the next {kind} exited {rerun.returncode}: {rerun.stderr.strip()[:300]}")
    status = git(folder, "status", "--porcelain", "--untracked-files=no")
    if status:
        problems.append("git status not clean: " + status.replace("\n", "; ")[:200])
    left = leftovers(folder)
    if left:
        problems.append("left behind: " + ", ".join(left[:5]))
    aged, _ = removed_once_abandoned(folder, lambda: run([accord, *commands(folder, 3)[kind], "--repo", folder]))
    problems += aged
    files = git(folder, "ls-tree", "-r", "--name-only", "HEAD").split("\n")
    if len(files) != len(set(files)):
        problems.append("a file is committed twice")
    validate = run([accord, "validate", "--repo", folder])
    if validate.returncode != 0:
        problems.append("validate: " + (validate.stdout + validate.stderr).strip()[:200])
    return problems


def make_sync_template(accord, template, folder):
    """`folder` holds hub.git (bare), a (a report of its own, not synced) and b (a report
    and a piece of evidence with an attachment, pushed to the hub), all with relative
    remotes so the folder can be copied."""
    os.makedirs(folder)
    a = os.path.join(folder, "a")
    shutil.copytree(template, a, symlinks=True)
    run([accord, "init", "--bare", os.path.join(folder, "hub.git")], check=True)
    # Relative remotes (accord remote add stores them absolute), read from the copy's own
    # folder: sync runs there.
    git(a, "remote", "add", "origin", "../hub.git")
    run([accord, "sync"], cwd=a, check=True)
    b = os.path.join(folder, "b")
    run(["git", "clone", "-q", "hub.git", "b"], cwd=folder, check=True)
    git(b, "remote", "set-url", "origin", "../hub.git")
    git(b, "config", "user.name", "Border")
    git(b, "config", "user.email", "border@example.invalid")
    attachment = os.path.join(folder, "minutes.pdf")
    with open(attachment, "wb") as f:
        f.write(os.urandom(300_000))
    run([accord, "log", "tip-2005#4.1", "--status", "implemented", "--party", "KH", "--date", "2019-03-20",
         "--note", "from b", "--repo", b], check=True)
    run([accord, "evidence", "add", "--title", "Minutes", "--kind", "minutes", "--date", "2019-03-21",
         "--file", attachment, "--supports", "tip-2005#4.1", "--repo", b], check=True)
    run([accord, "sync"], cwd=b, check=True)
    os.remove(attachment)
    run([accord, "log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-22",
         "--note", "from a", "--repo", a], check=True)


def check_sync_after_kill(accord, case, before):
    a, b, hub = (os.path.join(case, name) for name in ("a", "b", "hub.git"))
    problems = []
    head = git(a, "rev-parse", "HEAD")
    if head != before:
        parents = git(a, "rev-list", "--parents", "-n", "1", "HEAD").split()[1:]
        if len(parents) != 2 or parents[0] != before:
            problems.append("the killed sync moved a's branch elsewhere than to a merge of it")
    for folder in (a, hub):
        fsck = run(["git", "-C", folder, "fsck", "--no-progress"])
        if fsck.returncode != 0:
            problems.append(f"git fsck {os.path.basename(folder)}: " + fsck.stderr.strip()[:200])
    rerun = run([accord, "sync"], cwd=a)
    if rerun.returncode != 0:
        problems.append(f"the next sync of a exited {rerun.returncode}: {rerun.stderr.strip()[:300]}")
    other = run([accord, "sync"], cwd=b)
    if other.returncode != 0:
        problems.append(f"the next sync of b exited {other.returncode}: {other.stderr.strip()[:300]}")
    for folder in (a, b):
        status = git(folder, "status", "--porcelain", "--untracked-files=no")
        if status:
            problems.append(f"git status of {os.path.basename(folder)} not clean: " + status.replace("\n", "; ")[:200])
        left = leftovers(folder)
        if left:
            problems.append(f"left behind in {os.path.basename(folder)}: " + ", ".join(left[:5]))
    left = [name for name in leftovers_bare(hub)]
    if left:
        problems.append("left behind in the hub: " + ", ".join(left[:5]))
    tips = {name: git(os.path.join(case, name), "rev-parse", "main") for name in ("a", "b", "hub.git")}
    if len(set(tips.values())) != 1:
        problems.append("the copies do not agree: " + ", ".join(f"{k} {v[:7]}" for k, v in tips.items()))
    merges = git(a, "rev-list", "--merges", "--count", "HEAD")
    if merges != "1":
        problems.append(f"{merges} merges where one was expected")
    subjects = git(a, "log", "--format=%s", "--no-merges").split("\n")
    if len(subjects) != len(set(subjects)):
        problems.append("a commit is there twice")
    files = git(a, "ls-tree", "-r", "--name-only", "HEAD").split("\n")
    if len([f for f in files if f.startswith("Events/")]) != 2 or len([f for f in files if f.startswith("Evidence/")]) != 2:
        problems.append("a record is missing or there twice: " + ", ".join(f for f in files if f.startswith("E")))
    validate = run([accord, "validate", "--repo", a])
    if validate.returncode != 0:
        problems.append("validate: " + (validate.stdout + validate.stderr).strip()[:200])
    # Last: the write that checks the temporary files are removed adds a commit to a or b.
    for folder in (a, b):
        aged, _ = removed_once_abandoned(folder, lambda: run([accord, "log", "tip-2005#4.1", "--status", "in-progress",
                                                               "--party", "VN", "--date", "2019-03-23", "--note", "aged",
                                                               "--repo", folder]))
        problems += aged
    return problems


def leftovers_bare(gitdir):
    found = []
    for root, _, files in os.walk(gitdir):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), gitdir)
            if name.startswith("pack_git2_"):
                continue  # a transfer's temporary pack: counted by young_objects
            if (name.endswith(".lock") and relative not in OWN_LOCKS) or name.startswith(".dat.nosync"):
                found.append(relative)
    return found


def count_sync_calls(accord, sync_template, scratch):
    case = os.path.join(scratch, "count-sync")
    shutil.copytree(sync_template, case, symlinks=True)
    counts = traced_calls("sync", [accord, "sync"], os.path.join(scratch, "count-sync.trace"), cwd=os.path.join(case, "a"))
    shutil.rmtree(case)
    return counts


def kill_sync(accord, template, scratch, every):
    """Every kill point of a sync; returns (points, failures, young temporary objects left)."""
    sync_template = os.path.join(scratch, "sync-template")
    make_sync_template(accord, template, sync_template)
    counts = count_sync_calls(accord, sync_template, scratch)
    points = sampled([(call, n) for call, count in sorted(counts.items()) for n in range(1, count + 1)], every)
    failed = 0
    young = 0
    for index, (call, n) in enumerate(points):
        case = os.path.join(scratch, f"sync-case-{index}")
        shutil.copytree(sync_template, case, symlinks=True)
        a = os.path.join(case, "a")
        before = git(a, "rev-parse", "HEAD")
        run(["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={call}",
             "-e", f"inject={call}:signal=KILL:when={n}", accord, "sync"], cwd=a)
        problems = check_sync_after_kill(accord, case, before)
        young += len(young_objects(os.path.join(a, ".git"))) + len(young_objects(os.path.join(case, "hub.git")))
        if problems:
            failed += 1
            print(f"  sync: killed at {call} #{n}: " + "; ".join(problems), flush=True)
        shutil.rmtree(case)
    return len(points), failed, young


def sampled(points, every):
    """Every `every`th point from the first, and the last: a bounded run that still kills
    each command early, late and at every kind of call in between."""
    if every <= 1:
        return points
    chosen = points[::every]
    if points and points[-1] not in chosen:
        chosen.append(points[-1])
    return chosen


def main():
    every = 1
    if len(sys.argv) > 2 and sys.argv[1] == "--every" and sys.argv[2].isdigit():
        every = max(1, int(sys.argv[2]))
        del sys.argv[1:3]
    kinds = ["log", "evidence add", "amend", "meeting add", "sync"]
    if len(sys.argv) < 2 or any(arg.split()[0] not in {kind.split()[0] for kind in kinds} for arg in sys.argv[2:]):
        print("\n".join(__doc__.strip().split("\n")[2:4]), file=sys.stderr)
        return 64
    accord = os.path.abspath(sys.argv[1])
    chosen = {arg.split()[0] for arg in sys.argv[2:]}
    kinds = [kind for kind in kinds if not chosen or kind.split()[0] in chosen]
    if shutil.which("strace") is None:
        print("kill-points: strace is needed (apt-get install strace)", file=sys.stderr)
        return 69
    failures = 0
    total = 0
    with tempfile.TemporaryDirectory(prefix="accord-kill-points-") as scratch:
        template = os.path.join(scratch, "template")
        make_tracker(accord, template)
        for kind in kinds:
            if kind == "sync":
                points, failed, young = kill_sync(accord, template, scratch, every)
                total += points
                failures += failed
                print(f"sync: {points} kill points, {failed} failed ({young} young libgit2 temporary object "
                      "files left, removed by a later write once five minutes old)", flush=True)
                continue
            counts = count_calls(accord, template, kind, scratch)
            points = sampled([(call, n) for call, count in sorted(counts.items()) for n in range(1, count + 1)], every)
            failed = 0
            for index, (call, n) in enumerate(points):
                case = os.path.join(scratch, f"case-{index}")
                folder = os.path.join(case, "tracker")
                shutil.copytree(template, folder, symlinks=True)
                before = git(folder, "rev-parse", "HEAD")
                args = commands(folder, 1)[kind]
                killed = run(["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={call}",
                              "-e", f"inject={call}:signal=KILL:when={n}", accord, *args, "--repo", folder])
                problems = check_after_kill(accord, folder, kind, before, killed.returncode)
                if problems:
                    failed += 1
                    print(f"  {kind}: killed at {call} #{n}: " + "; ".join(problems))
                shutil.rmtree(case)
            total += len(points)
            failures += failed
            print(f"{kind}: {len(points)} kill points, {failed} failed", flush=True)
    print(f"kill points: {total}{f' (every {every}th)' if every > 1 else ''}, failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
