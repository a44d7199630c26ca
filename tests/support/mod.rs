//! Helpers shared by the integration tests: scratch directories and spec copies to break.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The workspace root: the nearest directory at or above the test's package with
/// `spec/catalogue.yaml` (the root crate's tests run there, the CLI's in `cli/`).
pub fn workspace() -> PathBuf {
    let package = Path::new(env!("CARGO_MANIFEST_DIR"));
    package
        .ancestors()
        .find(|dir| dir.join("spec").join("catalogue.yaml").is_file())
        .unwrap_or(package)
        .to_path_buf()
}

/// A scratch directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new, empty directory under the system's temp dir.
    pub fn new(label: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "ors-events-test-{label}-{}-{n}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)
            .unwrap_or_else(|err| panic!("cannot create {}: {err}", dir.display()));
        TempDir(dir)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Copies every file of `from` into `to` (not recursive), creating `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|err| panic!("cannot create {}: {err}", to.display()));
    for entry in
        fs::read_dir(from).unwrap_or_else(|err| panic!("cannot list {}: {err}", from.display()))
    {
        let path = entry.expect("directory entry").path();
        if path.is_file() {
            let target = to.join(path.file_name().expect("file name"));
            fs::copy(&path, &target)
                .unwrap_or_else(|err| panic!("cannot copy {}: {err}", path.display()));
        }
    }
}

/// Copies the tree below `from` into `to`, leaving out the names in `skip`.
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    fs::create_dir_all(to).unwrap_or_else(|err| panic!("cannot create {}: {err}", to.display()));
    for entry in
        fs::read_dir(from).unwrap_or_else(|err| panic!("cannot list {}: {err}", from.display()))
    {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().expect("file name");
        if skip.iter().any(|skipped| name == *skipped) {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name), skip);
        } else {
            fs::copy(&path, to.join(name))
                .unwrap_or_else(|err| panic!("cannot copy {}: {err}", path.display()));
        }
    }
}

/// A copy of the real spec in `dir/spec`, to be edited by a test.
pub fn copy_spec(dir: &Path) -> PathBuf {
    let spec = dir.join("spec");
    copy_dir(&workspace().join("spec"), &spec);
    spec
}

/// A spec copy with two problems in two files: a misspelt type and a duplicate event.
pub fn broken_spec(dir: &Path) -> PathBuf {
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

/// Replaces the one occurrence of `from` in `file` with `to`.
pub fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", file.display()));
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in {}",
        file.display()
    );
    fs::write(file, text.replacen(from, to, 1)).expect("write the edited file");
}

/// The 1-based line and column where `needle` starts in `file`'s text (its only occurrence).
pub fn position_of(file: &Path, needle: &str) -> (usize, usize) {
    let text = fs::read_to_string(file)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", file.display()));
    assert_eq!(
        text.matches(needle).count(),
        1,
        "`{needle}` must occur once in {}",
        file.display()
    );
    let at = text.find(needle).expect("found above");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// The catalogue of the real spec.
pub fn catalogue() -> ors_events_codegen::Catalogue {
    ors_events_codegen::compile(&workspace().join("spec"))
        .unwrap_or_else(|problems| panic!("{problems}"))
}

/// A valid sample value of type `ty`; object types get an extra member the catalogue does not
/// describe, which must survive decoding.
pub fn sample_value(
    catalogue: &ors_events_codegen::Catalogue,
    ty: &ors_events_codegen::ir::Type,
    seed: usize,
) -> serde_json::Value {
    use ors_events_codegen::ir::{Type, WireValue};
    use serde_json::json;
    match ty {
        Type::String => json!(format!("s-{seed}")),
        Type::Integer => json!(seed),
        Type::Boolean => json!(seed.is_multiple_of(2)),
        Type::AnyObject => json!({ "vendor": { "code": seed, "text": "t" } }),
        Type::Array(item) => json!([
            sample_value(catalogue, item, seed),
            sample_value(catalogue, item, seed + 1)
        ]),
        Type::Enum(id) => {
            let item = &catalogue[*id];
            match &item.values[seed % item.values.len()].wire {
                WireValue::Int(code) => json!(code),
                WireValue::Str(text) => json!(text),
            }
        }
        Type::Object(id) => {
            let object = &catalogue[*id];
            let mut members = serde_json::Map::new();
            for (i, member) in object.members.iter().enumerate() {
                members.insert(
                    member.name.clone(),
                    sample_value(catalogue, &member.ty, seed + i),
                );
            }
            if object.open {
                members.insert("x-extension".into(), json!({ "kept": [1, 2] }));
            }
            serde_json::Value::Object(members)
        }
    }
}

/// A valid `data` object of `event`: every attribute when `all`, else only the required ones.
pub fn sample_data(
    catalogue: &ors_events_codegen::Catalogue,
    event: &ors_events_codegen::ir::Event,
    all: bool,
) -> serde_json::Value {
    let mut data = serde_json::Map::new();
    for (i, attribute) in event.attributes.iter().enumerate() {
        if all || attribute.required {
            data.insert(
                attribute.name.clone(),
                sample_value(catalogue, &attribute.ty, i + 3),
            );
        }
    }
    serde_json::Value::Object(data)
}

/// The `ors-events` binary of this build; only the tests of the `ors-events-cli` package have it
/// (the root crate's tests compile this module too, so `env!` cannot be used).
#[allow(clippy::option_env_unwrap)]
pub fn binary() -> &'static str {
    option_env!("CARGO_BIN_EXE_ors-events")
        .expect("only the tests of the ors-events-cli package (cli/) run the binary")
}

/// Runs `ors-events` in the workspace.
pub fn ors_events(args: &[&str]) -> std::process::Output {
    std::process::Command::new(binary())
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run ors-events")
}

/// Process output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
