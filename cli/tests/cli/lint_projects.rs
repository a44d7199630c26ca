//! `ors-events lint` on project trees, standard input, `ors-lint.toml` and `--deny warnings`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{binary, copy_tree, edit, ors_events, position_of, text, TempDir};

const PROJECT: &str = "tests/lint/composer";

/// `ors-events ARGS...` run in `dir`.
fn ors_events_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run ors-events")
}

/// A copy of the Composer project in a scratch directory.
fn project_copy(label: &str) -> TempDir {
    let dir = TempDir::new(label);
    copy_tree(&crate::support::workspace().join(PROJECT), dir.path(), &[]);
    dir
}

#[test]
fn a_composer_project_is_clean_with_and_without_a_release() {
    for args in [
        vec!["lint", PROJECT],
        vec!["lint", "--ors-version", "8.1.4", PROJECT],
        vec![
            "lint",
            "--ors-version",
            "8.1.4",
            "--deny",
            "warnings",
            PROJECT,
        ],
    ] {
        let out = ors_events(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stdout)
        );
        // The four .scxml pages and the .xml whose root is <scxml>; not build.xml, .project,
        // .settings/ or include/*.js.
        assert_eq!(text(&out.stdout), "5 files: no findings\n", "{args:?}");
    }
    let out = ors_events(&[
        "lint",
        "--format",
        "json",
        "--ors-version",
        "8.1.4",
        PROJECT,
    ]);
    assert_eq!(text(&out.stdout), "");
    assert_eq!(text(&out.stderr), "5 files: no findings\n");
}

/// One-change copies of the project: each real mistake is found, and nothing else.
#[test]
fn one_change_copies_report_the_change_alone() {
    let dir = project_copy("lint-one-change");
    let src = dir.path().join("src-gen");
    let ipd = src.join("IPD_default_Inbound.scxml");
    let inbound = src.join("Inbound.scxml");
    edit(
        &ipd,
        "event=\"interaction.partystatechanged\"",
        "event=\"interation.partystatechanged\"",
    );
    edit(
        &inbound,
        "_event.name=='error.queue.submit'",
        "_event.name != 'interaction.delted'",
    );
    edit(&inbound, "' is ' + d.partystate", "' is ' + d.focusdevice");
    let out = ors_events_in(
        dir.path(),
        &["lint", "--format", "json", "--ors-version", "8.1.4", "."],
    );
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let summary: Vec<(String, String, u64, u64)> = records
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["code"].as_str().unwrap().to_owned(),
                r["line"].as_u64().unwrap(),
                r["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let pos = |file: &Path, needle: &str| {
        let (line, column) = position_of(file, needle);
        (line as u64, column as u64)
    };
    let (l1, c1) = pos(&inbound, "interaction.delted");
    let (l2, c2) = pos(&inbound, "focusdevice)");
    let (l3, c3) = pos(&ipd, "interation.partystatechanged");
    assert_eq!(
        summary,
        [
            (
                "./src-gen/IPD_default_Inbound.scxml".to_owned(),
                "unknown-family".to_owned(),
                l3,
                c3
            ),
            (
                "./src-gen/Inbound.scxml".to_owned(),
                "unknown-event".to_owned(),
                l1,
                c1
            ),
            (
                "./src-gen/Inbound.scxml".to_owned(),
                "unknown-attribute".to_owned(),
                l2,
                c2
            ),
        ]
    );
    assert_eq!(text(&out.stderr), "5 files: 3 errors\n");
}

