//! The `ors-events` command line: its outputs and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use support::{copy_spec, copy_tree, edit, position_of, workspace, TempDir};

fn ors_events(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ors-events"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run ors-events")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file below `dir` with its bytes, to see whether anything changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A spec copy with two problems in two files: a misspelt type and a duplicate event.
fn broken_spec(dir: &Path) -> std::path::PathBuf {
    let spec = copy_spec(dir);
    edit(
        &spec.join("voice.yaml"),
        "type: callstate\n          description: The call state of the created call",
        "type: calstate\n          description: The call state of the created call",
    );
    edit(
        &spec.join("chat.yaml"),
        "  - name: getcontent",
        "  - name: gettranscript",
    );
    spec
}

#[test]
fn check_accepts_the_real_spec() {
    let out = ors_events(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("ok (60 events in 4 families, 173 attributes, 6 enums)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn check_reports_every_problem_located_and_exits_1() {
    let dir = TempDir::new("cli-check");
    let spec = broken_spec(dir.path());
    let out = ors_events(&["check", spec.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let (line, column) = position_of(&spec.join("voice.yaml"), "calstate");
    assert!(
        stderr.contains(&format!(
            "error[unknown-type]: unknown type `calstate`\n  --> spec/voice.yaml:{line}:{column}"
        )),
        "{stderr}"
    );
    let (line, column) = position_of(
        &spec.join("chat.yaml"),
        "gettranscript\n    description: Refresh the content",
    );
    assert!(stderr.contains(&format!("error[duplicate-event]: event `chat.gettranscript.done` is defined twice\n  --> spec/chat.yaml:{line}:{column}")), "{stderr}");
    assert!(stderr.contains("3 problems found in the spec"), "{stderr}");
}

#[test]
fn generate_with_a_broken_spec_leaves_the_output_untouched() {
    let dir = TempDir::new("cli-atomic");
    let spec = broken_spec(dir.path());
    let out_dir = dir.path().join("generated");
    copy_tree(&workspace().join("generated"), &out_dir, &[]);
    fs::write(
        out_dir.join("schema/ors-events.schema.json"),
        "stale on purpose",
    )
    .unwrap();
    let before = snapshot(&out_dir);
    let out = ors_events(&[
        "generate",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown-type"));
    assert_eq!(
        snapshot(&out_dir),
        before,
        "generate changed its output despite the broken spec"
    );
}

#[test]
fn generate_writes_what_the_golden_files_hold_and_check_mode_sees_drift() {
    let dir = TempDir::new("cli-generate");
    let out_dir = dir.path().join("out");
    let out = ors_events(&["generate", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fresh = ors_events(&["generate", "--check", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(fresh.status.code(), Some(0), "{}", text(&fresh.stderr));
    assert_eq!(
        fs::read(out_dir.join("schema/ors-events.schema.json")).unwrap(),
        fs::read(workspace().join("generated/schema/ors-events.schema.json")).unwrap()
    );
    fs::write(
        out_dir.join("schema/events/voice.hold.done.schema.json"),
        "{}",
    )
    .unwrap();
    let stale = ors_events(&["generate", "--check", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(text(&stale.stderr).contains("changed: schema/events/voice.hold.done.schema.json"));
    assert!(text(&stale.stderr).contains("cargo run --features cli -- generate"));
    // No staging or retired directories are left beside the output.
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["out"]);
}

#[test]
fn generate_refuses_to_replace_a_directory_it_did_not_make() {
    let dir = TempDir::new("cli-foreign");
    let foreign = dir.path().join("mine");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let out = ors_events(&["generate", "--out", foreign.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("was not generated by ors-events"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
}

fn schema(args: &[&str]) -> Value {
    let out = ors_events(args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The attribute names of an event in the schema, sorted.
fn data_properties<'a>(schema: &'a Value, def: &str) -> Vec<&'a str> {
    let mut names: Vec<&str> = schema["$defs"][def]["properties"]["data"]["properties"]
        .as_object()
        .map(|properties| properties.keys().map(String::as_str).collect())
        .unwrap_or_default();
    names.sort_unstable();
    names
}

#[test]
fn schema_prints_the_catalogue_and_narrows_it_to_a_release() {
    let full = schema(&["schema"]);
    assert_eq!(full["oneOf"].as_array().unwrap().len(), 60);
    assert_eq!(
        full,
        serde_json::from_slice::<Value>(
            &fs::read(workspace().join("generated/schema/ors-events.schema.json")).unwrap()
        )
        .unwrap()
    );

    let old = schema(&["schema", "--ors-version", "8.1.200.73"]);
    assert_eq!(
        old["oneOf"].as_array().unwrap().len(),
        59,
        "interaction.property.changed is 8.1.400.39"
    );
    assert!(old["$defs"]["InteractionPropertyChanged"].is_null());
    assert!(
        !old["$defs"]["InteractionOnrouterequest"].is_null(),
        "onrouterequest is 8.1.200.73 itself"
    );
    assert_eq!(
        data_properties(&old, "VoiceCreatecallDone"),
        ["interactionid", "requestid"]
    );
    assert!(old["$defs"]["Hints"]["properties"]["callstate"].is_null());
    assert_eq!(
        data_properties(&old, "InteractionDeleted"),
        ["interactionid"]
    );

    let release = schema(&["schema", "--ors-version", "8.1.3"]);
    assert_eq!(
        data_properties(&release, "VoiceCreatecallDone"),
        ["callstate", "interactionid", "requestid"]
    );
    assert!(!release["$defs"]["Hints"]["properties"]["callstate"].is_null());
    assert_eq!(
        data_properties(&release, "InteractionDeleted"),
        ["interactionid"]
    );

    let late = schema(&["schema", "--ors-version", "8.1.400.39"]);
    assert_eq!(late["oneOf"].as_array().unwrap().len(), 60);
    assert_eq!(
        data_properties(&late, "InteractionDeleted"),
        ["interactionid", "resultof"]
    );
    assert_eq!(
        data_properties(&late, "InteractionOndivert").len(),
        5,
        "ondivert hints are 8.1.400.53"
    );
}

#[test]
fn a_bad_version_is_a_usage_error() {
    let out = ors_events(&["schema", "--ors-version", "8.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not an ORS version"),
        "{}",
        text(&out.stderr)
    );
}
