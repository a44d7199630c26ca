//! An outside crate with a catalogue of its own builds its bindings with the documented build
//! script contract, includes them inside a module of its own, and decodes, round-trips,
//! validates (every violation code, `--ors-version` gating) and correlates its events.
//!
//! The crate (`tests/outside_crate/`: its manifest, `build.rs` and `lib.rs` with its tests) is
//! laid out in a temporary directory with the `own_families` fixture catalogue as its
//! `catalogue/`, and its tests are run by cargo. It has its own target directory under
//! `target/`, so only the first run compiles the dependencies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::process::Command;

use support::{copy_dir, text, workspace, TempDir};

#[test]
fn an_outside_crate_builds_and_uses_its_own_catalogue() {
    let dir = TempDir::new("outside-crate");
    let krate = dir.path().join("queue-events");
    let template = workspace().join("tests/outside_crate");
    fs::create_dir_all(krate.join("src")).unwrap();
    let manifest = fs::read_to_string(template.join("manifest.toml"))
        .unwrap()
        .replace("@WORKSPACE@", &workspace().display().to_string());
    fs::write(krate.join("Cargo.toml"), manifest).unwrap();
    fs::copy(template.join("build.rs"), krate.join("build.rs")).unwrap();
    fs::copy(template.join("lib.rs"), krate.join("src/lib.rs")).unwrap();
    copy_dir(
        &workspace().join("codegen/tests/fixtures/own_families/spec"),
        &krate.join("catalogue"),
    );

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["test", "--offline", "--lib"])
        .current_dir(&krate)
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target/outside-crate-test"),
        )
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("test result: ok. 4 passed; 0 failed"),
        "{stdout}"
    );
    // The crate compiled without a warning from the generated code.
    assert!(
        !stderr.contains("warning"),
        "the outside crate's build warned:\n{stderr}"
    );
}
