"""Per-event validation time of Python `jsonschema` (Draft202012Validator.is_valid) with each
catalogue document, on the corpus, in one run: the documents take turns in every round, and each
figure is the median of the rounds, in CPU time. Prints the corpus's counts and a Markdown table
with its header.

Usage: bench_jsonschema.py ROUNDS CORPUS_JSONL SCHEMA...
A corpus line is either an entry of tests/corpus/events.jsonl ({"valid": ..., "envelope": {...}})
or an envelope alone, as the example `corpus` writes them, whose verdict is then the last
schema's.
"""

import json
import statistics
import sys
import time
from importlib.metadata import version
from pathlib import Path

from jsonschema import Draft202012Validator


def per_event(validator, envelopes):
    """Microseconds of CPU time per event of one pass over `envelopes`. CPU time (user and
    system, `time.process_time`), not wall time, so that the other work of a shared machine does
    not count."""
    start = time.process_time()
    for envelope in envelopes:
        validator.is_valid(envelope)
    return (time.process_time() - start) / len(envelopes) * 1e6


def main() -> int:
    rounds = int(sys.argv[1])
    documents = [Path(arg) for arg in sys.argv[3:]]
    validators = [Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))
                  for path in documents]
    corpus = []
    for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            if "envelope" not in entry or "valid" not in entry:
                entry = {"envelope": entry, "valid": validators[-1].is_valid(entry)}
            corpus.append(entry)
    groups = {
        "all": [entry["envelope"] for entry in corpus],
        "valid": [entry["envelope"] for entry in corpus if entry["valid"]],
        "invalid": [entry["envelope"] for entry in corpus if not entry["valid"]],
    }
    print(f"{sys.argv[2]}: {len(corpus)} lines, {len(groups['invalid'])} invalid; "
          f"median of {rounds} rounds\n")
    print("| tool | document | all lines | valid lines | invalid lines |")
    print("|---|---|---:|---:|---:|", flush=True)
    times = {(doc, group): [] for doc in range(len(documents)) for group in groups}
    for round_ in range(rounds):
        order = range(len(documents)) if round_ % 2 == 0 else reversed(range(len(documents)))
        for doc in order:
            for group, envelopes in groups.items():
                times[doc, group].append(per_event(validators[doc], envelopes))
    label = f"python-jsonschema {version('jsonschema')}, `is_valid`"
    medians = {key: statistics.median(values) for key, values in times.items()}
    for doc, path in enumerate(documents):
        cells = " | ".join(f"{medians[doc, group]:,.0f} µs" for group in groups)
        print(f"| {label} | `{path.name}` | {cells} |")
    if len(documents) == 2:
        cells = " | ".join(f"{medians[0, group] / medians[1, group]:.1f}x" for group in groups)
        print(f"| {label} | speed-up, `{documents[1].name}` over `{documents[0].name}` | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
