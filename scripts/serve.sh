#!/usr/bin/env bash
# The README's main command: installs what is needed, builds the browser
# engine and the self-check site, and serves it on http://localhost:8080/
# (PORT=... to change the port). Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The embeddable widget first (so the README's snippet works against this
# server): it builds the three browser modules when they are missing or
# older than their sources (need_wasm), so a second start does not rebuild them.
bash scripts/build-widget.sh
bash scripts/build-site.sh
echo
exec node scripts/serve.mjs www/dist
