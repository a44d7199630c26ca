#!/usr/bin/env python3
"""Prints the workspace members that can be published (`publish` is not `false`), one name a
line, sorted, from `cargo metadata`: what the packaging, MSRV and docs checks cover, so a new
member is covered without editing them.

    scripts/publishable.py                     # every publishable member
    scripts/publishable.py --lib               # those with a library (or proc-macro) target
    scripts/publishable.py --rust-version 1.85 # those that declare rust-version 1.85
"""
import argparse
import json
import subprocess
import sys

LIBRARY_KINDS = {"lib", "rlib", "proc-macro"}


def publishable(metadata: dict) -> list:
    """The publishable workspace members' package entries, sorted by name."""
    members = set(metadata["workspace_members"])
    return sorted((p for p in metadata["packages"] if p["id"] in members and p["publish"] != []),
                  key=lambda p: p["name"])


def is_library(package: dict) -> bool:
    return any(LIBRARY_KINDS & set(target["kind"]) for target in package["targets"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lib", action="store_true", help="only those with a library target")
    parser.add_argument("--rust-version", metavar="VERSION", help="only those that declare VERSION")
    args = parser.parse_args()
    result = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps", "--locked"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: cargo metadata failed:\n{result.stderr}")
    for package in publishable(json.loads(result.stdout)):
        if args.lib and not is_library(package):
            continue
        declared = (package.get("rust_version") or "").split(".")[:2]
        if args.rust_version and declared != args.rust_version.split(".")[:2]:
            continue
        print(package["name"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
