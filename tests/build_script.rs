//! `cargo build` regenerates the bindings after a spec edit, does not rerun the build script
//! when nothing changed, and fails with the located problems of a broken spec.
//!
//! It builds a copy of the workspace, with its own target directory under `target/`, so the
//! first run compiles the dependencies once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use support::{copy_tree, edit, position_of, workspace, TempDir};

fn cargo_build(dir: &Path) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(["build", "--offline", "-v", "--lib"])
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target/build-script-test"),
        )
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("run cargo")
}

fn ran_build_script(out: &Output) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().any(|line| {
        line.contains("Running")
            && line.contains("/build/ors-events-")
            && line.contains("build-script-build")
    })
}

/// The generated `voice.rs` of the copy's latest build.
fn generated_voice() -> String {
    let build = workspace().join("target/build-script-test/debug/build");
    let mut newest: Option<(std::time::SystemTime, String)> = None;
    for entry in fs::read_dir(build).unwrap() {
        let path = entry.unwrap().path().join("out/rust/voice.rs");
        if let Ok(metadata) = fs::metadata(&path) {
            let modified = metadata.modified().unwrap();
            if newest.as_ref().is_none_or(|(time, _)| modified > *time) {
                newest = Some((modified, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    newest.expect("a generated voice.rs").1
}

#[test]
fn cargo_build_follows_the_spec() {
    let dir = TempDir::new("build");
    let copy = dir.path().join("ws");
    copy_tree(&workspace(), &copy, &["target", ".git", "generated"]);

    let first = cargo_build(&copy);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );

    let again = cargo_build(&copy);
    assert!(again.status.success());
    assert!(
        !ran_build_script(&again),
        "a no-op build reran the build script:\n{}",
        String::from_utf8_lossy(&again.stderr)
    );

    let voice = copy.join("spec/voice.yaml");
    edit(
        &voice,
        "description: The request succeeded and the call, with",
        "description: The request succeeded at last and the call, with",
    );
    let edited = cargo_build(&copy);
    assert!(
        edited.status.success(),
        "{}",
        String::from_utf8_lossy(&edited.stderr)
    );
    assert!(
        ran_build_script(&edited),
        "the spec edit did not rerun the build script"
    );
    assert!(generated_voice().contains("The request succeeded at last and the call"));
    assert!(
        !ran_build_script(&cargo_build(&copy)),
        "a no-op build after the edit reran the build script"
    );

    edit(
        &voice,
        "type: callstate\n          description: The call state of the created call",
        "type: calstate\n          description: The call state of the created call",
    );
    let broken = cargo_build(&copy);
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    let (line, column) = position_of(&voice, "calstate");
    // Cargo indents the build script's output; the message is the CLI's, line for line.
    assert!(
        stderr.contains("error[unknown-type]: unknown type `calstate`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("--> spec/voice.yaml:{line}:{column}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean `callstate`?"),
        "{stderr}"
    );
}
