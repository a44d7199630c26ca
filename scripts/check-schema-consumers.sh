#!/usr/bin/env bash
# The JSON Schema proven with the tools the Python and TypeScript teams use:
#   1. Python `jsonschema`: every schema passes the 2020-12 metaschema; verdicts on the corpus
#   2. ajv 8 (ajv/dist/2020, strict mode): every schema compiles; verdicts on the corpus
#   3. datamodel-code-generator: pydantic v2 models that parse every valid corpus event
#   4. json-schema-to-typescript: types that `tsc --noEmit --strict` checks with a small consumer
#      and with the corpus
# Every verdict must be the one the Rust validator gives (the "valid" of each line of
# tests/corpus/events.jsonl); the first disagreement fails the run with the offending line.
#
# The tools are pinned in scripts/schema-consumers/ (requirements.txt, package.json and
# package-lock.json) and installed here on first use, into target/schema-venv (python3 -m venv,
# PyPI) and target/schema-node (npm ci, the npm registry); later runs reuse them until a pin file
# changes. SCHEMA_CONSUMERS_REINSTALL=1 forces a fresh install. Everything the tools generate
# goes to target/schema-consumers/ and is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."

consumers=scripts/schema-consumers
schema=generated/schema/ors-events.schema.json
events=generated/schema/events
corpus=tests/corpus/events.jsonl
venv=target/schema-venv
node_root=target/schema-node
out=target/schema-consumers

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check-schema-consumers: %s\n' "$*" >&2; exit 1; }
# True when DIR was installed with STAMP from exactly these pin files (copies kept in DIR).
installed() {
  local dir=$1 stamp=$2 file
  shift 2
  [[ ${SCHEMA_CONSUMERS_REINSTALL:-} != 1 && "$(cat "$dir/.installed" 2>/dev/null)" == "$stamp" ]] || return 1
  for file in "$@"; do cmp -s "$file" "$dir/$(basename "$file")" || return 1; done
}

for tool in python3 node npm; do
  command -v "$tool" >/dev/null || fail "$tool is required"
done
for file in "$schema" "$corpus"; do
  [[ -f $file ]] || fail "$file is missing"
done
started=$SECONDS

step "tools (pinned in $consumers/)"
# Python: a venv with exactly the pinned packages (--no-deps + pip check: a dependency missing
# from requirements.txt fails instead of being installed unpinned).
py_stamp=$(python3 --version)
if ! installed "$venv" "$py_stamp" "$consumers/requirements.txt" || ! "$venv/bin/python" -c '' 2>/dev/null; then
  echo "installing Python tools into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install --quiet --no-deps --requirement "$consumers/requirements.txt"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" check
  cp "$consumers/requirements.txt" "$venv/"
  echo "$py_stamp" >"$venv/.installed"
else
  echo "reusing $venv"
fi
# Node: npm ci from the committed lock file (no install scripts: none of the packages has one).
node_stamp="$(node --version) $(node -p 'process.platform + "-" + process.arch')"
if ! installed "$node_root" "$node_stamp" "$consumers/package.json" "$consumers/package-lock.json" || [[ ! -d $node_root/node_modules/.bin ]]; then
  echo "installing Node tools into $node_root"
  rm -rf "$node_root"
  mkdir -p "$node_root"
  cp "$consumers/package.json" "$consumers/package-lock.json" "$node_root/"
  (cd "$node_root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$node_stamp" >"$node_root/.installed"
else
  echo "reusing $node_root"
fi
"$venv/bin/python" - <<'EOF'
from importlib.metadata import version
import sys
print(f"python {sys.version.split()[0]}: " + ", ".join(
    f"{name} {version(name)}" for name in ("jsonschema", "datamodel-code-generator", "pydantic")))
EOF
(cd "$node_root" && node -e '
const v = (name) => `${name} ${require(`${name}/package.json`).version}`;
console.log(`node ${process.version}: ${["ajv", "json-schema-to-typescript", "typescript"].map(v).join(", ")}`);')
rm -rf "$out"
mkdir -p "$out/python" "$out/ts"

step "1/4 Python jsonschema: 2020-12 metaschema, verdicts on $corpus"
"$venv/bin/python" "$consumers/check_jsonschema.py" "$schema" "$events" "$corpus"

step "2/4 ajv (ajv/dist/2020, strict: true): compile, verdicts on $corpus"
node "$consumers/check_ajv.js" "$node_root" "$schema" "$events" "$corpus"

step "3/4 datamodel-code-generator: pydantic v2 models from $schema"
# Class names: the `$defs` keys, which are also the Rust names (VoiceHoldDone, CallState, Hints),
# given by --model-name-map (the full-path strategy alone prefixed the `$defs` entries it met
# before any reference with the root's name); the `data` objects inside them are named after their
# event by the full-path strategy (VoiceHoldDoneData); the root model is OrsEvent.
"$venv/bin/python" -c '
import json, sys
keys = json.load(open(sys.argv[1]))["$defs"]
json.dump({f"#/$defs/{key}": key for key in keys}, open(sys.argv[2], "w"), indent=1)
' "$schema" "$out/python/model-names.json"
py_target=$("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
dcg=(
  "$venv/bin/datamodel-codegen"
  --input "$schema" --input-file-type jsonschema --schema-version 2020-12
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
json2ts=("$node_root/node_modules/.bin/json2ts" -i "$schema" -o "$out/ts/ors-events.d.ts" --unknownAny)
echo "  \$ json2ts ${json2ts[*]:1}"
"${json2ts[@]}"
echo "  $(grep -c '^export interface ' "$out/ts/ors-events.d.ts") interfaces and $(grep -c '^export type ' "$out/ts/ors-events.d.ts") type aliases in $out/ts/ors-events.d.ts"
cp "$consumers/uses-events.ts" "$out/ts/"
node "$consumers/check_ts.js" "$node_root" "$out/ts" "$corpus"

printf '\nschema consumers: all four agree with the Rust validator (%ds)\n' "$((SECONDS - started))"
