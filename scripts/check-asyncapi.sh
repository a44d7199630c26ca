#!/usr/bin/env bash
# The AsyncAPI document (generated/asyncapi/ors-events.asyncapi.yaml) through the official
# parser, @asyncapi/parser (npm, pinned in scripts/schema-consumers/, installed into
# target/schema-node by scripts/schema-consumers/tools.sh): it validates the document against
# the AsyncAPI 3.0 schema and its rule set. The run fails on any diagnostic of severity error
# and prints the others; then scripts/schema-consumers/check_asyncapi.js checks the parsed
# model: exactly one message per catalogue event, by name (the names of the validators' JSON
# Schema), each in its family's channel and `receive` operation, its payload the event's
# definition, and the requestid correlation on the done and error events of every action. The
# documents of the fixture catalogues (codegen/tests/fixtures/*/expected/) are checked the same
# way: among them a catalogue whose every text is hostile to YAML, Markdown and HTML.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/schema-consumers/tools.sh

document=generated/asyncapi/ors-events.asyncapi.yaml
schema=generated/schema/ors-events.schema.json

fail() { printf 'check-asyncapi: %s\n' "$*" >&2; exit 1; }

pairs=("$document" "$schema")
for expected in codegen/tests/fixtures/*/expected; do
  pairs+=("$expected/asyncapi/ors-events.asyncapi.yaml" "$expected/schema/ors-events.schema.json")
done
for file in "${pairs[@]}"; do
  [[ -f $file ]] || fail "$file is missing"
done
started=$SECONDS
install_node_consumers || fail "cannot install the tools"
(cd "$node_root" && node -e 'console.log(`node ${process.version}: @asyncapi/parser ${require("@asyncapi/parser/package.json").version}`)')
node "$consumers/check_asyncapi.js" "$node_root" "${pairs[@]}"
printf 'AsyncAPI: the official parser accepts the %d documents (%ds)\n' "$((${#pairs[@]} / 2))" "$((SECONDS - started))"
