#!/usr/bin/env python3
"""Licence and duplicate-dependency check, offline (cargo-deny needs its advisory database
from the network, which this workplace does not reach).

- Every dependency's licence expression (SPDX) must be satisfiable with the allowed licences.
- What a library user of `ors-events` compiles (normal and build dependencies, default
  features) has no crate in two versions, none of the CLI's own dependencies, and nothing that
  only the generator's other outputs need: its build script regenerates the Rust bindings with
  `ors-events-codegen`'s `rust` feature, so no docs (askama), JSON Schema, diff or atomic-write
  (rustix) dependency, and not the `generator` feature itself.
- Duplicates among all dependencies (dev, all features) are listed for information.
"""
import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT", "MIT-0", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause",
    "ISC", "Zlib", "Unicode-3.0", "Unicode-DFS-2016", "BSL-1.0", "Unlicense", "CC0-1.0", "0BSD",
}
# Dependencies of the CLI (the crate ors-events-cli) and of the `lint` feature it enables.
CLI_ONLY = {"clap", "clap_complete", "clap_mangen", "roxmltree", "encoding_rs", "toml"}
# Crates that must be among the generator-only ones below: if one is not, the computation is wrong
# (or the generator changed), and the check would pass without checking anything.
GENERATOR_ONLY_KNOWN = {"askama", "askama_derive", "askama_parser"}


def satisfiable(expression: str) -> bool:
    """Evaluates an SPDX expression (OR, AND, WITH, parentheses; `/` as the old OR)."""
    tokens = re.findall(r"\(|\)|[A-Za-z0-9.+-]+(?: WITH [A-Za-z0-9.+-]+)?", expression.replace("/", " OR "))
    position = 0

    def parse_or():
        nonlocal position
        value = parse_and()
        while position < len(tokens) and tokens[position] == "OR":
            position += 1
            value = parse_and() or value
        return value

    def parse_and():
        nonlocal position
        value = parse_atom()
        while position < len(tokens) and tokens[position] == "AND":
            position += 1
            value = parse_atom() and value
        return value

    def parse_atom():
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "(":
            value = parse_or()
            position += 1  # ")"
            return value
        return token in ALLOWED

    return parse_or()


def cargo(*args: str) -> str:
    return subprocess.run(["cargo", *args], check=True, capture_output=True, text=True).stdout


def crate_names(tree: str) -> set:
    """The crate names in `cargo tree --prefix none --format {p}` output."""
    return {line.split()[0] for line in tree.splitlines() if line.strip()}


def generator_only() -> set:
    """Crates that `ors-events-codegen` with `generator` compiles and with `rust` alone does not,
    less those the runtime depends on by itself (serde_json): docs, schema, diff, output."""
    whole = crate_names(cargo("tree", "-p", "ors-events-codegen", "-e", "normal", "--prefix", "none", "--format", "{p}"))
    rust = crate_names(cargo("tree", "-p", "ors-events-codegen", "-e", "normal", "--no-default-features", "--features", "rust", "--prefix", "none", "--format", "{p}"))
    runtime = crate_names(cargo("tree", "-p", "ors-events", "-e", "normal,build", "--prune", "ors-events-codegen", "--prefix", "none", "--format", "{p}"))
    return whole - rust - runtime


def main() -> int:
    failures = []
    metadata = json.loads(cargo("metadata", "--format-version", "1", "--all-features"))
    members = set(metadata["workspace_members"])
    packages = [p for p in metadata["packages"] if p["id"] not in members]
    for package in packages:
        licence = package.get("license")
        if not licence or not satisfiable(licence):
            failures.append(f"{package['name']} {package['version']}: licence {licence!r} is not allowed")
    print(f"licences: {len(packages)} dependencies checked")

    library = cargo("tree", "-p", "ors-events", "-e", "normal,build", "--prefix", "none", "--format", "{p} [{f}]")
    names = crate_names(library)
    for name in sorted(names & CLI_ONLY):
        failures.append(f"a library user of ors-events compiles {name}, a dependency of the CLI only")
    only_generator = generator_only()
    for name in sorted(GENERATOR_ONLY_KNOWN - only_generator):
        failures.append(f"{name} is not among the crates only the generator needs: check generator_only()")
    for name in sorted(names & only_generator):
        failures.append(f"a library user of ors-events compiles {name}, which only the generator's docs, schema, "
                        "diff or output need (the build script needs ors-events-codegen's `rust` feature only)")
    for line in library.splitlines():
        if line.startswith("ors-events-codegen ") and "generator" in line.split("[")[-1]:
            failures.append("a library user of ors-events compiles ors-events-codegen with its `generator` feature")
    duplicates = cargo("tree", "-p", "ors-events", "-e", "normal,build", "--duplicates", "--prefix", "none", "--format", "{p}")
    versions = {}
    for line in duplicates.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            versions.setdefault(parts[0], set()).add(parts[1])
    for name, seen in sorted(versions.items()):
        if len(seen) > 1:
            failures.append(f"a library user of ors-events compiles {name} in {len(seen)} versions: {sorted(seen)}")
    print(f"library dependencies: {len(names)} crates checked for duplicates, the CLI's "
          f"({', '.join(sorted(CLI_ONLY))}) and the {len(only_generator)} only the generator needs "
          f"({', '.join(sorted(only_generator))})")

    everything = cargo("tree", "--workspace", "--all-features", "-e", "normal,build,dev", "--duplicates", "--prefix", "none", "--format", "{p}")
    all_versions = {}
    for line in everything.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            all_versions.setdefault(parts[0], set()).add(parts[1])
    for name, seen in sorted(all_versions.items()):
        if len(seen) > 1:
            print(f"note: {name} appears in versions {sorted(seen)} (dev or CLI dependencies)")

    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
