//! The `ors-events docs` command: it writes the docs directory and replaces only its own.

use std::fs;
use std::process::Command;

use super::support::{workspace, TempDir};

fn docs(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ors-events"))
        .arg("docs")
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run ors-events docs")
}

#[test]
fn docs_writes_the_docs_directory_and_refuses_a_foreign_one() {
    let dir = TempDir::new("docs-cli");
    let out = dir.path().join("docs");
    let output = docs(&["--out", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for file in ["README.md", "events.md", "index.html"] {
        let written = fs::read_to_string(out.join(file)).unwrap();
        let committed = fs::read_to_string(workspace().join("generated/docs").join(file)).unwrap();
        assert!(
            written == committed,
            "{file} differs from generated/docs/{file}"
        );
    }
    // Again, over its own output: replaced.
    let output = docs(&["--out", out.to_str().unwrap()]);
    assert!(output.status.success());

    // A directory it did not write is left alone.
    let foreign = dir.path().join("mine");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let output = docs(&["--out", foreign.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("refusing to replace it"));
    assert_eq!(
        fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert!(!foreign.join("events.md").exists());
}
