#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/, cargo-fuzz with libFuzzer on the nightly toolchain) one after
# another, each for SECONDS with one job, and prints what libFuzzer reports for each: executions,
# coverage (cov: edges, ft: features), corpus size and time. A crash fails the script and leaves
# its input in fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # CI: 25 s each; the long campaign: 600 or more
#
# New inputs go to target/fuzz-corpus/TARGET/ (kept between runs), never to the committed seeds
# in fuzz/seeds/TARGET/. cargo-fuzz is installed from crates.io when missing. The nightly
# toolchain cannot be fetched on this project's machines: without one the script says so and
# exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-25}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(spec events lint version)
CARGO_FUZZ_VERSION=0.13.2

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: SKIPPED, no nightly toolchain on this machine (rustup toolchain list)"
  exit 0
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
fi

target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
logs="target/fuzz-logs"
mkdir -p "$logs"
if ! cargo +nightly fuzz build --target-dir "$target_dir" >"$logs/build.log" 2>&1; then
  tail -n 40 "$logs/build.log"
  exit 1
fi

printf '%-8s %12s %8s %8s %8s %8s %s\n' target executions cov ft corpus seconds result
status=0
for target in "${targets[@]}"; do
  corpus="target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  log="$logs/$target.log"
  result=ok
  started=$SECONDS
  # With -jobs, libFuzzer runs the job in a child that logs to ./fuzz-0.log, and copies that
  # log to its own output when the job ends.
  cargo +nightly fuzz run --target-dir "$target_dir" "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 >"$log" 2>&1 || { result=CRASH; status=1; }
  rm -f fuzz-0.log
  took=$((SECONDS - started))
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  runs=$(grep -oE 'number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  [ -n "$runs" ] || runs=$(awk '{ print substr($1, 2) }' <<<"$last")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo -)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo -)
  units=$(grep -oE 'corp: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo -)
  printf '%-8s %12s %8s %8s %8s %8s %s\n' "$target" "$runs" "$cov" "$ft" "$units" "$took" "$result"
  if [ "$result" != ok ]; then
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -n 20
  fi
done
exit "$status"
