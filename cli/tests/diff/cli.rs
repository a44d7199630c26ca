//! The command line: git revisions, formats and exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

use crate::support::{ors_events, position_of, text, workspace, TempDir};
use crate::{mixed_pair, Pair};

fn diff_dirs(pair: &Pair, extra: &[&str]) -> Output {
    let old = pair.old.to_str().unwrap();
    let new = pair.new.to_str().unwrap();
    let mut args = vec!["diff", old, new];
    args.extend_from_slice(extra);
    ors_events(&args)
}

/// Whether the workspace is a git checkout with a HEAD (not, say, an unpacked source archive).
fn in_git_checkout() -> bool {
    Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .current_dir(workspace())
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn head_against_head_has_no_changes() {
    if !in_git_checkout() {
        eprintln!("skipped: the workspace is not a git checkout");
        return;
    }
    let out = ors_events(&["diff", "HEAD", "HEAD", "--fail-on", "any"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let markdown = text(&out.stdout);
    assert!(
        markdown.starts_with("### Event catalogue changes: `HEAD"),
        "{markdown}"
    );
    assert!(markdown.contains("No changes"), "{markdown}");
    let out = ors_events(&["diff", "HEAD", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["changes"], json!([]));
    assert_eq!(
        report["summary"],
        json!({ "changes": 0, "breaking": 0, "wire": 0, "rust-api": 0, "docs-only": 0 })
    );
}

#[test]
fn a_revision_and_a_directory_can_be_compared() {
    if !in_git_checkout() {
        eprintln!("skipped: the workspace is not a git checkout");
        return;
    }
    // spec/ at HEAD against a copy of spec/ at HEAD: no changes, whatever the work tree holds.
    let dir = TempDir::new("diff-rev");
    let spec = dir.path().join("spec");
    fs::create_dir_all(&spec).unwrap();
    let listing = Command::new("git")
        .args(["ls-tree", "--name-only", "HEAD", "--", "spec/"])
        .current_dir(workspace())
        .output()
        .unwrap();
    for path in text(&listing.stdout).lines() {
        let blob = Command::new("git")
            .args(["show", &format!("HEAD:./{path}")])
            .current_dir(workspace())
            .output()
            .unwrap();
        let name = Path::new(path).file_name().unwrap();
        fs::write(spec.join(name), blob.stdout).unwrap();
    }
    let out = ors_events(&["diff", "HEAD", spec.to_str().unwrap(), "--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with(": 0 changes (0 wire, 0 rust-api, 0 docs-only)\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn json_is_the_change_model() {
    let pair = mixed_pair();
    let out = diff_dirs(&pair, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["old"], pair.old.to_str().unwrap());
    assert_eq!(
        report["summary"],
        json!({ "changes": 3, "breaking": 2, "wire": 1, "rust-api": 1, "docs-only": 1 })
    );
    let kinds: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "enum-value-added",
            "attribute-rust-name-changed",
            "docs-changed"
        ]
    );
    let first = &report["changes"][0];
    assert_eq!(first["location"]["file"], "spec/types.yaml");
    assert_eq!(first["categories"], json!(["wire"]));
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("CallStateParked"));
    assert!(first["why"]
        .as_str()
        .unwrap()
        .contains("the old schema's `enum`"));
}

#[test]
fn text_is_one_line_per_change() {
    let pair = mixed_pair();
    let out = diff_dirs(&pair, &["--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("wire  spec/types.yaml:"), "{stdout}");
    assert!(
        lines[0].ends_with(
            "  enum-value-added: value 51 (`CallStateParked`) added to enum `callstate`"
        ),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("rust-api  spec/interaction.yaml:"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("docs-only  spec/interaction.yaml:"),
        "{stdout}"
    );
    assert!(
        lines[3].ends_with(": 3 changes (1 wire, 1 rust-api, 1 docs-only)"),
        "{stdout}"
    );
}

#[test]
fn fail_on_sets_the_exit_status() {
    let cases: [(&str, &str, &str, [i32; 4]); 3] = [
        // A wire break, then a Rust API break only, then a docs change only; the statuses are
        // for no --fail-on, --fail-on wire, rust-api and any.
        (
            "types.yaml",
            "      - { code: 50, name: CallStateHeld }\n",
            "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
            [0, 1, 1, 1],
        ),
        (
            "interaction.yaml",
            "      - name: divertingresource\n",
            "      - name: divertingresource\n        rust_name: diverting_resource\n",
            [0, 0, 1, 1],
        ),
        (
            "interaction.yaml",
            "The interaction has been diverted.",
            "The interaction has been deflected.",
            [0, 0, 0, 1],
        ),
    ];
    for (file, from, to, statuses) in cases {
        let pair = Pair::new();
        pair.edit("new", file, from, to);
        let runs = [
            diff_dirs(&pair, &[]),
            diff_dirs(&pair, &["--fail-on", "wire"]),
            diff_dirs(&pair, &["--fail-on", "rust-api"]),
            diff_dirs(&pair, &["--fail-on", "any"]),
        ];
        let got: Vec<i32> = runs.iter().map(|out| out.status.code().unwrap()).collect();
        assert_eq!(got, statuses, "{to}");
        for out in &runs {
            // The report is printed whatever the verdict.
            assert!(text(&out.stdout).starts_with("### Event catalogue changes"));
            if out.status.code() == Some(1) {
                assert!(
                    text(&out.stderr).contains("(--fail-on "),
                    "{}",
                    text(&out.stderr)
                );
            }
        }
    }
    // Without changes, even --fail-on any passes.
    let pair = Pair::new();
    assert_eq!(
        diff_dirs(&pair, &["--fail-on", "any"]).status.code(),
        Some(0)
    );
}

#[test]
fn a_side_that_is_neither_a_directory_nor_a_revision_is_an_error() {
    let out = ors_events(&["diff", "no-such-revision-or-dir", "spec"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "the old side `no-such-revision-or-dir` is neither a directory nor a git revision"
        ),
        "{stderr}"
    );
    let out = ors_events(&["diff", "spec", "--help-me"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ors_events(&["diff", "spec", "spec", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_broken_spec_on_either_side_is_an_error_with_located_problems() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "voice.yaml",
        "type: callstate\n          description: The call state of the created call",
        "type: calstate\n          description: The call state of the created call",
    );
    let out = diff_dirs(&pair, &["--fail-on", "any"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: the new spec ("), "{stderr}");
    assert!(
        stderr.contains("error[unknown-type]: unknown type `calstate`"),
        "{stderr}"
    );
    let (line, column) = position_of(&pair.new.join("voice.yaml"), "calstate");
    assert!(
        stderr.contains(&format!("--> spec/voice.yaml:{line}:{column}")),
        "{stderr}"
    );
    // The old side is named as such.
    let out = ors_events(&[
        "diff",
        pair.new.to_str().unwrap(),
        pair.old.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: the old spec ("));
}

/// The provenance rule documents claims and changes no catalogue: a side written before it (an
/// optional reason that cites nothing) still compares, and the report shows the real changes.
#[test]
fn a_side_without_provenance_still_compares() {
    let pair = Pair::new();
    pair.edit(
        "old",
        "msgbased.yaml",
        "need not be based on one.\n          source: reference-page\n          inferred: true\n",
        "need not be based on one.\n",
    );
    let out = diff_dirs(&pair, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["changes"], 1, "{report}");
    assert_eq!(report["changes"][0]["kind"], "docs-changed");
    assert_eq!(report["changes"][0]["field"], "presence-reason");
}
