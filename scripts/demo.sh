#!/usr/bin/env bash
# The tour of accord on its built-in example. Usage: scripts/demo.sh BIN OUTPUT_DIR
# Builds the example tracker, prints its status, gaps and next reviews as they stood at
# the 2019 joint review (gaps in Vietnamese, the schedule in Khmer), and writes the 2019
# review summary (Markdown, HTML, and HTML in Vietnamese and Khmer), the review calendar
# (.ics) and the 2005→2012 redline of the core agreement; then starts a tracker from a Word
# agreement and its PDF translation.
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
step() { echo; echo "\$ accord $*"; "$bin" "$@" --repo "$tracker"; }

echo "== Building the example tracker: Viet Nam–Cambodia cooperation against trafficking, 1997–2019"
ACCORD_EXAMPLE_DIR="$root" "$bin" init --example "$tracker"
echo "   $(git -C "$tracker" rev-list --count HEAD) commits, each dated on the day of its fact; the last three:"
git -C "$tracker" log --format='   %h %ad %s' --date=short -n 3

step status --as-of "$as_of"
step gaps --as-of "$as_of" --summary --lang vi
step schedule --as-of "$as_of" --horizon 6m --lang km --digits khmer
step gaps --as-of "$as_of" --rule one-sided --rule languages-out-of-step
step schedule --as-of "$as_of" --horizon 12m
step diff tip-2005 --stat

"$bin" summary --repo "$tracker" --meeting "$meeting" --format markdown --output "$out/summary-2019.md"
"$bin" summary --repo "$tracker" --meeting "$meeting" --format html --output "$out/summary-2019.html"
"$bin" summary --repo "$tracker" --meeting "$meeting" --format html --lang vi --output "$out/summary-2019.vi.html"
"$bin" summary --repo "$tracker" --meeting "$meeting" --format html --lang km --digits khmer --output "$out/summary-2019.km.html"
"$bin" summary --repo "$tracker" --meeting "$meeting" --format html --lang vi,km --output "$out/summary-2019.vi-km.html"
"$bin" schedule --repo "$tracker" --as-of "$as_of" --ics --output "$out/schedule.ics"
"$bin" diff tip-2005 --repo "$tracker" --format html --output "$out/tip-2005-2005-to-2012.html"
echo
echo "== A new tracker from the files a ministry holds: the agreement in Word, its Vietnamese text as a PDF"
fixtures="$root/Tests/Fixtures/Import"
rm -rf "$out/imported"
imported() { echo; echo "\$ accord $*"; "$bin" "$@" --repo "$out/imported"; }
echo; echo "\$ accord init $out/imported"; "$bin" init "$out/imported"
imported instrument add tip-draft --title "Agreement on cooperation against trafficking in persons" \
  --parties VN,KH --signed 2005-10-10 --place Hanoi --in-force 2005-10-10 \
  --text "$fixtures/agreement.en.docx" --lang en --text "$fixtures/agreement.vi.pdf" --lang vi
imported commitment add 'tip-draft#1.1' --summary "Designate a focal agency" \
  --agency "VN: Ministry of Public Security" --agency "KH: Ministry of Interior" --due 2006-01-31
imported show 'tip-draft#1.1'

echo
echo "== Written"
echo "  tracker (a git repository):   $tracker"
echo "  tracker from a Word file:     $out/imported"
echo "  2019 review summary:          $out/summary-2019.md"
echo "                                $out/summary-2019.html"
echo "  in Vietnamese and Khmer:      $out/summary-2019.vi.html"
echo "                                $out/summary-2019.km.html"
echo "                                $out/summary-2019.vi-km.html (both languages, for joint minutes)"
echo "  review calendar:              $out/schedule.ics"
echo "  2005→2012 redline:            $out/tip-2005-2005-to-2012.html"
echo
echo "Try: accord --repo $tracker show tip-2005#7.2   (an [illustrative] commitment; the binary is $bin)"
