#!/usr/bin/env bash
# The README's main command: installs what is needed, builds the browser
# engine and the self-check site, and serves it on http://localhost:8080/
# (PORT=... to change the port). Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
bash scripts/build-site.sh
# The embeddable widget too, so the README's snippet works against this server.
WIDGET_SKIP_WASM=1 bash scripts/build-widget.sh
echo
exec node scripts/serve.mjs www/dist
