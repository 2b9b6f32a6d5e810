#!/usr/bin/env bash
# The web UI on the demo's tracker: starts accord serve on loopback for a few seconds,
# fetches the dashboard as a browser would, and stops it.
# Usage: scripts/serve-demo.sh BIN TRACKER [PORT]
set -euo pipefail
bin=$1 tracker=$2 port=${3:-18080}
"$bin" serve --repo "$tracker" --listen "127.0.0.1:$port" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
# Bash's own /dev/tcp: nothing to install for one request.
for _ in $(seq 1 100); do
  if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then break; fi
  sleep 0.1
done
printf 'GET /?as-of=2019-12-01 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
page=$(cat <&3)
exec 3<&-
echo
echo "\$ accord serve --repo $tracker --listen 127.0.0.1:$port   (the dashboard at 2019-12-01, as text)"
printf '%s\n' "$page" | head -1
# The dashboard's table, tags dropped: enough to see the server answered with the tracker.
printf '%s\n' "$page" | sed -n '/<tbody>/,/<\/tbody>/p' | sed -e 's/<[^>]*>/ /g' -e 's/  */ /g' -e '/^ *$/d' | head -12
echo "For an office: accounts (accord user add) and an HTTPS proxy, see docs/commands/serve.md"
