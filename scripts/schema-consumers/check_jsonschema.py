"""Python `jsonschema`: the exported schemas pass the 2020-12 metaschema; both catalogue documents
and the event's own schema give every corpus line the verdict the Rust validator gives (the
line's "valid"); and on the invalid lines, `best_match` with the validators' document names the
keyword that fails: never a `oneOf`, `anyOf`, `if` or `then` around it; whenever it is the
keyword of the Rust validator's first violation, at that violation's member; and that on at
least 98 % of the lines.

Usage: check_jsonschema.py VALIDATORS_SCHEMA TYPES_SCHEMA EVENTS_SCHEMA_DIR CORPUS_JSONL
       RUST_VIOLATIONS_JSONL
RUST_VIOLATIONS_JSONL is `ors-events validate --format json` of the corpus's envelopes, one
envelope per corpus line.
"""

import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

# Keywords that only combine or select other schemas: an error of theirs says that something
# failed, not what.
WRAPPERS = {"oneOf", "anyOf", "allOf", "not", "if", "then", "else", "$ref", "$dynamicRef", None}

# The keyword that reports the flaw each violation code of the Rust validator names.
KEYWORD_OF_CODE = {
    "wrong-type": "type",
    "missing-attribute": "required",
    "missing-field": "required",
    "unknown-attribute": "additionalProperties",
    "unknown-field": "additionalProperties",
    "unknown-event": "enum",
    "enum-value": "enum",
}


# The share of invalid lines whose best error must name the failing keyword.
MINIMUM_SHARE = 0.98


def percent(count, lines):
    return f"{100 * count / len(lines):.1f} %"


def pointer(path):
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def member_pointer(error):
    """The JSON pointer of the member an error is about: the value that failed, or for a missing
    or unexpected member, that member of the object that failed."""
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        named = [name for name in missing if error.message == f"{name!r} is a required property"]
        path.append((named or missing)[0])
    elif error.validator == "additionalProperties" and error.validator_value is False:
        described = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        path.append(next(
            name for name in error.instance
            if name not in described and not any(re.search(p, name) for p in patterns)
        ))
    return pointer(path)


def check_metaschema(schemas):
    """Every schema declares 2020-12 and passes its metaschema; a message, or None."""
    for path, schema in schemas:
        if schema.get("$schema") != Draft202012Validator.META_SCHEMA["$id"]:
            return f"{path}: $schema is {schema.get('$schema')!r}, not draft 2020-12"
        if jsonschema.validators.validator_for(schema) is not Draft202012Validator:
            return f"{path}: jsonschema does not pick Draft202012Validator for it"
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as error:
            return f"{path}: fails the 2020-12 metaschema at {error.json_path}: {error.message}"
    return None


def check_verdicts(label, validator_of, entries, corpus_path, failures):
    """`validator_of(entry)` must give every line its verdict; the count that agree."""
    agree = 0
    for number, line, entry in entries:
        validator = validator_of(entry)
        if validator is None:
            failures.append(f"{corpus_path}:{number}: {label}: no schema for {entry['event']}")
            continue
        verdict = validator.is_valid(entry["envelope"])
        if verdict == entry["valid"]:
            agree += 1
            continue
        errors = [e.message for e in validator.iter_errors(entry["envelope"])][:3]
        failures.append(
            f"{corpus_path}:{number}: {label} says valid={verdict}, the Rust validator says "
            f"valid={entry['valid']} ({entry['event']}, {entry['flaw']}): {errors}\n  {line}"
        )
    return agree


