//! Shell conventions: completions, manual pages, `--quiet`, `--color` and the `error:` prefix.

use std::fs;
use std::process::Command;

use super::support::{self, ors_events, text, workspace, TempDir};
use super::{broken_spec, ors_events_with_input};

/// Every command, as the completion scripts and the manual pages must name them.
const COMMANDS: [&str; 9] = [
    "check",
    "generate",
    "validate",
    "lint",
    "schema",
    "docs",
    "diff",
    "completions",
    "man",
];

#[test]
fn completions_of_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ors_events(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        assert!(script.contains("ors-events"), "{shell}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks `{command}`");
        }
        // Options of the commands too, the global ones included (fish writes `-l NAME`).
        for option in ["ors-version", "deny", "quiet", "color"] {
            assert!(script.contains(option), "{shell} lacks `{option}`");
        }
    }
    let bad = ors_events(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// `cli/man/` holds exactly the pages `ors-events man --out` writes, byte for byte.
#[test]
fn the_committed_manual_pages_are_fresh() {
    let dir = TempDir::new("man");
    let out = ors_events(&["man", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let committed = workspace().join("cli/man");
    let names = |dir: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let refresh = "refresh them with `cargo run -q -p ors-events-cli -- man --out cli/man` \
                   (and remove the pages of commands that are gone)";
    assert_eq!(
        names(&committed),
        names(dir.path()),
        "cli/man/ is stale: {refresh}"
    );
    for name in names(dir.path()) {
        assert!(
            fs::read(committed.join(&name)).unwrap() == fs::read(dir.path().join(&name)).unwrap(),
            "cli/man/{name} is stale: {refresh}"
        );
    }
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|command| format!("ors-events-{command}.1"))
        .collect();
    expected.push("ors-events.1".into());
    expected.sort();
    assert_eq!(names(dir.path()), expected);
}

#[test]
fn man_prints_one_page() {
    let page = ors_events(&["man"]);
    assert_eq!(page.status.code(), Some(0));
    let page = text(&page.stdout);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    assert!(page.contains(".TH ors-events 1"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("ors\\-events\\-{command}(1)")),
            "{command}"
        );
    }
    let check = ors_events(&["man", "check"]);
    assert_eq!(
        check.stdout,
        fs::read(workspace().join("cli/man/ors-events-check.1")).unwrap()
    );
    let unknown = ors_events(&["man", "frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).starts_with("error: there is no command `frobnicate`"));
}

#[test]
fn quiet_keeps_findings_and_drops_summaries() {
    let event = br#"{"name": "voice.hold.done", "data": {"requestid": 5, "interactionid": "i"}}"#;
    let loud = ors_events_with_input(&["validate"], event);
    let quiet = ors_events_with_input(&["validate", "--quiet"], event);
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(
        text(&loud.stdout),
        format!("{}1 event, 1 invalid\n", text(&quiet.stdout))
    );
    assert_eq!(
        text(&quiet.stdout),
        "<stdin>:1: /data/requestid: expected a string, found an integer [wrong-type]\n"
    );
    let json = ors_events_with_input(&["-q", "validate", "--format", "json"], event);
    assert_eq!(text(&json.stdout).lines().count(), 1);
    assert_eq!(text(&json.stderr), "");

    let lint = ors_events(&["lint", "-q", "tests/lint/clean.scxml"]);
    assert_eq!(
        (lint.status.code(), text(&lint.stdout)),
        (Some(0), "".into())
    );
    let check = ors_events(&["check", "--quiet"]);
    assert_eq!(
        (check.status.code(), text(&check.stdout)),
        (Some(0), "".into())
    );

    let dir = TempDir::new("quiet-generate");
    let out = dir.path().join("generated");
    let generate = ors_events(&["generate", "-q", "--out", out.to_str().unwrap()]);
    assert_eq!(
        generate.status.code(),
        Some(0),
        "{}",
        text(&generate.stderr)
    );
    assert_eq!(text(&generate.stderr), "");
    assert!(out.join("README.md").is_file());
    let loud = ors_events(&["generate", "--out", out.to_str().unwrap()]);
    assert!(text(&loud.stderr).starts_with("wrote "));

    // Problems and errors stay.
    let spec = broken_spec(dir.path());
    let broken = ors_events(&["check", "-q", "--spec", spec.to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stderr).starts_with("error["));
    assert!(text(&broken.stderr).contains("error[unknown-type]"));
    let missing = ors_events(&["-q", "validate", "/nonexistent/events.jsonl"]);
    assert!(text(&missing.stderr).starts_with("error: cannot read"));
}

/// Every runtime error starts with `error:` as clap's own do (a spec's problems each start with
/// `error[CODE]:`, as rustc's), coloured only when asked.
#[test]
fn runtime_errors_start_with_error() {
    let dir = TempDir::new("errors");
    let foreign = dir.path().join("mine");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let foreign = foreign.to_str().unwrap();
    let spec = broken_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let failing: [&[&str]; 8] = [
        &["validate", "/nonexistent/events.jsonl"],
        &["validate", "--spec", spec],
        &[
            "lint",
            "--spec",
            "/nonexistent/spec",
            "tests/lint/clean.scxml",
        ],
        &["lint", "-", "-"],
        &["generate", "--out", foreign],
        &["docs", "--out", foreign],
        &["diff", "no-such-revision-or-dir", "HEAD"],
        &["schema", "--spec", "/nonexistent/spec"],
    ];
    for args in failing {
        let out = ors_events(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("error: ") || stderr.starts_with("error[io-error]: "),
            "{args:?}: {stderr}"
        );
    }
    let stale = ors_events(&["generate", "--check", "--out", foreign]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(text(&stale.stderr).starts_with("error: "));

    let coloured = Command::new(support::binary())
        .args(["--color", "always", "validate", "/nonexistent/events.jsonl"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(text(&coloured.stderr).starts_with("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m cannot read"));
    let plain = Command::new(support::binary())
        .args(["validate", "/nonexistent/events.jsonl", "--color", "never"])
        .output()
        .unwrap();
    assert!(text(&plain.stderr).starts_with("error: cannot read"));
}
