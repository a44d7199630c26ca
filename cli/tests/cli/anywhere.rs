//! The binary away from any checkout, run from `/`: what needs no spec directory works with the
//! compiled-in catalogue, and what needs one says so (exit 2) instead of reading the checkout
//! the binary was built in. (`scripts/check-install.sh` does the same with `cargo install`.)

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use super::support::{self, text, workspace, TempDir};

/// Runs `ors-events ARGS...` in `/`, with no `spec/catalogue.yaml` there or above.
fn from_root(args: &[&str]) -> Output {
    assert!(
        !Path::new("/spec/catalogue.yaml").exists(),
        "/ holds a spec; this test needs a directory without one"
    );
    Command::new(support::binary())
        .args(args)
        .current_dir("/")
        .output()
        .expect("run ors-events")
}

#[test]
fn schema_validate_lint_and_completions_need_no_spec_directory() {
    let schema = from_root(&["schema"]);
    assert_eq!(schema.status.code(), Some(0), "{}", text(&schema.stderr));
    let committed = fs::read(workspace().join("generated/schema/ors-events.schema.json")).unwrap();
    assert!(
        schema.stdout == committed,
        "differs from the committed schema"
    );
    let types = from_root(&["schema", "--types", "--ors-version", "8.1.3"]);
    assert_eq!(types.status.code(), Some(0), "{}", text(&types.stderr));

    let dir = TempDir::new("anywhere");
    let events = dir.path().join("events.jsonl");
    fs::write(
        &events,
        "{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}}\n",
    )
    .unwrap();
    let validate = from_root(&["validate", events.to_str().unwrap()]);
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        text(&validate.stderr)
    );
    assert_eq!(text(&validate.stdout), "1 event, 0 invalid\n");

    let app = workspace().join("tests/lint/events.scxml");
    let lint = from_root(&["lint", "--format", "json", app.to_str().unwrap()]);
    assert_eq!(lint.status.code(), Some(1), "{}", text(&lint.stderr));
    assert_eq!(text(&lint.stdout).lines().count(), 11);

    let completions = from_root(&["completions", "bash"]);
    assert_eq!(completions.status.code(), Some(0));
    assert!(text(&completions.stdout).contains("validate"));
}

#[test]
fn docs_are_written_from_the_compiled_in_catalogue() {
    let dir = TempDir::new("anywhere-docs");
    let out = dir.path().join("docs");
    let docs = from_root(&["docs", "--out", out.to_str().unwrap()]);
    assert_eq!(docs.status.code(), Some(0), "{}", text(&docs.stderr));
    for file in ["README.md", "events.md", "index.html"] {
        let written = fs::read(out.join(file)).unwrap();
        let committed = fs::read(workspace().join("generated/docs").join(file)).unwrap();
        assert!(
            written == committed,
            "{file} differs from generated/docs/{file}"
        );
    }
}

#[test]
fn commands_that_need_a_spec_directory_say_so_with_exit_2() {
    for args in [
        &["check"][..],
        &["generate", "--check"],
        &["diff", "HEAD", "main"],
        // Writing docs needs a place: the workspace's generated/docs/, or --out.
        &["docs"],
    ] {
        let out = from_root(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with(
                "error: no spec directory: there is no spec/catalogue.yaml in / or above it; run \
                 ors-events in a checkout of the catalogue, or give --"
            ),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // With the directory given, they work from anywhere.
    let spec = workspace().join("spec");
    let check = from_root(&["check", "--spec", spec.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let diff = from_root(&[
        "diff",
        "--spec",
        spec.to_str().unwrap(),
        spec.to_str().unwrap(),
        "HEAD",
        "--format",
        "text",
    ]);
    // HEAD is a revision of the repository that holds the given spec (where that is a git
    // checkout with a HEAD at all).
    if Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .current_dir(workspace())
        .output()
        .is_ok_and(|out| out.status.success())
    {
        assert_eq!(diff.status.code(), Some(0), "{}", text(&diff.stderr));
    }
}
