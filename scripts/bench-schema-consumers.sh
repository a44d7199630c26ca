#!/usr/bin/env bash
# Per-event validation time of Python `jsonschema` and ajv with the two catalogue documents, in
# one run, on the corpus: generated/schema/ors-events.types.schema.json (a `oneOf` of every event,
# the shape the validators' document had before it dispatched on `name`) and
# generated/schema/ors-events.schema.json (which dispatches on `name`). Prints a Markdown table,
# with each figure the median of ROUNDS rounds (default 7) in which the documents take turns, for
# all lines of the corpus, its valid lines and its invalid lines. No timing is asserted.
#
# Usage: scripts/bench-schema-consumers.sh [CORPUS_JSONL]   (default tests/corpus/events.jsonl;
# lines as there, {"valid": ..., "envelope": {...}}, or envelopes alone, as the example `corpus`
# writes them: `cargo run --example corpus -- events 5000 > target/events-5k.jsonl`). ROUNDS=…
# sets the number of rounds.
# The tools are the pinned ones of scripts/check-schema-consumers.sh (scripts/schema-consumers/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/schema-consumers/tools.sh

corpus=${1:-tests/corpus/events.jsonl}
rounds=${ROUNDS:-7}
old=generated/schema/ors-events.types.schema.json
new=generated/schema/ors-events.schema.json

install_schema_consumers >&2
print_schema_consumer_versions >&2
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); CPU time per event"
"$venv/bin/python" "$consumers/bench_jsonschema.py" "$rounds" "$corpus" "$old" "$new"
node "$consumers/bench_ajv.js" "$node_root" "$rounds" "$corpus" "$old" "$new"
