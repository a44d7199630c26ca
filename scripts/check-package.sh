#!/usr/bin/env bash
# Every publishable workspace member (scripts/publishable.py, from `cargo metadata`) packages
# and builds from its tarball: `cargo package` with verification, as `cargo publish --workspace`
# would do it.
#
# - No package ships a directory that building and the docs do not need (tests/, benches/,
#   generated/, scripts/, fuzz/, target/): each crate's `include` list keeps them out.
# - Every package ships LICENSE-MIT, LICENSE-APACHE and its README.
# - cargo prints no warning but the expected ones: a test, bench or example target dropped
#   because its file is not in the package.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=$(python3 scripts/publishable.py)

failed=0
for package in $packages; do
  files=$(cargo package --locked --allow-dirty --list -p "$package" 2>/dev/null)
  stray=$(grep -E '^(tests|benches|generated|scripts|fuzz|target)/' <<<"$files" || true)
  if [ -n "$stray" ]; then
    echo "error: $package ships files that building and the docs do not need (add an include list to its Cargo.toml):"
    head -20 <<<"$stray" | sed 's/^/  /'
    failed=1
  fi
  for needed in LICENSE-MIT LICENSE-APACHE README.md; do
    if ! grep -qx "$needed" <<<"$files"; then
      echo "error: $package does not ship $needed"
      failed=1
    fi
  done
  echo "$package: $(wc -l <<<"$files") files"
done
[ "$failed" = 0 ] || exit 1

# cargo verifies each package against the others through a temporary registry in
# target/package/, and extracts their tarballs into $CARGO_HOME/registry/src/<hash of that
# path>/ once, reusing the copy on the next run from the same checkout: it would build the
# previous run's sources. Those copies of our packages (never crates.io's) go first.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
for package in $packages; do
  for extracted in "$cargo_home"/registry/src/*/"$package"-[0-9]*; do
    case $extracted in
      */index.crates.io-*/*) ;;
      *) [ -d "$extracted" ] && rm -rf "$extracted" ;;
    esac
  done
done

log=target/ci-package.log
mkdir -p target
# `cargo package --workspace` less the members that are not published (`publish = false`, the
# xtask): cargo would package and verify those too.
selected=()
for package in $packages; do
  selected+=(-p "$package")
done
if ! cargo package --locked --allow-dirty "${selected[@]}" >"$log" 2>&1; then
  cat "$log"
  echo "error: cargo package failed (log above)"
  exit 1
fi
dropped='^warning: ignoring (test|benchmark|example) `[^`]*` as `[^`]*` is not included in the published package$'
unexpected=$(grep '^warning:' "$log" | grep -Ev "$dropped" || true)
if [ -n "$unexpected" ]; then
  cat "$log"
  echo "error: cargo package printed warnings:"
  echo "$unexpected"
  exit 1
fi
grep -E '^ +(Packaged|Verifying) ' "$log"
echo "cargo package: $(grep -cE "$dropped" "$log") test, bench and example targets left out of the packages, as intended"
