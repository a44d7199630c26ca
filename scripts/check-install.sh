#!/usr/bin/env bash
# An installed `ors-events`, run from `/` (no checkout there or above): it prints the schema,
# validates a file, lints a file and prints completions with the compiled-in catalogue, and
# `check` fails with a clear `error:` and exit status 2 instead of reading the checkout it was
# built in.
#
# `cargo install --path cli` as the README's quick start says, with the workspace's lock file,
# a debug build and the workspace's target directory, so that it reuses what the tests built
# instead of building everything again in release mode.
#
# Usage: scripts/check-install.sh     (from anywhere; needs cargo)
set -euo pipefail
cd "$(dirname "$0")/.."
workspace=$(pwd)
target="${CARGO_TARGET_DIR:-$workspace/target}"
case "$target" in /*) ;; *) target="$workspace/$target" ;; esac
root="$target/install-check"
rm -rf "$root"
cargo install --quiet --path cli --locked --debug --root "$root" --target-dir "$target"
bin="$root/bin/ors-events"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '%s\n' '{"name": "interaction.added", "data": {"interactionid": "ix-1"}}' > "$scratch/events.jsonl"
cp tests/lint/clean.scxml "$scratch/app.scxml"

fail() { echo "check-install: $*" >&2; exit 1; }
cd /
[ ! -e /spec/catalogue.yaml ] || fail "/spec/catalogue.yaml exists: this check needs a directory without a spec"

"$bin" schema > "$scratch/schema.json" || fail "schema failed"
cmp -s "$scratch/schema.json" "$workspace/generated/schema/ors-events.schema.json" \
  || fail "the schema printed from / differs from generated/schema/ors-events.schema.json"
"$bin" validate "$scratch/events.jsonl" > "$scratch/validate.txt" || fail "validate failed"
[ "$(cat "$scratch/validate.txt")" = "1 event, 0 invalid" ] || fail "validate printed: $(cat "$scratch/validate.txt")"
"$bin" lint "$scratch/app.scxml" > "$scratch/lint.txt" || fail "lint failed"
[ "$(cat "$scratch/lint.txt")" = "1 file: no findings" ] || fail "lint printed: $(cat "$scratch/lint.txt")"
for shell in bash zsh fish powershell elvish; do
  "$bin" completions "$shell" > "$scratch/completions" || fail "completions $shell failed"
  grep -q validate "$scratch/completions" || fail "completions $shell do not name validate"
done

status=0
"$bin" check > "$scratch/check.out" 2> "$scratch/check.err" || status=$?
[ "$status" -eq 2 ] || fail "check from / exited $status, not 2"
grep -q '^error: no spec directory: ' "$scratch/check.err" || fail "check from / said: $(cat "$scratch/check.err")"
[ ! -s "$scratch/check.out" ] || fail "check from / printed on standard output"

echo "installed ors-events from /: schema, validate, lint, completions ok; check: $(cat "$scratch/check.err")"
