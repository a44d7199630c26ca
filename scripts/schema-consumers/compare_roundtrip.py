"""Compares the events a language's generated types re-encoded with the corpus's envelopes.

Usage: python3 compare_roundtrip.py LANGUAGE CORPUS_JSONL OUTPUT

OUTPUT has one "LINE<TAB>JSON" per re-encoded event, LINE being the corpus line it came from
(scripts/schema-consumers/go/roundtrip.go and java/RoundTrip.java write it). Every valid line
of the corpus must be there once, and no other line.

Both sides are read with Python's json module and compared as JSON values:
- objects by their members, in any order (JSON objects are unordered; Go writes a struct's
  fields in declaration order and Jackson in its own): a member missing from the re-encoded
  event is an attribute lost, one it has beyond the input (a `null` for an absent attribute)
  is an attribute added, and both fail the check;
- arrays element by element, in order, with the same length;
- strings, booleans and `null` by type and value (`true` is not `1`);
- numbers by value, and by kind: an integer must come back as an integer. An integer that comes
  back as a float of the same value (`3` as `3.0`) is a changed representation, counted and
  reported with its first places, but does not fail the check: no attribute is lost, and a
  reader that compares values sees the same number. Anything else fails.
"""

import json
import sys


def compare(expected, actual, pointer, problems, floats):
    """Appends to `problems` every difference between two JSON values, and to `floats` every
    integer re-encoded as an integral float, each with its JSON Pointer."""
    where = pointer or "(root)"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{where}: an object became {json.dumps(actual)}")
            return
        for key in expected.keys() - actual.keys():
            problems.append(f"{pointer}/{key}: lost")
        for key in actual.keys() - expected.keys():
            problems.append(f"{pointer}/{key}: added ({json.dumps(actual[key])})")
        for key in expected.keys() & actual.keys():
            compare(expected[key], actual[key], f"{pointer}/{key}", problems, floats)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            problems.append(f"{where}: {json.dumps(expected)} became {json.dumps(actual)}")
            return
        for index, (left, right) in enumerate(zip(expected, actual)):
            compare(left, right, f"{pointer}/{index}", problems, floats)
    elif isinstance(expected, int) and not isinstance(expected, bool) and isinstance(actual, float):
        if actual == expected:
            floats.append(f"{where}: {expected} as {json.dumps(actual)}")
        else:
            problems.append(f"{where}: {expected} became {json.dumps(actual)}")
    elif type(expected) is not type(actual) or expected != actual:
        problems.append(f"{where}: {json.dumps(expected)} became {json.dumps(actual)}")


def main():
    language, corpus_path, output_path = sys.argv[1:4]
    valid = {}
    with open(corpus_path, encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, start=1):
            record = json.loads(line)
            if record["valid"]:
                valid[number] = record["envelope"]
    seen = set()
    problems, floats = [], []
    with open(output_path, encoding="utf-8") as output:
        for line in output:
            number_text, _, text = line.rstrip("\n").partition("\t")
            number = int(number_text)
            if number not in valid or number in seen:
                problems.append(f"line {number}: not a valid corpus line, or written twice")
                continue
            seen.add(number)
            found = []
            compare(valid[number], json.loads(text), "", found, floats)
            problems.extend(f"line {number}: {problem}" for problem in found)
    problems.extend(f"line {number}: not re-encoded" for number in sorted(valid.keys() - seen))
    for problem in problems[:20]:
        print(f"  {language}: {problem}", file=sys.stderr)
    if problems:
        print(f"  {language}: {len(problems)} differences", file=sys.stderr)
        sys.exit(1)
    print(
        f"  {language}: {len(seen)} of {len(valid)} valid events decoded and re-encoded; no "
        "attribute lost or added, every value the same"
    )
    if floats:
        print(f"  {language}: {len(floats)} integers came back as floats of the same value, e.g.")
        for place in floats[:3]:
            print(f"    {place}")


if __name__ == "__main__":
    main()
