//! The rule table, the messages and the reports; and specs loaded from texts.

use std::fs;

use ors_events_codegen::diff::{self, Side};
use ors_events_codegen::loader;

use crate::support::workspace;
use crate::{mixed_pair, Pair, HELDPARTYSTATE};

#[test]
fn messages_and_reasons_follow_the_kind() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - { code: 50, name: CallStateHeld }\n",
        "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
    );
    let report = pair.report();
    let finding = &report.changes[0];
    assert_eq!(
        finding.message,
        "value 51 (`CallStateParked`) added to enum `callstate`"
    );
    assert_eq!(finding.why, finding.change.rule().why);
    assert!(finding.why.contains("non_exhaustive"), "{}", finding.why);
}

#[test]
fn the_readme_shows_the_rule_table() {
    let readme = fs::read_to_string(workspace().join("README.md")).unwrap();
    let table = diff::rule_table();
    assert!(
        readme.contains(&table),
        "README.md must show the rule table of `ors-events diff` exactly as \
         `ors_events_codegen::diff::rule_table()` renders it:\n\n{table}"
    );
}

#[test]
fn markdown_is_a_review_comment_with_breaking_changes_first() {
    let pair = mixed_pair();
    let markdown = pair.report().to_markdown();
    let value_line = pair.at("new", "types.yaml", "{ code: 51,", "51")["line"].clone();
    let expected_start = "### Event catalogue changes: `old` → `new`\n\n**3 changes**: 2 breaking (1 on the wire, 1 for the Rust API), 1 docs-only.\n\n#### Breaking changes\n\n**`enum-value-added`**: wire\n> ";
    assert!(markdown.starts_with(expected_start), "{markdown}");
    assert!(
        markdown.contains(&format!(
            "- Value 51 (`CallStateParked`) added to enum `callstate` — `spec/types.yaml:{value_line}`\n"
        )),
        "{markdown}"
    );
    let wire = markdown.find("enum-value-added").unwrap();
    let rust = markdown.find("attribute-rust-name-changed").unwrap();
    let docs_heading = markdown.find("#### Docs-only changes").unwrap();
    let docs = markdown
        .find("- Description of event `interaction.ondivert` changed")
        .unwrap();
    assert!(
        wire < rust && rust < docs_heading && docs_heading < docs,
        "{markdown}"
    );
}

#[test]
fn removals_are_located_in_the_old_spec() {
    let pair = Pair::new();
    pair.edit("new", "interaction.yaml", HELDPARTYSTATE, "");
    let line = pair.at("old", "interaction.yaml", "- name: heldpartystate", "held")["line"].clone();
    let report = pair.report();
    assert!(report
        .to_markdown()
        .contains(&format!("`spec/interaction.yaml:{line}` (old)")));
    assert!(report.to_text().contains(&format!(
        "spec/interaction.yaml:{line} (old)  attribute-removed: "
    )));
}

#[test]
fn specs_from_texts_load_as_from_a_directory() {
    let dir = workspace().join("spec");
    let mut files = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, fs::read(&path).unwrap()));
    }
    files.reverse();
    let from_texts = loader::load_texts("spec", files).unwrap();
    let from_dir = loader::load(&dir).unwrap();
    let paths = |spec: &ors_events_codegen::spec::Spec| -> Vec<(String, String)> {
        spec.files
            .iter()
            .map(|file| (file.display_path.clone(), file.text.clone()))
            .collect()
    };
    assert_eq!(paths(&from_texts), paths(&from_dir));
    let (texts, dirs) = (
        ors_events_codegen::compile_spec(&from_texts).unwrap(),
        ors_events_codegen::compile_spec(&from_dir).unwrap(),
    );
    let changes = diff::diff(Side { catalogue: &texts }, Side { catalogue: &dirs });
    assert_eq!(changes, []);

    let codes = |files: Vec<(String, Vec<u8>)>| -> Vec<(&'static str, String)> {
        let problems = loader::load_texts("spec", files).unwrap_err();
        problems
            .iter()
            .map(|problem| {
                let at = problem.location.as_ref().map(ToString::to_string);
                (problem.code.as_str(), at.unwrap_or_default())
            })
            .collect()
    };
    let too_large = usize::try_from(loader::MAX_FILE_BYTES).unwrap() + 1;
    assert_eq!(
        codes(vec![
            ("a.yaml".into(), b"family:\n  name: \xff".to_vec()),
            ("b.yaml".into(), vec![b'#'; too_large]),
            ("c.yaml".into(), b"# nothing\n".to_vec()),
        ]),
        [
            ("not-utf8", "spec/a.yaml:2:9".to_owned()),
            ("file-too-large", "spec/b.yaml:1:1".to_owned()),
            ("empty-file", "spec/c.yaml:1:1".to_owned()),
        ]
    );
    assert_eq!(
        codes(vec![("README.md".into(), b"# spec".to_vec())]),
        [("no-spec-files", String::new())]
    );
}
