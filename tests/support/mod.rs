//! Helpers shared by the integration tests: scratch directories and spec copies to break.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// A copy of the real spec in `dir/spec`, to be edited by a test.
pub fn copy_spec(dir: &Path) -> PathBuf {
    let spec = dir.join("spec");
    copy_dir(&workspace().join("spec"), &spec);
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
