#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/seeds/TARGET/, from the spec, the
event corpus (tests/corpus) and the lint fixtures (tests/lint). Deterministic; rerun it when
those change. Each seed starts with its target's mode byte (see fuzz_targets/*.rs). The inputs
of the crashes the campaign found are kept as `regression-*` seeds, so every run replays them."""
import hashlib
import json
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
# The real spec files, in the order of REAL in fuzz_targets/spec.rs.
SPEC_FILES = ["attributes.yaml", "catalogue.yaml", "chat.yaml", "interaction.yaml",
              "msgbased.yaml", "types.yaml", "voice.yaml"]


def write(target, seeds):
    """Replaces the target's seeds, keeping the inputs of crashes found (`regression-*`)."""
    directory = SEEDS / target
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.iterdir():
        if not old.name.startswith("regression-"):
            old.unlink()
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()[:16]
        (directory / name).write_bytes(seed)


def structured(mode, count, rng):
    """Random bytes behind a structured mode's byte: `arbitrary` builds an input from any."""
    return [bytes([mode]) + bytes(rng.randrange(256) for _ in range(rng.randrange(16, 160)))
            for _ in range(count)]


def main():
    rng = random.Random(18)
    spec = {name: (ROOT / "spec" / name).read_bytes() for name in SPEC_FILES}
    spec_seeds = [b"\x00" + spec["catalogue.yaml"], b"\x00" + spec["types.yaml"]]
    spec_seeds += [b"\x01" + bytes([index]) + spec[name] for index, name in enumerate(SPEC_FILES)]
    write("spec", spec_seeds + structured(2, 16, rng))

    envelopes, flaws = [], {}
    for line in (ROOT / "tests" / "corpus" / "events.jsonl").read_text().splitlines():
        sample = json.loads(line)
        # Every event's valid envelope, and each kind of flaw a few times.
        key = (sample["event"], "valid") if sample["valid"] else ("flaw", sample["flaw"])
        if flaws.get(key, 0) < (1 if sample["valid"] else 4):
            flaws[key] = flaws.get(key, 0) + 1
            envelopes.append(json.dumps(sample["envelope"], separators=(",", ":")).encode())
    write("events", [b"\x00" + e for e in envelopes] + structured(1, 16, rng))

    lint = [b"\x00" + p.read_bytes() for p in sorted((ROOT / "tests" / "lint").glob("*.scxml"))]
    write("lint", lint + structured(1, 16, rng))

    versions = sorted(set(re.findall(rb'since: "([^"]+)"', b"".join(spec.values()))))
    versions += [b"8.1.3", b"8.1.300", b"8.1.400.9", b"8.0.000.123", b"8.1", b"8.1.400.1234"]
    triples = [b"\n".join(versions[i:i + 3]) for i in range(0, len(versions), 2)]
    write("version", [b"\x00" + t for t in triples] + structured(1, 8, rng))


if __name__ == "__main__":
    main()
