//! `validate --spec` and `lint --spec`: a catalogue that is not the built-in one.

use super::*;

/// A copy of the real spec with the `queue` family added.
fn queue_spec(dir: &Path) -> std::path::PathBuf {
    let spec = copy_spec(dir);
    edit(
        &spec.join("catalogue.yaml"),
        "families: [interaction, voice, msgbased, chat]",
        "families: [interaction, voice, msgbased, chat, queue]",
    );
    fs::write(spec.join("queue.yaml"), QUEUE_FAMILY).unwrap();
    spec
}

/// Writes `source` as `dir/name`; its path.
fn write_app(dir: &Path, name: &str, source: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, source).unwrap();
    path.display().to_string()
}

/// A finding of `lint --format json`: its code, line, column and suggestion.
type JsonFinding = (String, u64, u64, Option<String>);

/// `ors-events lint --format json ARGS...`: the exit status and each finding.
fn lint_json(args: &[&str]) -> (Option<i32>, Vec<JsonFinding>) {
    let out = ors_events(&[&["lint", "--format", "json"], args].concat());
    let findings = text(&out.stdout)
        .lines()
        .map(|line| {
            let finding: Value = serde_json::from_str(line).unwrap();
            (
                finding["code"].as_str().unwrap().to_owned(),
                finding["line"].as_u64().unwrap(),
                finding["column"].as_u64().unwrap(),
                finding["suggestion"].as_str().map(str::to_owned),
            )
        })
        .collect();
    (out.status.code(), findings)
}

#[test]
fn lint_spec_checks_against_that_catalogue_alone() {
    let dir = TempDir::new("cli-lint-spec");
    let spec = queue_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let app = write_app(dir.path(), "app.scxml", QUEUE_APP);
    let typo_source = QUEUE_APP
        .replace("\"queue.submit.done\"", "\"queue.submt.done\"")
        .replace("data.position", "data.positon")
        .replace("\"error.queue.submit\"", "\"interaction.addde\"");
    let typos = write_app(dir.path(), "typos.scxml", &typo_source);
    let at = |needle: &str| {
        let (line, column) = position_of(Path::new(&typos), needle);
        (line as u64, column as u64)
    };
    let finding = |code: &str, (line, column): (u64, u64), suggestion: &str| {
        (code.to_owned(), line, column, Some(suggestion.to_owned()))
    };

    // The compiled-in catalogue owns no `queue` family: it leaves those descriptors, typos
    // included, and the reads under them alone.
    assert_eq!(lint_json(&[&app]), (Some(0), vec![]));
    assert_eq!(
        lint_json(&[&typos]),
        (
            Some(1),
            vec![finding(
                "unknown-event",
                at("interaction.addde"),
                "interaction.added"
            )]
        )
    );

    // The spec's catalogue owns it, and still every family of the compiled-in one.
    assert_eq!(lint_json(&["--spec", spec, &app]), (Some(0), vec![]));
    assert_eq!(
        lint_json(&["--spec", spec, &typos]),
        (
            Some(1),
            vec![
                finding("unknown-event", at("queue.submt.done"), "queue.submit.done"),
                finding("unknown-attribute", at("positon"), "position"),
                finding(
                    "unknown-event",
                    at("interaction.addde"),
                    "interaction.added"
                ),
            ]
        )
    );
}

#[test]
fn lint_spec_gates_the_spec_attributes_by_version() {
    let dir = TempDir::new("cli-lint-spec-version");
    let spec = queue_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let app = write_app(dir.path(), "app.scxml", QUEUE_APP);
    let (line, column) = position_of(Path::new(&app), "eta ");

    let out = ors_events(&["lint", "--spec", spec, "--ors-version", "8.1.3", &app]);
    // A warning alone passes; `--deny warnings` makes it fail.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let denied = ors_events(&[
        "lint",
        "--spec",
        spec,
        "--ors-version",
        "8.1.3",
        "--deny",
        "warnings",
        &app,
    ]);
    assert_eq!(denied.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{app}:{line}:{column}: warning: attribute `eta` of `queue.position` exists since ORS \
             8.1.400.09, after the target release 8.1.3 [not-in-version]\n1 file: 1 warning\n"
        )
    );
    let newer = ors_events(&["lint", "--spec", spec, "--ors-version", "8.1.400.09", &app]);
    assert_eq!(newer.status.code(), Some(0), "{}", text(&newer.stdout));
    // Without the spec, nothing of the `queue` family is known, so nothing is newer.
    let builtin = ors_events(&["lint", "--ors-version", "8.1.3", &app]);
    assert_eq!(builtin.status.code(), Some(0), "{}", text(&builtin.stdout));
}

#[test]
fn lint_spec_with_problems_is_a_usage_error() {
    let dir = TempDir::new("cli-lint-spec-broken");
    let spec = broken_spec(dir.path());
    let app = write_app(dir.path(), "app.scxml", QUEUE_APP);
    let out = ors_events(&["lint", "--spec", spec.to_str().unwrap(), &app]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("has problems"), "{stderr}");
    assert!(stderr.contains("error[unknown-type]"), "{stderr}");
    let missing = ors_events(&["lint", "--spec", "/nonexistent/spec", &app]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn validate_spec_checks_against_that_catalogue_alone() {
    let dir = TempDir::new("cli-validate-spec");
    let spec = queue_spec(dir.path());
    let spec = spec.to_str().unwrap();
    let event =
        br#"{"name": "queue.position", "data": {"interactionid": "i", "position": 2, "eta": 30}}"#;
    let builtin = ors_events_with_input(&["validate"], event);
    assert_eq!(builtin.status.code(), Some(1));
    assert!(text(&builtin.stdout).contains("[unknown-event]"));
    let read = ors_events_with_input(&["validate", "--spec", spec], event);
    assert_eq!(read.status.code(), Some(0), "{}", text(&read.stdout));
    let old = ors_events_with_input(
        &["validate", "--spec", spec, "--ors-version", "8.1.3"],
        event,
    );
    assert_eq!(old.status.code(), Some(1));
    assert!(
        text(&old.stdout).contains("/data/eta"),
        "{}",
        text(&old.stdout)
    );
}
