#!/usr/bin/env bash
# The public API summaries in api/ match the crates (`cargo xtask public-api --check`), and the
# check can fail: against a copy of api/ with one item taken out of a summary and a made-up one
# put in, it must fail and name both. Rustdoc JSON needs the nightly toolchain, which cannot be
# fetched on this project's machines: without one the script says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "public API: SKIPPED, no nightly toolchain on this machine (rustup toolchain list)"
  exit 0
fi

cargo xtask public-api --check

echo "== the check fails on a changed summary"
tampered=target/api-tampered
rm -rf "$tampered"
cp -r api "$tampered"
summary=$tampered/ors-events-core.txt
taken=$(grep -m1 '^pub fn ' "$summary")
made_up='pub fn ors_events_core::made_up_for_the_test()'
grep -vxF -- "$taken" "$summary" >"$summary.new" || true
echo "$made_up" >>"$summary.new"
mv "$summary.new" "$summary"
if cargo xtask public-api --check --dir "$tampered" >target/api-tampered.log 2>&1; then
  echo "error: cargo xtask public-api --check passed a summary with an item taken out and one made up"
  exit 1
fi
for expected in "+ $taken" "- $made_up" "run \`cargo xtask public-api\`"; do
  if ! grep -qF -- "$expected" target/api-tampered.log; then
    cat target/api-tampered.log
    echo "error: the failed check does not say: $expected"
    exit 1
  fi
done
echo "it fails, naming the item taken out, the one made up and the refresh command"
