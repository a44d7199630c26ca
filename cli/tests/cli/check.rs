//! `check` for tools and terminals: JSON Lines, colours, a problem without a location.

use std::fs;

use super::broken_spec;
use super::support::{self, ors_events, position_of, text, workspace, TempDir};

#[test]
fn check_format_json_writes_one_object_per_problem_and_only_those() {
    let dir = TempDir::new("cli-check-json");
    let spec = broken_spec(dir.path());
    let out = ors_events(&[
        "check",
        "--spec",
        spec.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let problems: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(problems.len(), 3, "{stdout}");
    let voice = fs::read_to_string(spec.join("voice.yaml")).unwrap();
    let (line, column) = position_of(&spec.join("voice.yaml"), "calstate");
    let unknown = problems
        .iter()
        .find(|p| p["code"] == "unknown-type")
        .unwrap();
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["message"], "unknown type `calstate`");
    assert_eq!(unknown["help"], "did you mean `callstate`?");
    assert_eq!(unknown["file"], "spec/voice.yaml");
    assert_eq!(
        (unknown["line"].as_u64(), unknown["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    let (start, end) = (
        unknown["start"].as_u64().unwrap() as usize,
        unknown["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&voice[start..end], "calstate");
    // The second definition of an event names the first as a related place.
    let duplicate = problems
        .iter()
        .find(|p| p["code"] == "duplicate-event")
        .unwrap();
    assert_eq!(duplicate["related"][0]["label"], "first defined here");
    assert_eq!(duplicate["related"][0]["file"], "spec/chat.yaml");
    assert!(text(&out.stderr).contains("3 problems found in the spec"));

    let clean = ors_events(&["check", "--format", "json"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty(), "{}", text(&clean.stdout));
    assert!(text(&clean.stderr).contains(": ok ("));
}

#[test]
fn check_colours_only_when_asked_or_on_a_terminal_without_no_color() {
    let dir = TempDir::new("cli-check-color");
    let spec = broken_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let run = |args: &[&str], no_color: Option<&str>| {
        let mut command = std::process::Command::new(support::binary());
        command
            .args(args)
            .current_dir(workspace())
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        text(&out.stderr)
    };
    let escape = '\u{1b}';
    // Standard error is a pipe here, so `auto` (the default) does not colour.
    assert!(!run(&["check", "--spec", spec], None).contains(escape));
    assert!(!run(&["check", "--spec", spec, "--color", "auto"], None).contains(escape));
    assert!(!run(&["check", "--spec", spec, "--color", "never"], None).contains(escape));
    let coloured = run(&["check", "--spec", spec, "--color", "always"], Some("1"));
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert!(coloured.contains("unknown-type"));
    // `--color` is global: before the command as well as after it.
    assert_eq!(
        run(&["--color", "always", "check", "--spec", spec], Some("1")),
        coloured
    );
    let bad = support::ors_events(&["check", "--spec", spec, "--color", "sometimes"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_of_an_unreadable_directory_has_no_location() {
    let out = ors_events(&["check", "--spec", "/nonexistent/spec"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error[io-error]: cannot read the spec directory /nonexistent/spec"),
        "{stderr}"
    );
    assert!(!stderr.contains("-->"), "{stderr}");
    let json = ors_events(&["check", "--spec", "/nonexistent/spec", "--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    let problem: serde_json::Value = serde_json::from_str(text(&json.stdout).trim()).unwrap();
    assert!(problem["file"].is_null() && problem["line"].is_null());
}

#[test]
fn check_still_takes_the_spec_directory_positionally_with_a_warning() {
    let dir = TempDir::new("cli-check-positional");
    let spec = broken_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let old = ors_events(&["check", spec]);
    let new = ors_events(&["check", "--spec", spec]);
    assert_eq!(old.status.code(), Some(1));
    let stderr = text(&old.stderr);
    let warning = "warning: `check SPEC_DIR` is deprecated; use `check --spec SPEC_DIR`\n";
    assert_eq!(
        stderr.strip_prefix(warning),
        Some(text(&new.stderr).as_str())
    );
    // Not both.
    let both = ors_events(&["check", "--spec", spec, spec]);
    assert_eq!(both.status.code(), Some(2));
}