def error_quality(validator, invalid, rust, corpus_path, failures):
    """`best_match` on every invalid line. Returns the count of lines whose best error names the
    failing keyword, the one that describes the Rust validator's first violation (each of them
    must point at that violation's member), and a note for each line whose best error names
    another keyword. An error of a wrapper (`oneOf`, `if`, ...) is a failure."""
    named = 0
    others = []
    for number, line, entry in invalid:
        error = best_match(validator.iter_errors(entry["envelope"]))
        code, rust_pointer = rust.get(number, (None, None))
        if error.validator in WRAPPERS:
            failures.append(
                f"{corpus_path}:{number}: best_match is `{error.validator}` at "
                f"{pointer(error.absolute_path)!r} ({error.message[:120]}), not the failing "
                f"keyword; the Rust validator: {code} at {rust_pointer}\n  {line}"
            )
        elif KEYWORD_OF_CODE.get(code) != error.validator:
            others.append(f"{corpus_path}:{number}: `{error.validator}` at "
                          f"{member_pointer(error)}; the Rust validator: {code} at {rust_pointer}")
        elif member_pointer(error) != rust_pointer:
            failures.append(
                f"{corpus_path}:{number}: best_match `{error.validator}` points at "
                f"{member_pointer(error)!r}, the Rust validator's {code} at {rust_pointer!r}\n"
                f"  {line}"
            )
        else:
            named += 1
    return named, others


def first_violations(path):
    """Line number -> (code, pointer) of the first violation the Rust validator reports."""
    first = {}
    for text in path.read_text(encoding="utf-8").splitlines():
        violation = json.loads(text)
        first.setdefault(violation["line"], (violation["code"], violation["pointer"]))
    return first


def main() -> int:
    validators_path, types_path, events_dir, corpus_path, rust_path = (
        Path(arg) for arg in sys.argv[1:6]
    )
    schemas = [(validators_path, json.loads(validators_path.read_text(encoding="utf-8"))),
               (types_path, json.loads(types_path.read_text(encoding="utf-8")))]
    for path in sorted(events_dir.glob("*.schema.json")):
        schemas.append((path, json.loads(path.read_text(encoding="utf-8"))))
    problem = check_metaschema(schemas)
    if problem:
        print(problem)
        return 1
    print(
        f"python jsonschema {version('jsonschema')}: {len(schemas)} schemas pass the "
        f"2020-12 metaschema (2 catalogue documents + {len(schemas) - 2} per event)"
    )

    entries = [
        (number, line, json.loads(line))
        for number, line in enumerate(corpus_path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]
    validators = Draft202012Validator(schemas[0][1])
    types = Draft202012Validator(schemas[1][1])
    per_event = {
        schema["properties"]["name"]["const"]: Draft202012Validator(schema)
        for _, schema in schemas[2:]
    }
    failures = []
    agree = check_verdicts(
        validators_path.name, lambda _: validators, entries, corpus_path, failures
    )
    types_agree = check_verdicts(types_path.name, lambda _: types, entries, corpus_path, failures)
    # The event's own schema rejects an envelope whose name is another event's, as it should.
    own_agree = check_verdicts(
        "events/", lambda entry: per_event.get(entry["event"]), entries, corpus_path, failures
    )
    print(
        f"python jsonschema: {len(entries)} events checked, {agree} agree with "
        f"{validators_path.name}, {types_agree} with {types_path.name}, {own_agree} with the "
        f"event's own schema in events/"
    )

    invalid = [item for item in entries if not item[2]["valid"]]
    rust = first_violations(rust_path)
    named, others = error_quality(validators, invalid, rust, corpus_path, failures)
    print(
        f"python jsonschema best_match with {validators_path.name}: {named} of {len(invalid)} "
        f"invalid lines ({percent(named, invalid)}) name the failing keyword, the one of the Rust "
        f"validator's first violation, at its member; {len(others)} name another keyword"
    )
    for note in others:
        print(f"  {note}")
    if named < MINIMUM_SHARE * len(invalid):
        failures.append(f"best_match names the failing keyword on less than "
                        f"{MINIMUM_SHARE:.0%} of the invalid lines")
    before, _ = error_quality(types, invalid, rust, corpus_path, [])
    print(
        f"  for comparison, with {types_path.name} (a oneOf of every event): {before} of "
        f"{len(invalid)} ({percent(before, invalid)})"
    )
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
