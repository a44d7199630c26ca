"""Python `jsonschema`: the exported schemas pass the 2020-12 metaschema, and the validator gives
every corpus line the verdict the Rust validator gives (the line's "valid").

Usage: check_jsonschema.py CATALOGUE_SCHEMA EVENTS_SCHEMA_DIR CORPUS_JSONL
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator


def main() -> int:
    catalogue_path, events_dir, corpus_path = (Path(arg) for arg in sys.argv[1:4])
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))

    # The metaschema check, with the dialect each schema declares.
    schemas = [(catalogue_path, catalogue)]
    for path in sorted(events_dir.glob("*.schema.json")):
        schemas.append((path, json.loads(path.read_text(encoding="utf-8"))))
    for path, schema in schemas:
        if schema.get("$schema") != Draft202012Validator.META_SCHEMA["$id"]:
            print(f"{path}: $schema is {schema.get('$schema')!r}, not draft 2020-12")
            return 1
        if jsonschema.validators.validator_for(schema) is not Draft202012Validator:
            print(f"{path}: jsonschema does not pick Draft202012Validator for it")
            return 1
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as error:
            print(f"{path}: fails the 2020-12 metaschema at {error.json_path}: {error.message}")
            return 1
    print(
        f"python jsonschema {version('jsonschema')}: {len(schemas)} schemas pass the "
        f"2020-12 metaschema (1 catalogue + {len(schemas) - 1} per event)"
    )

    catalogue_validator = Draft202012Validator(catalogue)
    per_event = {
        schema["properties"]["name"]["const"]: Draft202012Validator(schema)
        for path, schema in schemas[1:]
    }
    checked = agree = per_event_agree = 0
    failures = []
    for number, line in enumerate(corpus_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        entry = json.loads(line)
        envelope, expected = entry["envelope"], entry["valid"]
        checked += 1
        verdict = catalogue_validator.is_valid(envelope)
        if verdict == expected:
            agree += 1
        else:
            errors = [e.message for e in catalogue_validator.iter_errors(envelope)][:3]
            failures.append(
                f"{corpus_path}:{number}: catalogue schema says valid={verdict}, the Rust "
                f"validator says valid={expected} ({entry['event']}, {entry['flaw']}): "
                f"{errors}\n  {line}"
            )
        # The per-event schema of the line's event must accept exactly its valid lines too
        # (an envelope whose name is another event's is rejected by it, as it should be).
        validator = per_event.get(entry["event"])
        if validator is None:
            failures.append(f"{corpus_path}:{number}: no per-event schema for {entry['event']}")
            continue
        if validator.is_valid(envelope) == expected:
            per_event_agree += 1
        else:
            failures.append(
                f"{corpus_path}:{number}: events/{entry['event']}.schema.json says "
                f"valid={not expected}, the Rust validator says valid={expected}\n  {line}"
            )
    for failure in failures:
        print(failure)
    print(
        f"python jsonschema: {checked} events checked, {agree} agree "
        f"(and {per_event_agree} with the event's own schema in events/)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
