#!/usr/bin/env python3
"""Tests of scripts/check-msrv.py: its version arithmetic, and that it fails on a rust-version
that is too low (given with --rust-version) and passes on the committed ones.

    python3 scripts/test_check_msrv.py
"""
import importlib.util
import pathlib
import subprocess
import sys
import unittest

SCRIPT = pathlib.Path(__file__).with_name("check-msrv.py")
_spec = importlib.util.spec_from_file_location("check_msrv", SCRIPT)
check_msrv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_msrv)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          cwd=SCRIPT.parent.parent)


class Versions(unittest.TestCase):
    def test_versions_compare_as_numbers(self):
        parse = check_msrv.parse_version
        self.assertEqual(parse("1.85"), parse("1.85.0"))
        self.assertLess(parse("1.6"), parse("1.56"))
        self.assertLess(parse("1.85"), parse("1.88"))
        self.assertEqual(parse("1.88.0-nightly"), (1, 88, 0))
        self.assertEqual(check_msrv.show(parse("1.85.0")), "1.85")
        self.assertEqual(check_msrv.show(parse("1.70.2")), "1.70.2")

    def test_a_bad_version_is_refused(self):
        for text in ("", "1.x", "one", "1.2.3.4"):
            with self.assertRaises(ValueError, msg=text):
                check_msrv.parse_version(text)

    def test_the_edition_sets_a_floor(self):
        needed = check_msrv.needed
        self.assertEqual(needed({"edition": "2024", "rust_version": None}), (1, 85, 0))
        self.assertEqual(needed({"edition": "2024", "rust_version": "1.88"}), (1, 88, 0))
        self.assertEqual(needed({"edition": "2021", "rust_version": "1.31"}), (1, 56, 0))


class Workspace(unittest.TestCase):
    def test_the_committed_values_pass(self):
        result = run()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("rust-version: true for", result.stdout)

    def test_a_value_below_a_dependency_fails_naming_it(self):
        # askama 0.16 (the generator's default feature) declares 1.88.
        result = run("--rust-version", "ors-events-codegen=1.87")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"ors-events-codegen \(default features\): askama [0-9.]+ needs Rust 1\.88")
        self.assertIn("Raise the crate's rust-version", result.stdout)

    def test_a_value_below_the_edition_fails(self):
        result = run("--rust-version", "ors-events-core=1.40")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("ors-events-core: rust-version 1.40 is older than its edition 2021 (1.56)", result.stdout)

    def test_an_unknown_crate_is_refused(self):
        result = run("--rust-version", "no-such-crate=1.0")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("no-such-crate", result.stderr)


if __name__ == "__main__":
    unittest.main()
