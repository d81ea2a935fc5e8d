#!/usr/bin/env bash
# The caseload benchmark of issue 9 (not a timed test; figures go to docs/performance.md):
#  1. generate 500,000 Haarlem households (CSV), run `urenwijzer impact` old vs new norm to all three
#     files (report.html, households.csv, summary.json) with per-household reasons: wall time
#     (best of 3) and peak memory (max RSS);
#  2. the engine alone: KPMG, one norm, answers already checked, figures only, one thread;
#  3. the same KPMG rules in OpenFisca (openfisca-core from PyPI, vectorised numpy), same households;
#     both print the total minutes per year, which must be equal.
# Usage: bash bench/impact/run.sh [households]   (OPENFISCA_PYTHON=/path/to/python to reuse a venv)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --locked --release -p rules-cli >/dev/null 2>&1
python3 bench/impact/generate.py --households "$N" > "$WORK/caseload.csv"
echo "== urenwijzer impact, $N households ($(du -h "$WORK/caseload.csv" | cut -f1) CSV), haarlem-ciz -> haarlem-2021"
for i in 1 2 3; do
  /usr/bin/time -f "   wall %e s, user %U s, sys %S s, peak memory %M KB" \
    ./target/release/urenwijzer impact norms/haarlem-ciz norms/haarlem-2021 "$WORK/caseload.csv" \
    --out "$WORK/out" --date 2025-01-01 2>&1 | grep -v '^[0-9]* huishoudens' || true
done
ls -l "$WORK/out" | tail -n +2 | awk '{print "   " $5 " bytes  " $9}'

echo "== engine alone (KPMG, figures only, one thread)"
cargo bench --locked -p rules-core --bench impact_engine -- "$N" 2>/dev/null | grep urenwijzer

echo "== OpenFisca (openfisca-core, vectorised, same KPMG rules and households)"
PY=${OPENFISCA_PYTHON:-}
if [ -z "$PY" ]; then
  python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q openfisca-core
  PY="$WORK/venv/bin/python"
fi
"$PY" -c 'import openfisca_core, importlib.metadata as m; print("   openfisca-core", m.version("openfisca-core"), "numpy", m.version("numpy"))'
"$PY" bench/impact/openfisca_kpmg.py "$N"
