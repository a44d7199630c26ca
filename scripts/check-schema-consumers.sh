#!/usr/bin/env bash
# The JSON Schema proven with the tools the Python and TypeScript teams use, on both catalogue
# documents: generated/schema/ors-events.schema.json (for validators: it dispatches on `name`) and
# generated/schema/ors-events.types.schema.json (for type generators: a `oneOf` of every event).
#   1. Python `jsonschema`: every schema passes the 2020-12 metaschema; verdicts on the corpus;
#      `best_match` on every invalid line with the validators' document
#   2. ajv 8 (ajv/dist/2020, strict mode): every schema compiles; verdicts on the corpus; the
#      first error on every invalid line with the validators' document
#   3. datamodel-code-generator: pydantic v2 models, from the types document, that parse every
#      valid corpus event
#   4. json-schema-to-typescript: types, from the types document, that `tsc --noEmit --strict`
#      checks with a small consumer and with the corpus
# Every verdict must be the one the Rust validator gives (the "valid" of each line of
# tests/corpus/events.jsonl); the first disagreement fails the run with the offending line. On the
# invalid lines, the error Python's `best_match` and ajv's first error give with the validators'
# document must never be a `oneOf`, `anyOf`, `if` or `then` around the failing keyword; where it
# is the keyword of the Rust validator's first violation (`ors-events validate --format json`),
# it must point at the same member; and that must hold for at least 98 % of the invalid lines.
#
# The tools are pinned in scripts/schema-consumers/ (requirements.txt, package.json and
# package-lock.json) and installed by scripts/schema-consumers/tools.sh on first use, into
# target/schema-venv and target/schema-node; later runs reuse them until a pin file changes.
# SCHEMA_CONSUMERS_REINSTALL=1 forces a fresh install. Everything the tools generate goes to
# target/schema-consumers/ and is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/schema-consumers/tools.sh

schema=generated/schema/ors-events.schema.json
types=generated/schema/ors-events.types.schema.json
events=generated/schema/events
corpus=tests/corpus/events.jsonl
out=target/schema-consumers

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check-schema-consumers: %s\n' "$*" >&2; exit 1; }

for file in "$schema" "$types" "$corpus"; do
  [[ -f $file ]] || fail "$file is missing"
done
started=$SECONDS

step "tools (pinned in $consumers/)"
install_schema_consumers || fail "cannot install the tools"
print_schema_consumer_versions
rm -rf "$out"
mkdir -p "$out/python" "$out/ts"

step "the Rust validator's violations of the corpus's envelopes"
# One envelope per corpus line, so that line numbers match.
"$venv/bin/python" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.dumps(json.loads(line)["envelope"]) if line.strip() else "")
' "$corpus" >"$out/envelopes.jsonl"
echo "  \$ ors-events validate --format json $out/envelopes.jsonl"
status=0
cargo run --quiet -p ors-events-cli -- validate --format json "$out/envelopes.jsonl" \
  >"$out/rust-violations.jsonl" 2>"$out/rust-summary.txt" || status=$?
[[ $status == 1 ]] || fail "ors-events validate exited with $status: $(cat "$out/rust-summary.txt")"
echo "  $(cat "$out/rust-summary.txt")"

step "1/4 Python jsonschema: 2020-12 metaschema, verdicts and best_match on $corpus"
"$venv/bin/python" "$consumers/check_jsonschema.py" "$schema" "$types" "$events" "$corpus" \
  "$out/rust-violations.jsonl"

step "2/4 ajv (ajv/dist/2020, strict: true): compile, verdicts and first errors on $corpus"
node "$consumers/check_ajv.js" "$node_root" "$schema" "$types" "$events" "$corpus" \
  "$out/rust-violations.jsonl"

step "3/4 datamodel-code-generator: pydantic v2 models from $types"
# Class names: the `$defs` keys, which are also the Rust names (VoiceHoldDone, CallState, Hints),
# given by --model-name-map (the full-path strategy alone prefixed the `$defs` entries it met
# before any reference with the root's name); the `data` objects inside them are named after their
# event by the full-path strategy (VoiceHoldDoneData); the root model is OrsEvent.
"$venv/bin/python" -c '
import json, sys
keys = json.load(open(sys.argv[1]))["$defs"]
json.dump({f"#/$defs/{key}": key for key in keys}, open(sys.argv[2], "w"), indent=1)
' "$types" "$out/python/model-names.json"
py_target=$("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
dcg=(
  "$venv/bin/datamodel-codegen"
  --input "$types" --input-file-type jsonschema --schema-version 2020-12
  --output-model-type pydantic_v2.BaseModel --target-python-version "$py_target"
  --class-name OrsEvent --naming-strategy full-path --model-name-map "$out/python/model-names.json"
  --formatters builtin --disable-timestamp
  --output "$out/python/ors_events_models.py"
)
echo "  \$ datamodel-codegen ${dcg[*]:1}"
"${dcg[@]}"
echo "  $(grep -c '^class ' "$out/python/ors_events_models.py") classes in $out/python/ors_events_models.py"
"$venv/bin/python" "$consumers/check_pydantic.py" "$out/python/ors_events_models.py" "$corpus"

step "4/4 json-schema-to-typescript: TypeScript types, tsc --noEmit --strict"
json2ts=("$node_root/node_modules/.bin/json2ts" -i "$types" -o "$out/ts/ors-events.d.ts" --unknownAny)
echo "  \$ json2ts ${json2ts[*]:1}"
"${json2ts[@]}"
echo "  $(grep -c '^export interface ' "$out/ts/ors-events.d.ts") interfaces and $(grep -c '^export type ' "$out/ts/ors-events.d.ts") type aliases in $out/ts/ors-events.d.ts"
cp "$consumers/uses-events.ts" "$out/ts/"
node "$consumers/check_ts.js" "$node_root" "$out/ts" "$corpus"

printf '\nschema consumers: all four agree with the Rust validator (%ds)\n' "$((SECONDS - started))"
