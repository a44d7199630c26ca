"""datamodel-code-generator: the pydantic v2 module generated from the catalogue schema imports;
its root model `OrsEvent` parses a valid envelope of each family, then every valid corpus line,
choosing the event's own class and keeping every member (a dump of the parsed model is the
envelope again), and rejects every invalid line.

Invalid lines are judged in pydantic's strict mode (`strict=True`), whose types are the JSON
Schema's: the default lax mode converts "42" to an integer and "true" to a boolean, which the
schema rejects. Lax rejections are counted too, for information.

Usage: check_pydantic.py GENERATED_MODULE CORPUS_JSONL
"""

import importlib.util
import json
import sys
from pathlib import Path

from pydantic import ValidationError

FAMILIES = ("interaction", "voice", "msgbased", "chat")


def family(event: str) -> str:
    return event.removeprefix("error.").split(".", 1)[0]


def main() -> int:
    module_path, corpus_path = Path(sys.argv[1]), Path(sys.argv[2])
    spec = importlib.util.spec_from_file_location("ors_events_models", module_path)
    models = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = models
    spec.loader.exec_module(models)
    root = models.OrsEvent

    entries = []
    for number, line in enumerate(corpus_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            entries.append((number, line, json.loads(line)))
    valid = [item for item in entries if item[2]["valid"]]
    invalid = [item for item in entries if not item[2]["valid"]]
    failures = []

    def parse(number, line, entry):
        """Parses a valid envelope in lax and in strict mode; the event's own class must be
        chosen and a dump must give the envelope back. The parsed event, or None."""
        envelope = entry["envelope"]
        text = json.dumps(envelope)
        try:
            event = root.model_validate_json(text).root
            root.model_validate_json(text, strict=True)
        except ValidationError as error:
            failures.append(
                f"{corpus_path}:{number}: the generated models reject a valid {entry['event']}: "
                f"{error.error_count()} errors, first: {error.errors()[0]}\n  {line}"
            )
            return None
        if event.name != entry["event"]:
            failures.append(f"{corpus_path}:{number}: parsed as {type(event).__name__}\n  {line}")
            return None
        dumped = event.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if dumped != envelope:
            failures.append(
                f"{corpus_path}:{number}: {type(event).__name__} does not dump back to the "
                f"envelope: {json.dumps(dumped)}\n  {line}"
            )
            return None
        return event

    for wanted in FAMILIES:
        first = next((item for item in valid if family(item[2]["event"]) == wanted), None)
        if first is None:
            failures.append(f"{corpus_path}: no valid {wanted} event in the corpus")
            continue
        event = parse(*first)
        if event is not None:
            print(f"  {wanted}: line {first[0]} {first[2]['event']} -> {type(event).__name__}")

    parsed = sum(parse(*item) is not None for item in valid)

    def rejects(envelope, strict):
        try:
            root.model_validate_json(json.dumps(envelope), strict=strict)
        except ValidationError:
            return True
        return False

    rejected = lax_rejected = 0
    for number, line, entry in invalid:
        if rejects(entry["envelope"], strict=True):
            rejected += 1
        else:
            failures.append(
                f"{corpus_path}:{number}: the generated models accept it (strict=True), the "
                f"Rust validator says valid=false ({entry['event']}, {entry['flaw']})\n  {line}"
            )
        lax_rejected += rejects(entry["envelope"], strict=False)

    for failure in failures:
        print(failure)
    checked = len(entries)
    print(
        f"datamodel-code-generator (pydantic v2): {checked} events checked, "
        f"{parsed + rejected} agree ({parsed} of {len(valid)} valid parsed and dumped back "
        f"unchanged, {rejected} of {len(invalid)} invalid rejected; the default lax mode "
        f"rejects {lax_rejected} of them)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
