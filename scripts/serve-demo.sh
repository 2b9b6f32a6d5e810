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
# The server reads the tracker before it listens: give it up to a minute on a busy machine.
connected=no
for _ in $(seq 1 600); do
  # The braces take bash's own "connection refused" note while the server is still starting.
  if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then connected=yes; break; fi
  sleep 0.1
done
if [ "$connected" != yes ]; then echo "serve-demo: accord serve did not answer on port $port" >&2; exit 1; fi
printf 'GET /?as-of=2019-12-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
# The server closes the connection after the page (Connection: close); a bound on the wait
# keeps the demo from hanging if it does not.
page=$(timeout 30 cat <&3 || true)
exec 3<&-
echo
echo "\$ accord serve --repo $tracker --listen 127.0.0.1:$port   (the dashboard at 2019-12-01, as text)"
printf '%s\n' "$page" | head -1
# The dashboard's table, tags dropped: enough to see the server answered with the tracker.
printf '%s\n' "$page" | sed -n '/<tbody>/,/<\/tbody>/p' | sed -e 's/<[^>]*>/ /g' -e 's/  */ /g' -e '/^ *$/d' | head -12
echo "For an office: accounts (accord user add) and an HTTPS proxy, see docs/commands/serve.md"
