//! Compile errors of the derive macros: each case in `tests/ui/` must fail to compile with the
//! message in its `.stderr` file, pointing at the offending token.
//!
//! After a deliberate change of a message: `TRYBUILD=overwrite cargo test --test derive_ui`,
//! then review the `.stderr` diffs.

#[test]
fn derive_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
