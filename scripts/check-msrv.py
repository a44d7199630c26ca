#!/usr/bin/env python3
"""Checks that each publishable crate's `rust-version` is true for what its users compile.

For every publishable workspace member (from `cargo metadata`) and every feature set that
matters (default features, none, each feature alone, all), the crates compiled for it are its
normal and build dependencies, transitively, on any target (`cargo tree -e normal,build
--target all`); dev-dependencies do not count. Each of those needs the Rust version it
declares (`rust_version` in `cargo metadata`, from the lockfile's packages), and at least the
first version of its edition. The check fails when any of them needs more than the crate
declares, naming the crate, the feature set and the dependency.

    scripts/check-msrv.py                                  # the check
    scripts/check-msrv.py --rust-version ors-events=1.85   # as if ors-events declared 1.85

The override lets a test prove that the check fails on a value that is too low.
"""
import argparse
import json
import pathlib
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from publishable import publishable  # noqa: E402

# The first Rust release of each edition: a crate of that edition needs at least this one.
EDITION_MINIMUM = {"2015": "1.0", "2018": "1.31", "2021": "1.56", "2024": "1.85"}


def parse_version(text: str) -> tuple:
    """`1.85`, `1.85.0` -> (1, 85, 0); a pre-release or build suffix is ignored."""
    core = text.split("-")[0].split("+")[0]
    parts = core.split(".")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise ValueError(f"not a Rust version: {text!r}")
    numbers = [int(part) for part in parts]
    return tuple(numbers + [0] * (3 - len(numbers)))


def show(version: tuple) -> str:
    return ".".join(str(part) for part in (version if version[2] else version[:2]))


def needed(package: dict) -> tuple:
    """What a package needs: its declared rust_version, and at least its edition's first release."""
    minimum = parse_version(EDITION_MINIMUM.get(package["edition"], "1.0"))
    if package.get("rust_version"):
        minimum = max(minimum, parse_version(package["rust_version"]))
    return minimum


def cargo(*args: str) -> str:
    result = subprocess.run(["cargo", *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: cargo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def feature_sets(package: dict) -> list:
    """(label, cargo flags) for the feature sets that matter, in a fixed order."""
    sets = [("default features", [])]
    features = sorted(name for name in package["features"] if name != "default")
    if "default" in package["features"]:
        sets.append(("no default features", ["--no-default-features"]))
    for feature in features:
        sets.append((f"feature `{feature}` alone", ["--no-default-features", "--features", feature]))
    if features:
        sets.append(("all features", ["--all-features"]))
    return sets


def compiled(name: str, flags: list) -> set:
    """(name, version) of every crate compiled for `name` with `flags`, itself excluded."""
    tree = cargo("tree", "--locked", "-p", name, "-e", "normal,build", "--target", "all",
                 "--prefix", "none", "--format", "{p}", *flags)
    crates = set()
    for line in tree.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[1].startswith("v"):
            crates.add((fields[0], fields[1][1:]))
    return crates


def check_package(package: dict, declared: tuple, by_key: dict) -> list:
    """The problems of one crate, and a line per feature set saying what it needs."""
    problems = []
    own = needed({"edition": package["edition"]})
    if declared < own:
        problems.append(f"{package['name']}: rust-version {show(declared)} is older than its edition "
                        f"{package['edition']} ({show(own)})")
    seen = {}
    for label, flags in feature_sets(package):
        crates = compiled(package["name"], flags) - {(package["name"], package["version"])}
        key = frozenset(crates)
        if key in seen:
            print(f"  {label}: as {seen[key]}")
            continue
        seen[key] = label
        missing = sorted(crates - by_key.keys())
        if missing:
            sys.exit(f"error: cargo tree named crates that cargo metadata does not list: {missing}")
        needs = {crate: needed(by_key[crate]) for crate in crates}
        top = max(needs.values(), default=own)
        setters = sorted(f"{crate} {version}" for (crate, version), need in needs.items() if need == top)
        print(f"  {label}: {len(crates)} crates, the newest need {show(top)}"
              + (f" ({', '.join(setters[:4])}{', ...' if len(setters) > 4 else ''})" if setters else ""))
        for (crate, version), need in sorted(needs.items()):
            if need > declared:
                source = by_key[(crate, version)].get("rust_version") or f"edition {by_key[(crate, version)]['edition']}"
                problems.append(f"{package['name']} ({label}): {crate} {version} needs Rust {show(need)} "
                                f"({source}), above the crate's rust-version {show(declared)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rust-version", action="append", default=[], metavar="CRATE=VERSION",
                        help="check as if CRATE declared VERSION (for tests of this check)")
    args = parser.parse_args()
    overrides = {}
    for item in args.rust_version:
        name, _, version = item.partition("=")
        try:
            overrides[name] = parse_version(version)
        except ValueError as error:
            sys.exit(f"error: --rust-version {item}: {error} (expected CRATE=VERSION, as ors-events=1.88)")

    metadata = json.loads(cargo("metadata", "--format-version", "1", "--locked", "--all-features"))
    by_key = {(p["name"], p["version"]): p for p in metadata["packages"]}
    crates = publishable(metadata)
    unknown = set(overrides) - {p["name"] for p in crates}
    if unknown:
        sys.exit(f"error: --rust-version names no publishable workspace member: {sorted(unknown)}")

    problems = []
    for package in crates:
        if package["name"] in overrides:
            declared = overrides[package["name"]]
        elif package.get("rust_version"):
            declared = parse_version(package["rust_version"])
        else:
            problems.append(f"{package['name']}: no rust-version in its Cargo.toml")
            continue
        print(f"{package['name']}: rust-version {show(declared)}")
        problems += check_package(package, declared, by_key)

    if problems:
        print("\nerror: a crate's rust-version is lower than what its users compile needs:")
        for problem in problems:
            print(f"  {problem}")
        print("Raise the crate's rust-version in its Cargo.toml (or choose dependencies that need less).")
        return 1
    print(f"rust-version: true for {len(crates)} crates and every feature set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
