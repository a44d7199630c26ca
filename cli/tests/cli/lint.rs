//! `ors-events lint` on the hand-written SCXML applications in `tests/lint/`: the three output
//! formats, the exit statuses and the README's example.

use serde_json::Value;

use super::support::{ors_events, text, workspace};

#[test]
fn a_clean_file_and_warnings_alone_pass() {
    let out = ors_events(&["lint", "tests/lint/clean.scxml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1 file: no findings\n");
    let out = ors_events(&[
        "lint",
        "--ors-version",
        "8.1.3",
        "tests/lint/versions.scxml",
    ]);
    // Warnings alone pass (`--deny warnings` makes them fail).
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with(
        "tests/lint/versions.scxml:5:24: warning: event `interaction.property.changed` exists \
         since ORS 8.1.400.39, after the target release 8.1.3 [not-in-version]\n"
    ));
    assert!(text(&out.stdout).ends_with("1 file: 3 warnings\n"));
    let bad = ors_events(&["lint", "--ors-version", "eight", "tests/lint/clean.scxml"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn text_output_exit_status_and_unreadable_files() {
    let out = ors_events(&["lint", "tests/lint/events.scxml"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(
        "tests/lint/events.scxml:5:24: error: unknown event `interaction.partydelete`: it \
         matches no event of the catalogue (descriptors match whole tokens, so not \
         `interaction.partydeleted`); did you mean `interaction.partydeleted`? [unknown-event]\n"
    ));
    assert_eq!(stdout.lines().count(), 12);
    assert!(stdout.ends_with("1 file: 11 errors\n"));

    // An unreadable file: reported, the others still linted, exit 2. A directory is walked.
    let out = ors_events(&[
        "lint",
        "tests/lint/missing.scxml",
        "tests/lint/events.scxml",
        "tests/lint/composer",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("tests/lint/missing.scxml: error: cannot read the file: "));
    assert!(lines[0].ends_with("[unreadable-file]"));
    assert!(lines[1].starts_with("tests/lint/events.scxml:5:24: error: "));
    assert_eq!(lines[12], "7 files: 12 errors");

    // A file is required.
    assert_eq!(ors_events(&["lint"]).status.code(), Some(2));
}

#[test]
fn json_output_is_one_object_per_finding() {
    let out = ors_events(&[
        "lint",
        "--format",
        "json",
        "tests/lint/attributes.scxml",
        "tests/lint/nope.scxml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let records: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 15);
    assert_eq!(
        records[8],
        serde_json::json!({
            "file": "tests/lint/attributes.scxml",
            "line": 25,
            "column": 66,
            "code": "unknown-attribute",
            "severity": "error",
            "message": "`interaction.partyadded` has no attribute `partyID`; did you mean `partyid`?",
            "suggestion": "partyid",
        })
    );
    assert_eq!(records[14]["code"], "unreadable-file");
    assert_eq!(records[14]["line"], Value::Null);
    assert_eq!(text(&out.stderr), "2 files: 15 errors\n");
}

/// The structure SARIF 2.1.0 requires of what we write; `scripts/check-sarif.sh` validates
/// the same output against the OASIS schema itself.
#[test]
fn sarif_output_is_one_run_with_rules_and_located_results() {
    let out = ors_events(&[
        "lint",
        "--format",
        "sarif",
        "--ors-version",
        "8.1.3",
        "tests/lint/events.scxml",
        "tests/lint/versions.scxml",
        "tests/lint/malformed.scxml",
        "tests/lint/clean.scxml",
        "tests/lint/absent.scxml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .unwrap()
        .contains("sarif-schema-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "ors-events");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "unknown-event",
            "bad-descriptor",
            "unknown-attribute",
            "not-in-version",
            "malformed-xml",
            "unreadable-file",
            "unknown-family"
        ]
    );
    for rule in rules {
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning"].contains(&level));
    }
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 11 + 3 + 1 + 1);
    for result in results {
        let rule_id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], rule_id);
        assert_eq!(
            result["level"],
            rules[index]["defaultConfiguration"]["level"]
        );
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("tests/lint/") && uri.ends_with(".scxml"),
            "{uri}"
        );
        if rule_id == "unreadable-file" {
            assert!(physical.get("region").is_none());
        } else {
            assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
            assert!(physical["region"]["startColumn"].as_u64().unwrap() >= 1);
        }
    }
    let first = &results[0];
    assert_eq!(first["ruleId"], "unknown-event");
    assert_eq!(
        first["locations"][0]["physicalLocation"],
        serde_json::json!({
            "artifactLocation": { "uri": "tests/lint/events.scxml" },
            "region": { "startLine": 5, "startColumn": 24 },
        })
    );
    let malformed = results
        .iter()
        .find(|r| r["ruleId"] == "malformed-xml")
        .unwrap();
    assert_eq!(
        malformed["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 6, "startColumn": 5 })
    );
    let warnings = results.iter().filter(|r| r["level"] == "warning").count();
    assert_eq!(warnings, 3);
}

/// The example the README shows, file and output: the README's copy of both is the real one.
#[test]
fn readme_example() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let command = "$ ors-events lint --ors-version 8.1.4 tests/lint/inbound.scxml\n";
    let start = readme.find(command).expect("the README shows the command") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = ors_events(&["lint", "--ors-version", "8.1.4", "tests/lint/inbound.scxml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), shown);
    // The file, decoded from ISO-8859-1 as it declares, is the one the README shows.
    let bytes = std::fs::read(workspace().join("tests/lint/inbound.scxml")).unwrap();
    let latin: String = bytes.iter().copied().map(char::from).collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(readme.contains(&format!("```xml\n{latin}```")));
}