#[test]
fn standard_input() {
    let page = std::fs::read(crate::support::workspace().join("tests/lint/routing.scxml")).unwrap();
    let mut child = Command::new(binary())
        .args(["lint", "--ors-version", "8.1.3", "-"])
        .current_dir(crate::support::workspace())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("<stdin>:3:61: error: `interaction.added` has no attribute `partyid`")
    );
    assert!(
        stdout.ends_with("1 file: 3 errors, 1 warning\n"),
        "{stdout}"
    );
    let twice = ors_events(&["lint", "-", "-"]);
    assert_eq!(twice.status.code(), Some(2));
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let file = "tests/lint/versions.scxml";
    let out = ors_events(&["lint", "--ors-version", "8.1.3", file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).ends_with("1 file: 3 warnings\n"));
    let denied = ors_events(&["lint", "--ors-version", "8.1.3", "--deny", "warnings", file]);
    assert_eq!(denied.status.code(), Some(1));
    assert_eq!(denied.stdout, out.stdout);
    let bad = ors_events(&["lint", "--deny", "everything", file]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_project_settings_file() {
    let dir = project_copy("lint-config");
    let src = dir.path().join("src-gen");
    let inbound = src.join("Inbound.scxml");
    // Mistakes and project conventions the settings speak for.
    edit(
        &inbound,
        "event=\"Entry1.done\"",
        "event=\"Entry1.done chats.bot.reply\"",
    );
    edit(
        &inbound,
        "(!_event.data.resultof || _event.data.resultof == 'deletion')",
        "_event.data.resultof == 'deletion'",
    );
    edit(&inbound, "' is ' + d.partystate", "' is ' + d.focusdevice");
    let lint = |args: &[&str]| {
        let out = ors_events_in(dir.path(), &[&["lint", "--format", "json"], args].concat());
        let codes: Vec<String> = text(&out.stdout)
            .lines()
            .map(|line| {
                serde_json::from_str::<Value>(line).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        (out.status.code(), codes, text(&out.stderr))
    };
    assert_eq!(
        lint(&["src-gen"]).1,
        ["unknown-family", "unknown-attribute"]
    );
    std::fs::write(
        dir.path().join("ors-lint.toml"),
        "# Inbound routing\n\
         ors-version = \"8.1.4\"\n\
         families = [\"chats\"]\n\
         events = [\"interaction.escalated\"]\n\
         \n\
         [[allow]]\n\
         code = \"unknown-attribute\"\n\
         paths = [\"src-gen/Inbound.scxml\"]\n\
         reason = \"focusdevice is set by our T-Server\"\n",
    )
    .unwrap();
    // From the project root, from a subdirectory, and for a file given alone.
    for (cwd, path) in [
        (dir.path().to_path_buf(), "src-gen"),
        (src.clone(), "."),
        (src.clone(), "Inbound.scxml"),
    ] {
        let out = ors_events_in(&cwd, &["lint", "--format", "json", path]);
        let codes: Vec<String> = text(&out.stdout)
            .lines()
            .map(|line| {
                serde_json::from_str::<Value>(line).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(codes, ["not-in-version"], "{path}");
        assert_eq!(out.status.code(), Some(0));
    }
    // --ors-version wins over the file's.
    assert_eq!(
        lint(&["--ors-version", "8.1.400.20", "src-gen"]).1,
        Vec::<String>::new()
    );
    assert_eq!(lint(&["--deny", "warnings", "src-gen"]).0, Some(1));
    // A wrong settings file is a usage error, with its name.
    std::fs::write(
        dir.path().join("ors-lint.toml"),
        "ors-version = \"8.1.x\"\n",
    )
    .unwrap();
    let (status, _, stderr) = lint(&["src-gen"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("ors-lint.toml: ors-version:"), "{stderr}");
    std::fs::write(
        dir.path().join("ors-lint.toml"),
        "[[allow]]\ncode = \"no-such-code\"\n",
    )
    .unwrap();
    assert!(lint(&["src-gen"])
        .2
        .contains("no rule has the code `no-such-code`"));
    std::fs::write(dir.path().join("ors-lint.toml"), "target = \"8.1.4\"\n").unwrap();
    assert!(lint(&["src-gen"]).2.contains("unknown field `target`"));
}

#[test]
fn walks_skip_hidden_directories_and_report_unreadable_ones() {
    let dir = project_copy("lint-walk");
    std::fs::create_dir_all(dir.path().join(".metadata")).unwrap();
    std::fs::write(
        dir.path().join(".metadata/Broken.scxml"),
        "<scxml><transition event=\"voice.hld\"/></scxml>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("src-gen/notes.xml"),
        "<notes>interaction.addde</notes>",
    )
    .unwrap();
    let out = ors_events_in(dir.path(), &["lint", "."]);
    assert_eq!(text(&out.stdout), "5 files: no findings\n");
    assert_eq!(out.status.code(), Some(0));
}
