#!/usr/bin/env bash
# Installs the accord package ($1) into a fresh Debian 12 root and uses it there, without
# the Swift toolchain: init --example, status, man accord, and shell completions.
# The root is made with debootstrap from the mirror this machine's apt uses, with the
# package's dependencies and man-db, and kept in $CACHE (default .build-debroot) between
# runs; each run installs into a fresh copy of it. Needs root (chroot, mount).
set -euo pipefail
deb=$(readlink -f "$1")
cache=${CACHE:-.build-debroot}
[ "$(id -u)" = 0 ] || { echo "test-install: needs root (debootstrap, chroot)" >&2; exit 77; }

# The mirror: the first Debian URI in apt's sources (deb822 or one-line format).
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
  | sed -n -e 's/^URIs: *\([^ ]*\/debian\)\/*$/\1/p' -e 's/^deb *\(\[[^]]*\] *\)\{0,1\}\([^ ]*\/debian\)\/* .*/\2/p' | head -1 || true)
mirror=${mirror:-http://deb.debian.org/debian}

# What the package depends on and recommends (alternatives: the first), plus man-db and
# bash-completion to try the man page and completions.
fields=$(dpkg-deb -f "$deb" Depends Recommends | sed 's/^[A-Za-z-]*: *//')
include=$(printf '%s\n' "$fields" | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$' \
  | sort -u | paste -sd,)
include="$include,man-db,bash-completion"
key=$(printf '%s %s' "$mirror" "$include" | md5sum | cut -c1-12)
base="$cache/bookworm-$key"

if [ ! -f "$base/.complete" ]; then
  rm -rf "$cache"/bookworm-*
  mkdir -p "$cache"
  echo "test-install: making a Debian 12 root with debootstrap ($include) from $mirror"
  start=$(date +%s)
  debootstrap --variant=minbase --include="$include" bookworm "$base" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  touch "$base/.complete"
  echo "test-install: root made in $(( $(date +%s) - start ))s, cached in $base"
fi

root="$cache/run"
cleanup() {
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  rm -rf "$root"
}
trap cleanup EXIT
cleanup
cp -a "$base" "$root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp "$deb" "$root/tmp/accord.deb"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb LANG=C.UTF-8 \
  GIT_AUTHOR_NAME=tester GIT_AUTHOR_EMAIL=tester@example.invalid "$@"; }
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

in_root dpkg -i /tmp/accord.deb >/dev/null || fail "dpkg -i accord.deb"
[ -z "$(find "$root" -path "$root/proc" -prune -o -name 'libswiftCore.so' -print)" ] || fail "a Swift toolchain is in the root"
in_root sh -c 'command -v swift' >/dev/null && fail "swift is on the PATH in the root"

echo "test-install: accord --version: $(in_root accord --version)"
in_root sh -c 'cd /root && accord init --example example' | grep -q "Created accord tracker" || fail "accord init --example"
status=$(in_root sh -c 'cd /root/example && accord status') || fail "accord status"
grep -q "tip-2005" <<<"$status" || fail "accord status does not list tip-2005"
echo "test-install: accord status lists $(grep -c '^[a-z].*-[0-9]' <<<"$status") rows"

manual=$(in_root sh -c 'MANPAGER=cat MANWIDTH=80 man accord 2>&1') || fail "man accord: $manual"
grep -q "accord" <<<"$manual" || fail "man accord shows no accord"
! grep -q "mdoc warning" <<<"$manual" || fail "man accord warns: $(grep "mdoc warning" <<<"$manual" | head -3)"
in_root sh -c 'MANPAGER=cat man accord.status' | grep -q "status" || fail "man accord.status"
# A discussion's example lines are shown as written, not filled and hyphenated at 80 columns.
shown=$(in_root sh -c 'MANPAGER=cat MANWIDTH=80 man accord.show 2>&1')
grep -q "accord show tip-2005 *# metadata, articles, commitments, revisions" <<<"$shown" ||
  fail "man accord.show wraps its example lines: $(grep -m1 "accord show tip-2005 " <<<"$shown")"
! grep -q "mdoc warning" <<<"$shown" || fail "man accord.show warns: $(grep "mdoc warning" <<<"$shown" | head -3)"
echo "test-install: man accord shows $(wc -l <<<"$manual") lines"

complete() {  # $1: folder, rest: the words typed; prints the candidates
  local folder=$1; shift
  in_root bash -c "cd $folder && source /usr/share/bash-completion/bash_completion && \
    source /usr/share/bash-completion/completions/accord && COMP_WORDS=($*) && COMP_CWORD=$(( $# - 1 )) && \
    COMP_LINE=\"$*\" && COMP_POINT=\${#COMP_LINE} && \
    _accord accord \"\${COMP_WORDS[COMP_CWORD]}\" \"\${COMP_WORDS[COMP_CWORD-1]}\" && echo \${COMPREPLY[@]}"
}
commands=$(complete /root/example accord st)
grep -qw status <<<"$commands" && ! grep -qw init <<<"$commands" || fail "bash completion of 'accord st' gave: $commands"
echo "test-install: bash completes 'accord st' to: $commands"
ids=$(complete /root/example accord show 'tip-2005#7.')
grep -q 'tip-2005#7\.' <<<"$ids" || fail "bash completion of 'accord show tip-2005#7.' gave: $ids"
echo "test-install: bash completes 'accord show tip-2005#7.' to: $ids"
[ -z "$(complete /tmp accord show tip- 2>&1)" ] || fail "id completion outside a tracker printed something"
for f in /usr/share/zsh/vendor-completions/_accord /usr/share/fish/vendor_completions.d/accord.fish; do
  [ -s "$root$f" ] || fail "$f is missing"
done
echo "test-install: passed"
