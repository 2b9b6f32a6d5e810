#!/usr/bin/env bash
# Writes the man pages (ArgumentParser's generate-manual, one page per command) and the
# bash, zsh and fish completion scripts of the accord binary $1 into folder $2.
set -euo pipefail
binary=$1
out=$2
swift=${SWIFT:-swift}
rm -rf "$out"
mkdir -p "$out/man1" "$out/completions"

# The manual generator ships with swift-argument-parser; it builds from the local
# package copies, without the network, with the flags of accord's own build so that
# neither build undoes the other.
"$swift" build -c release --static-swift-stdlib --product generate-manual -q
generator=$("$swift" build -c release --static-swift-stdlib --show-bin-path)/generate-manual
"$generator" "$binary" --multi-page --section 1 --output-directory "$out/man1" \
  --authors "accord contributors" >/dev/null
# `accord.1` is the entry point: `man accord`. Commands are `man accord.status` etc.
# The generator separates the paragraphs of a discussion with empty lines, which mdoc
# warns about when the page is shown; `.Pp` is its paragraph break. It also writes the
# example lines of a discussion (indented by two spaces) as text to fill, so man wrapped
# and hyphenated long ones: they become a literal display, shown as written, and a
# paragraph break just before one is dropped (the display makes its own space).
for page in "$out"/man1/*.1; do
  sed 's/^$/.Pp/' "$page" | awk '
    /^  / {
      if (!literal) { held = ""; print ".Bd -literal -offset 2n"; literal = 1 }
      line = substr($0, 3)
      if (line ~ /^[.\047]/) line = "\\&" line
      print line
      next
    }
    {
      if (literal) { print ".Ed"; literal = 0 }
      if (held != "") { print held; held = "" }
      if ($0 == ".Pp") { held = $0; next }
      print
    }
    END {
      if (literal) print ".Ed"
      if (held != "") print held
    }' >"$page.new"
  mv "$page.new" "$page"
  gzip -9n "$page"
done

"$binary" --generate-completion-script bash >"$out/completions/accord.bash"
"$binary" --generate-completion-script zsh >"$out/completions/_accord"
"$binary" --generate-completion-script fish >"$out/completions/accord.fish"
