#!/usr/bin/env bash
# The long fuzz run (not part of CI; docs/fuzzing.md records the last run).
#
#   scripts/fuzz.sh [seconds per target] [target ...]
#
# Installs the nightly toolchain and cargo-fuzz when missing, seeds each
# target's corpus from norms/ and the test fixtures (package documents and
# bundles, every expression in them, every case's answers and the kept
# regression inputs), runs each target in turn for the given time (default
# 300 s) at the lowest priority, one at a time, and minimises the corpus
# (cargo fuzz cmin). Crashes land in fuzz/artifacts/<target>/; turn each into
# a file under rules-core/tests/fuzz_regressions/<target>/ plus a line in
# expected.json there, so `cargo test` keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${1:-300}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(load_package expression answers compiled)
JOBS="${FUZZ_JOBS:-1}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

echo "== seeding fuzz/corpus/ from norms/ and test fixtures"
cargo build --locked --release -p rules-cli
mkdir -p fuzz/corpus/{load_package,expression,answers,compiled}
node - <<'EOF'
const { readdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const put = (target, text) => {
  const name = createHash('sha1').update(text).digest('hex');
  writeFileSync(join('fuzz/corpus', target, name), text);
};
const dirs = [];
for (const parent of ['norms', 'tests/conformance/fixtures']) {
  for (const name of readdirSync(parent).sort()) if (existsSync(join(parent, name, 'package.json'))) dirs.push(join(parent, name));
}
const expressions = new Set();
const walk = (v, key) => {
  if (typeof v === 'string' && ['when', 'amount', 'ask_if', 'per', 'maximum'].includes(key)) expressions.add(v);
  else if (Array.isArray(v)) v.forEach((x) => walk(x));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
};
for (const dir of dirs) {
  const source = readFileSync(join(dir, 'package.json'), 'utf8');
  put('load_package', source);
  put('load_package', execFileSync('target/release/urenwijzer', ['bundle', dir], { encoding: 'utf8' }));
  execFileSync('target/release/urenwijzer', ['bundle', dir, '--out', 'target/fuzz-seed-bundles'], { stdio: 'ignore' });
  walk(JSON.parse(source));
  const cases = join(dir, 'cases');
  if (existsSync(cases)) {
    for (const f of readdirSync(cases)) put('answers', JSON.stringify(JSON.parse(readFileSync(join(cases, f), 'utf8')).answers ?? null));
  }
}
for (const e of expressions) put('expression', e);
for (const f of readdirSync('target/fuzz-seed-bundles')) {
  if (f.endsWith('.uwb')) put('compiled', readFileSync(join('target/fuzz-seed-bundles', f)));
}
for (const target of ['load_package', 'expression', 'answers', 'compiled']) {
  const kept = join('rules-core/tests/fuzz_regressions', target);
  if (existsSync(kept)) for (const f of readdirSync(kept)) put(target, readFileSync(join(kept, f)));
}
EOF
for t in "${TARGETS[@]}"; do echo "$t: $(ls fuzz/corpus/$t | wc -l) seed inputs"; done

cd fuzz
for t in "${TARGETS[@]}"; do
  echo; echo "== cargo +nightly fuzz run $t (${SECONDS_PER_TARGET}s)"
  # One job runs in this process (with -jobs libFuzzer writes fuzz-N.log instead).
  parallel=()
  [ "$JOBS" -gt 1 ] && parallel=(-jobs="$JOBS" -workers="$JOBS")
  # -detect_leaks=0: LeakSanitizer needs ptrace, which containers often block.
  nice -n 19 cargo +nightly fuzz run "$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" "${parallel[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 2>&1 | tee "../target/fuzz-$t.log" \
    | grep -E '^(#[0-9]+ +(INITED|DONE)|stat::|==[0-9]+==|SUMMARY|Test unit written)' || true
  echo "== cargo +nightly fuzz cmin $t"
  nice -n 19 cargo +nightly fuzz cmin "$t" "corpus/$t" -- -max_len=65536 -timeout=10 2>&1 | tail -n 2
  echo "$t: $(ls "corpus/$t" | wc -l) inputs after cmin; crashes: $(ls "artifacts/$t" 2>/dev/null | wc -l)"
done
