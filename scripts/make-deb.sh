#!/usr/bin/env bash
# Builds the Debian package of accord from a release binary with the Swift standard library
# linked in ($1), installed into a staging root ($2, made by `make install DESTDIR=$2
# PREFIX=/usr`); writes the .deb into folder $3 and prints its path.
# The dependencies are those of the libraries the binary needs, found with dpkg -S; a
# library that no Debian package provides (the Swift toolchain's) stops the build.
set -euo pipefail
binary=$1
stage=$2
out=$3

upstream=$("$binary" --version)
# Debian versions keep '-' for the packaging revision: 0.1.0-3-gabc1234 becomes 0.1.0+3+gabc1234.
version=${upstream//-/+}
arch=$(dpkg --print-architecture)

declare -A packages=()
for library in $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  # `libc.so.6 => /lib/…/libc.so.6 (…)`, or for the loader `/lib64/ld-linux-x86-64.so.2 (…)`.
  path=$(ldd "$binary" | awk -v lib="$library" '$1 == lib { print $3 } $1 ~ ("/" lib "$") { print $1 }' | head -1)
  if [ -z "$path" ] || [ "$path" = "not" ]; then
    echo "make-deb: $binary needs $library, which is not installed" >&2; exit 1
  fi
  owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
  if [ -z "$owner" ]; then
    echo "make-deb: $binary needs $library ($path), which no Debian package provides" >&2; exit 1
  fi
  package=${owner%%:*}
  packages[$package]=1
done
depends=$(printf '%s\n' "${!packages[@]}" | sort | paste -sd, | sed 's/,/, /g')

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: accord
Version: $version
Architecture: $arch
Maintainer: accord contributors <accord@invalid>
Installed-Size: $size
Depends: $depends
Recommends: openssh-client, age, poppler-utils
Section: utils
Priority: optional
Description: track what agreements commit to, in a git repository
 accord keeps agreements, their commitments, plans, meetings and evidence as
 plain files in git and answers what is done, overdue and due next. It works
 offline and syncs through any git host or a shared folder.
 .
 This package holds the accord command, its man pages and its bash, zsh and
 fish completions.
CONTROL
mkdir -p "$stage/usr/share/doc/accord"
deb="$out/accord_${version}_${arch}.deb"
mkdir -p "$out"
rm -f "$out"/accord_*.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
