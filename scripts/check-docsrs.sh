#!/usr/bin/env bash
# Documents every publishable library crate as docs.rs does (nightly, all features, `--cfg
# docsrs`, which turns on the `doc(cfg(...))` notes on feature-gated items), with warnings as
# errors. The stable rustdoc step of .ci/run never sees `--cfg docsrs`. Shares the nightly
# target directory with `cargo xtask public-api`. Without a nightly toolchain (it cannot be
# fetched on this project's machines) the script says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "docs.rs build: SKIPPED, no nightly toolchain on this machine (rustup toolchain list)"
  exit 0
fi
crates=$(python3 scripts/publishable.py --lib | tr '\n' ' ')
args=()
for crate in $crates; do
  args+=(-p "$crate")
done
target_dir=$(cargo metadata --format-version 1 --no-deps --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/nightly
RUSTDOCFLAGS="--cfg docsrs -D warnings" cargo +nightly doc --locked --quiet --no-deps --all-features \
  --target-dir "$target_dir" "${args[@]}"
echo "docs.rs build without warnings: $crates"
