#!/usr/bin/env bash
# Every publishable workspace member (from `cargo metadata`) packages and builds from its
# tarball: `cargo package --workspace` with verification, as `cargo publish` would do it.
#
# - No package ships a directory that building and the docs do not need (tests/, benches/,
#   generated/, scripts/, fuzz/, target/): each crate's `include` list keeps them out.
# - Every package ships LICENSE-MIT, LICENSE-APACHE and its README.
# - cargo prints no warning but the expected ones: a test, bench or example target dropped
#   because its file is not in the package.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=$(cargo metadata --format-version 1 --no-deps --locked | python3 -c '
import json, sys
meta = json.load(sys.stdin)
members = set(meta["workspace_members"])
for package in meta["packages"]:
    # `publish = false` is an empty list; null means any registry.
    if package["id"] in members and package["publish"] != []:
        print(package["name"])
')

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

log=target/ci-package.log
mkdir -p target
if ! cargo package --workspace --locked --allow-dirty >"$log" 2>&1; then
  cat "$log"
  echo "error: cargo package --workspace failed (log above)"
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
echo "cargo package --workspace: $(grep -cE "$dropped" "$log") test, bench and example targets left out of the packages, as intended"
