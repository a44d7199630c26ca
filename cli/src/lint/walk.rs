//! What `ors-events lint PATH...` lints: files as given, `-` for standard input, and the
//! SCXML documents of directory trees.
//!
//! A directory is walked in name order (so the output is the same on every machine): every
//! `*.scxml` file, and every `*.xml` file whose root element is `<scxml>`. Hidden entries
//! (`.git`, `.metadata`) and symbolic links to directories are skipped; a directory that
//! cannot be listed is reported and the walk goes on.

use std::io;
use std::path::{Path, PathBuf};

/// One thing to lint.
#[derive(Debug)]
pub enum Input {
    /// A file, and its bytes when the walk already read them.
    File(PathBuf, Option<Vec<u8>>),
    /// Standard input.
    Stdin,
    /// A file or directory that could not be read.
    Unreadable(PathBuf, io::Error),
}

/// Everything `paths` name, in order.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.push(Input::File(path.clone(), None));
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Input::Unreadable(dir.to_path_buf(), error));
            return;
        }
    };
    let mut entries = entries_of(dir, entries, inputs);
    entries.sort_by(|(a, _), (b, _)| a.file_name().cmp(&b.file_name()));
    for (path, kind) in entries {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if kind.is_dir() {
            walk(&path, inputs);
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            file(path, inputs);
        }
    }
}

/// The entries of a directory listing; an entry that cannot be read is reported.
fn entries_of(
    dir: &Path,
    entries: std::fs::ReadDir,
    inputs: &mut Vec<Input>,
) -> Vec<(PathBuf, std::fs::FileType)> {
    let mut found = Vec::new();
    for entry in entries {
        match entry.and_then(|entry| Ok((entry.path(), entry.file_type()?))) {
            Ok(entry) => found.push(entry),
            Err(error) => inputs.push(Input::Unreadable(dir.to_path_buf(), error)),
        }
    }
    found
}

/// A file found by the walk: a `.scxml`, or a `.xml` whose root is `<scxml>`.
fn file(path: PathBuf, inputs: &mut Vec<Input>) {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("scxml") => inputs.push(Input::File(path, None)),
        Some("xml") => match std::fs::read(&path) {
            Ok(bytes) if ors_events::lint::is_scxml_document(&bytes) => {
                inputs.push(Input::File(path, Some(bytes)));
            }
            Ok(_) => {}
            Err(error) => inputs.push(Input::Unreadable(path, error)),
        },
        _ => {}
    }
}
