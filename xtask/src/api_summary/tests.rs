//! Unit tests of the public API summaries: options, crate selection, differences, check and write.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

/// A directory of its own under the system's temporary one, removed first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-public-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn summaries(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

#[test]
fn options_are_read() {
    let args: Vec<String> = ["--check", "--dir", "x", "-p", "a", "--package", "b"]
        .map(String::from)
        .to_vec();
    let options = Options::parse(&args).unwrap();
    assert_eq!(
        options,
        Options {
            check: true,
            dir: Some(PathBuf::from("x")),
            packages: vec!["a".into(), "b".into()]
        }
    );
    assert_eq!(
        Options::parse(&["--dir".to_string()]),
        Err("--dir needs a value".to_string())
    );
    assert_eq!(
        Options::parse(&["--fix".to_string()]),
        Err("unexpected argument `--fix`".to_string())
    );
}

#[test]
fn only_publishable_library_crates_of_the_workspace_are_summarised() {
    let metadata = serde_json::json!({
        "workspace_members": ["lib 1", "macros 1", "tool 1", "private 1"],
        "packages": [
            {"id": "tool 1", "name": "tool", "publish": null, "targets": [{"kind": ["bin"], "name": "tool"}]},
            {"id": "lib 1", "name": "my-lib", "publish": null,
             "targets": [{"kind": ["lib"], "name": "my-lib"}, {"kind": ["test"], "name": "t"}]},
            {"id": "private 1", "name": "private", "publish": [], "targets": [{"kind": ["lib"], "name": "private"}]},
            {"id": "macros 1", "name": "a-macros", "publish": ["crates-io"],
             "targets": [{"kind": ["proc-macro"], "name": "a_macros"}]},
            {"id": "dep 1", "name": "dep", "publish": null, "targets": [{"kind": ["lib"], "name": "dep"}]}
        ]
    });
    let found = libraries(&metadata);
    assert_eq!(
        found,
        vec![
            Library {
                package: "a-macros".into(),
                target: "a_macros".into()
            },
            Library {
                package: "my-lib".into(),
                target: "my_lib".into()
            },
        ]
    );
}

#[test]
fn the_difference_names_removed_and_added_lines() {
    let old = "# header\npub fn a()\npub fn b()\npub struct S\n";
    let new = "# header\npub fn a()\npub fn b(x: u8)\npub struct S\npub struct T\n";
    assert_eq!(
        difference(old, new),
        ["- pub fn b()", "+ pub fn b(x: u8)", "+ pub struct T"]
    );
    assert!(difference(old, old).is_empty());
    // A line that appears twice and then once was removed once.
    assert_eq!(difference("x\nx\n", "x\n"), ["- x"]);
}

#[test]
fn a_fresh_directory_passes_the_check() {
    let dir = scratch("fresh");
    let crates = summaries(&[("a", "pub fn a::f()\n"), ("b", "pub struct b::S\n")]);
    write(&dir, &crates, true).unwrap();
    assert_eq!(check(&dir, &crates, true).unwrap(), "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_changed_api_fails_the_check_naming_the_lines_and_the_refresh_command() {
    let dir = scratch("changed");
    write(
        &dir,
        &summaries(&[("a", "pub fn a::f()\npub fn a::g()\n")]),
        true,
    )
    .unwrap();
    let report = check(
        &dir,
        &summaries(&[("a", "pub fn a::f()\npub fn a::g(x: u8)\n")]),
        true,
    )
    .unwrap();
    assert!(
        report.contains("the public API of a changed (2 lines)"),
        "{report}"
    );
    assert!(
        report.contains("  - pub fn a::g()\n  + pub fn a::g(x: u8)\n"),
        "{report}"
    );
    assert!(report.contains(&format!("run `{REFRESH}`")), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_and_stale_summaries_fail_the_check_and_a_refresh_fixes_both() {
    let dir = scratch("stale");
    write(&dir, &summaries(&[("old", "pub fn old::f()\n")]), true).unwrap();
    let now = summaries(&[("new", "pub fn new::f()\n")]);
    let report = check(&dir, &now, true).unwrap();
    assert!(
        report.contains("new.txt: missing (the public API of new)"),
        "{report}"
    );
    assert!(
        report.contains("old.txt: no library crate of the workspace has this name"),
        "{report}"
    );
    // Checking one crate alone does not call the others stale.
    assert!(!check(&dir, &now, false).unwrap().contains("old.txt"));
    write(&dir, &now, true).unwrap();
    assert_eq!(check(&dir, &now, true).unwrap(), "");
    assert!(!dir.join("old.txt").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_difference_is_cut_with_a_count() {
    let dir = scratch("long");
    write(&dir, &summaries(&[("a", "")]), true).unwrap();
    let many: String = (0..100).map(|i| format!("pub fn a::f{i}()\n")).collect();
    let report = check(&dir, &summaries(&[("a", &many)]), true).unwrap();
    assert!(report.contains("+ pub fn a::f59()"), "{report}");
    assert!(!report.contains("+ pub fn a::f60()"), "{report}");
    assert!(report.contains("... and 40 more"), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rustdoc_json_of_another_format_is_refused_with_what_to_do() {
    let dir = scratch("format");
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("old.json");
    std::fs::write(&json, r#"{"root": 0, "format_version": 1}"#).unwrap();
    let err = summary("old", &json).unwrap_err();
    assert!(err.contains("writes rustdoc JSON format 1"), "{err}");
    assert!(
        err.contains(&format!("reads format {}", rustdoc_types::FORMAT_VERSION)),
        "{err}"
    );
    assert!(err.contains("xtask/Cargo.toml"), "{err}");
    std::fs::write(&json, "not json").unwrap();
    assert!(summary("old", &json)
        .unwrap_err()
        .contains("not rustdoc JSON"));
    let _ = std::fs::remove_dir_all(&dir);
}
