//! The `ors-events` command line: its outputs and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../tests/support/mod.rs"]
mod support;

mod anywhere;
mod check;
mod docs;
mod jobs;
mod lint;
mod lint_projects;
mod shell;
mod spec;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
pub(crate) use support::broken_spec;
use support::{copy_spec, copy_tree, edit, ors_events, position_of, text, workspace, TempDir};

/// Runs `ors-events` with `input` on standard input.
fn ors_events_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(support::binary())
        .args(args)
        .current_dir(workspace())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ors-events");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for ors-events");
    writer.join().expect("writer");
    out
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
    let out = ors_events(&["check", "--spec", spec.to_str().unwrap()]);
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
    assert!(text(&stale.stderr).contains("cargo run -q -p ors-events-cli -- generate"));
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

/// The event names a catalogue document accepts: the `name` enum of the validators' document,
/// or the `$defs` the `oneOf` of the type generators' document refers to.
fn event_names(schema: &Value) -> Vec<&str> {
    if let Some(branches) = schema["oneOf"].as_array() {
        return branches
            .iter()
            .map(|branch| {
                let key = branch["$ref"].as_str().unwrap();
                schema["$defs"][key.trim_start_matches("#/$defs/")]["properties"]["name"]["const"]
                    .as_str()
                    .unwrap()
            })
            .collect();
    }
    schema["properties"]["name"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect()
}

#[test]
fn schema_prints_the_catalogue_and_narrows_it_to_a_release() {
    let committed = |path: &str| -> Value {
        serde_json::from_slice(&fs::read(workspace().join(path)).unwrap()).unwrap()
    };
    let full = schema(&["schema"]);
    assert_eq!(event_names(&full).len(), 60);
    assert!(
        full["oneOf"].is_null(),
        "the validators' document dispatches"
    );
    assert_eq!(full, committed("generated/schema/ors-events.schema.json"));
    let types = schema(&["schema", "--types"]);
    assert_eq!(types["oneOf"].as_array().unwrap().len(), 60);
    assert_eq!(
        types,
        committed("generated/schema/ors-events.types.schema.json")
    );
    assert_eq!(event_names(&types), event_names(&full));

    let old_types = schema(&["schema", "--types", "--ors-version", "8.1.200.73"]);
    assert_eq!(event_names(&old_types).len(), 59);
    assert!(old_types["$defs"]["InteractionPropertyChanged"].is_null());
    let old = schema(&["schema", "--ors-version", "8.1.200.73"]);
    assert_eq!(
        event_names(&old),
        event_names(&old_types),
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
    assert_eq!(event_names(&late).len(), 60);
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

const STREAM: &str = concat!(
    r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}}"#,
    "\n",
    "\n",
    r#"{"name": "voice.hold.done", "data": {"requestid": 5}}"#,
    "\r\n",
    r#"{"name": "voice.hold.done", "data": {"#,
    "\n",
    r#"{"name": "interaction.deleted", "data": {"interactionid": "i", "resultof": "deletion"}, "trace": 1}"#,
    "\n",
    r#"{"name": "interaction.added", "data": {"interactionid": "i"}}"#,
);

#[test]
fn validate_reports_every_bad_line_and_goes_on() {
    let dir = TempDir::new("cli-validate");
    let file = dir.path().join("events.jsonl");
    fs::write(&file, STREAM).unwrap();
    let out = ors_events(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let name = file.display().to_string();
    let expected = [
        format!("{name}:3: /data/requestid: expected a string, found an integer [wrong-type]"),
        format!("{name}:3: /data/interactionid: required attribute `interactionid` is missing [missing-attribute]"),
        format!("{name}:4: (root): not valid JSON: EOF while parsing an object at line 1 column 37 [malformed-json]"),
        format!("{name}:5: /trace: `trace` is not an envelope field [unknown-field]"),
        "5 events, 3 invalid".to_owned(),
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);

    let lenient = ors_events(&["validate", "--lenient", file.to_str().unwrap()]);
    assert_eq!(lenient.status.code(), Some(1));
    assert!(text(&lenient.stdout)
        .contains(":5: /trace: warning: `trace` is not an envelope field [unknown-field]"));
    assert!(text(&lenient.stdout).ends_with("5 events, 2 invalid, 1 with warnings only\n"));
}

#[test]
fn validate_json_output_is_only_json_lines() {
    let out = ors_events_with_input(
        &[
            "validate",
            "--format",
            "json",
            "--ors-version",
            "8.1.3",
            "-",
        ],
        STREAM.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let summary: Vec<(u64, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["pointer"].as_str().unwrap(),
                r["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (3, "/data/requestid", "wrong-type"),
            (3, "/data/interactionid", "missing-attribute"),
            (4, "", "malformed-json"),
            (5, "/data/resultof", "not-in-version"),
            (5, "/trace", "unknown-field"),
        ]
    );
    assert_eq!(records[0]["event"], "voice.hold.done");
    assert!(records[2]["event"].is_null());
    assert_eq!(records[0]["severity"], "error");
    assert!(records
        .iter()
        .all(|r| r["message"].as_str().is_some_and(|m| !m.is_empty())));
    assert!(text(&out.stderr).contains("5 events, 3 invalid"));
    // Members in the documented order, `file` first (`<stdin>` for standard input).
    assert_eq!(
        text(&out.stdout).lines().next(),
        Some(
            r#"{"file":"<stdin>","line":3,"pointer":"/data/requestid","code":"wrong-type","severity":"error","message":"expected a string, found an integer","event":"voice.hold.done"}"#
        )
    );
}

#[test]
fn validate_exit_codes() {
    let valid = ors_events_with_input(
        &["validate"],
        br#"{"name": "interaction.added", "data": {"interactionid": "i"}}"#,
    );
    assert_eq!(valid.status.code(), Some(0), "{}", text(&valid.stderr));
    assert_eq!(text(&valid.stdout), "1 event, 0 invalid\n");
    let empty = ors_events_with_input(&["validate"], b"");
    assert_eq!(empty.status.code(), Some(0));
    let missing = ors_events(&["validate", "/nonexistent/events.jsonl"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).starts_with("error: cannot read /nonexistent/events.jsonl"));
    let usage = ors_events(&["validate", "--format", "xml"]);
    assert_eq!(usage.status.code(), Some(2));
    let version = ors_events(&["validate", "--ors-version", "eight"]);
    assert_eq!(version.status.code(), Some(2));

    // Warnings alone pass, as in `lint`, unless `--deny warnings`.
    let unknown = br#"{"name": "interaction.added", "data": {"interactionid": "i", "x": 1}}"#;
    let warned = ors_events_with_input(&["validate", "--lenient"], unknown);
    assert_eq!(warned.status.code(), Some(0), "{}", text(&warned.stdout));
    assert!(text(&warned.stdout).ends_with("1 event, 0 invalid, 1 with warnings only\n"));
    let denied = ors_events_with_input(&["validate", "--lenient", "--deny", "warnings"], unknown);
    assert_eq!(denied.status.code(), Some(1));
    assert_eq!(denied.stdout, warned.stdout);
    let strict = ors_events_with_input(&["validate", "--deny", "warnings"], unknown);
    assert_eq!(strict.status.code(), Some(1));
}

/// A family the compiled-in catalogue does not have: the action `submit` (`queue.submit.done`,
/// `error.queue.submit`) and the event `queue.position`, whose `eta` exists since 8.1.400.09.
const QUEUE_FAMILY: &str = r#"family:
  name: queue
  title: Queue events
  description: Results of submitting an interaction to a queue, and its progress there.

actions:
  - name: submit
    description: Submit an interaction to a queue.
    done:
      description: The interaction is in the queue.
      attributes:
        - use: requestid
        - use: interactionid
    error:
      description: The interaction could not be queued.
      attributes:
        - use: requestid
        - use: error
        - use: description

events:
  - name: queue.position
    description: The interaction moved in the queue.
    attributes:
      - use: interactionid
      - name: position
        type: integer
        description: Its place in the queue, 1 first.
      - name: eta
        type: integer
        description: The seconds until it is served.
        optional: Releases before 8.1.400.09 do not estimate it.
        inferred: true
        since: "8.1.400.09"
"#;

/// An application of the `queue` family, correct against the spec that has it.
const QUEUE_APP: &str = r#"<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" initial="queued">
  <state id="queued">
    <transition event="queue.submit.done" cond="_event.data.requestid != ''" target="queued"/>
    <transition event="queue.position" target="queued">
      <log expr="'wait ' + _event.data.eta + 's at ' + _event.data.position"/>
    </transition>
    <transition event="error.queue.submit" cond="_event.data.error == 'full'"/>
  </state>
</scxml>
"#;
