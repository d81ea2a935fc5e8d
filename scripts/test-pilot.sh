#!/usr/bin/env bash
# The pilot report: a generated pilot of 200 records through `urenwijzer pilot`,
# checked against an independent computation (tests/pilot/).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -p rules-cli
URENWIJZER="$PWD/target/debug/urenwijzer" node --test tests/pilot/
