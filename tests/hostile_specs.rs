//! Broken and hostile spec trees: each is rejected quickly, with bounded memory, with its exact
//! code and position; hostile text in descriptions never breaks an output. (`generate` killed
//! midway: `cli/tests/concurrent_generate.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use ors_events_codegen::Diagnostics;
use support::{copy_spec, edit, TempDir};

/// Loads `spec`, expecting failure, within `limit`.
fn rejected(spec: &Path, limit: Duration) -> Diagnostics {
    let started = Instant::now();
    let result = ors_events_codegen::compile(spec);
    assert!(started.elapsed() < limit, "took {:?}", started.elapsed());
    match result {
        Ok(_) => panic!("the hostile spec was accepted"),
        Err(problems) => problems,
    }
}

/// The one problem's code and `file:line:column`.
fn only(problems: &Diagnostics) -> (&'static str, String) {
    assert_eq!(problems.len(), 1, "{problems}");
    let problem = problems.iter().next().unwrap();
    let at = problem.location.as_ref().map(ToString::to_string);
    (problem.code.as_str(), at.unwrap_or_default())
}

fn spec_with(file: &str, text: &[u8]) -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new("hostile");
    let spec = copy_spec(dir.path());
    fs::write(spec.join(file), text).unwrap();
    (dir, spec)
}

const QUICK: Duration = Duration::from_secs(5);

#[test]
fn malformed_yaml_tabs_and_empty_files() {
    let (_dir, spec) = spec_with(
        "extra.yaml",
        b"sources:\n  - id: x\n    title: \"unterminated\n",
    );
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("yaml-syntax", "spec/extra.yaml:4:1".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"sources:\n  - id: x\n    title: [a, b\n");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("wrong-shape", "spec/extra.yaml:3:12".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"sources:\n\t- id: x\n");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("yaml-syntax", "spec/extra.yaml:2:1".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("empty-file", "spec/extra.yaml:1:1".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"# only a comment\n---\n");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("empty-file", "spec/extra.yaml:1:1".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"sources:\n  - id: caf\xc3\n");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("not-utf8", "spec/extra.yaml:2:12".into())
    );
    let (_dir, spec) = spec_with("extra.yaml", b"sources: {id: x}\n");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("wrong-shape", "spec/extra.yaml:1:10".into())
    );
}

#[test]
fn a_50_mb_file_is_rejected_before_it_is_read() {
    let (_dir, spec) = spec_with("huge.yaml", b"");
    let mut text = String::from("sources:\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str("  - id: padding-source-with-a-long-name\n    title: Padding that makes the file enormous\n");
    }
    fs::write(spec.join("huge.yaml"), text).unwrap();
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("file-too-large", "spec/huge.yaml:1:1".into())
    );
}

#[test]
fn deep_nesting_and_alias_bombs_are_stopped() {
    let depth = 10_000;
    let nested = format!("sources: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let (_dir, spec) = spec_with("deep.yaml", nested.as_bytes());
    // serde rejects the first node of the wrong shape, without descending further.
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("wrong-shape", "spec/deep.yaml:1:11".into())
    );
    // Where any value is read (an unknown key's), YAML's own recursion limit stops it.
    let nested = format!("{}\n", "[".repeat(depth) + &"]".repeat(depth));
    let (_dir, spec) = spec_with("deep.yaml", nested.as_bytes());
    let (code, _) = only(&rejected(&spec, QUICK));
    assert!(code == "too-deep" || code == "wrong-shape", "{code}");

    // "Billion laughs": nine levels of ten aliases each would expand to 10^9 nodes.
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        bomb.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            [previous.as_str(); 10].join(", ")
        ));
    }
    bomb.push_str("sources: *a9\n");
    let (_dir, spec) = spec_with("bomb.yaml", bomb.as_bytes());
    // Aliases are expanded only as they are read, and every spec node has a fixed shape, so the
    // bomb is refused at its first node, long before any expansion.
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("unknown-key", "spec/bomb.yaml:1:1".into())
    );
    // Under a key that reads a list of strings, the nested aliases are refused at the first
    // nested list.
    let hidden = bomb
        .replace("a0: &a0", "families: &a0")
        .replace("\na", "\nx-a");
    let (_dir, spec) = spec_with("bomb.yaml", hidden.as_bytes());
    let (code, _) = only(&rejected(&spec, QUICK));
    assert!(
        matches!(code, "unknown-key" | "wrong-shape" | "too-deep"),
        "{code}"
    );
}

#[test]
fn hostile_descriptions_keep_every_output_valid() {
    let dir = TempDir::new("hostile-text");
    let spec = copy_spec(dir.path());
    let hostile = format!(
        r#"description: "ends */ quote \" backslash \\ attribute #[doc = 1] tick ` {{{{ braces }}}} {{% tag %}} </script><script>alert(1)</script> pipe | cell <b>bold</b> bell \x07 escape \x1b[31m line\nbreak {}""#,
        "long ".repeat(20_000)
    );
    edit(
        &spec.join("voice.yaml"),
        "description: The request succeeded and the call, with its interaction, has been created.",
        &hostile,
    );
    let outputs =
        ors_events_codegen::generate(&spec).unwrap_or_else(|problems| panic!("{problems}"));
    let mut json = 0;
    for (path, text) in outputs.iter() {
        if path.ends_with(".json") {
            let value: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|err| panic!("{path}: {err}"));
            json += 1;
            if path.ends_with("voice.createcall.done.schema.json") {
                assert!(value["description"]
                    .as_str()
                    .unwrap()
                    .contains("</script><script>alert(1)</script>"));
            }
        }
        if path.ends_with(".rs") {
            // The description reaches Rust only inside doc attributes: never as code.
            assert!(!text.contains("\n#[doc = 1]"), "{path}");
            assert!(
                !text.contains('\u{7}') && !text.contains('\u{1b}'),
                "{path} holds a control character"
            );
        }
    }
    assert!(json > 60);
}

/// Found by the `spec` fuzz target: a file that is not UTF-8 had its bad byte located by `\n`
/// lines alone, while every other position in a spec file counts lines as YAML does (a lone `\r`
/// breaks a line too), so the position could lie past the end of its line.
#[test]
fn a_bad_byte_is_located_with_yamls_line_breaks() {
    for text in [
        &b"sources:\r  - id: caf\xc3\n"[..],
        b"sources:\r\n  - id: caf\xc3\n",
        b"sources:\xe2\x80\xa8  - id: caf\xc3\n",
    ] {
        let (_dir, spec) = spec_with("extra.yaml", text);
        assert_eq!(
            only(&rejected(&spec, QUICK)),
            ("not-utf8", "spec/extra.yaml:2:12".into()),
            "{text:?}"
        );
    }
}

/// Found by the `spec` fuzz target: a YAML error at the unexpected end of a file without a final
/// line break was located on the line after the last one.
#[test]
fn an_error_at_the_end_of_a_file_without_a_final_line_break_is_inside_it() {
    let (_dir, spec) = spec_with("extra.yaml", b"enums:\n  - name: ccevent\n    rus and obj");
    assert_eq!(
        only(&rejected(&spec, QUICK)),
        ("yaml-syntax", "spec/extra.yaml:3:16".into())
    );
}
