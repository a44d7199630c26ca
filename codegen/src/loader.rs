//! Reading spec files: the only module that knows the spec is YAML.
//!
//! Parsing uses `serde_yaml`, which reports syntax and shape errors with their position. Later
//! stages point at nodes by [`NodePath`]; each file `serde_yaml` accepted is also read once by an
//! event parser into a [`SourceMap`] of every node's position, so [`locate`] is a lookup.

use std::fs;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::spec::{FileContent, Spec, SpecFile};

mod source_map;

pub use source_map::{NodeSpan, SourceMap, MAX_MAP_DEPTH};

/// Spec files larger than this are rejected before parsing: the real catalogue is ~60 KB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One step into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// The value under this key of a mapping.
    Key(&'static str),
    /// The element at this index of a sequence.
    Index(usize),
}

/// Where a node sits in a spec file: the file's index in [`Spec::files`] and the steps to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodePath {
    /// Index of the file in [`Spec::files`].
    pub file: usize,
    /// Steps from the document root.
    pub steps: Vec<Step>,
}

impl NodePath {
    /// The root of file `file`.
    pub fn root(file: usize) -> Self {
        NodePath {
            file,
            steps: Vec::new(),
        }
    }

    /// This path, one key further.
    pub fn key(&self, key: &'static str) -> Self {
        let mut steps = self.steps.clone();
        steps.push(Step::Key(key));
        NodePath {
            file: self.file,
            steps,
        }
    }

    /// This path, one index further.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.steps.clone();
        steps.push(Step::Index(index));
        NodePath {
            file: self.file,
            steps,
        }
    }
}

/// Reads every `*.yaml` file of `dir`, in name order, and parses each. All files are read even
/// when some fail, so every syntax and shape problem is reported at once.
pub fn load(dir: &Path) -> Result<Spec, Diagnostics> {
    let display_dir = display_dir(dir);
    let io_error = |what: String, err: std::io::Error| {
        Diagnostics::from(vec![Diagnostic::new(
            "io-error",
            format!("{what}: {err}"),
            Location {
                file: display_dir.clone(),
                line: 1,
                column: 1,
            },
        )])
    };
    let entries = fs::read_dir(dir).map_err(|err| {
        io_error(
            format!("cannot read the spec directory {}", dir.display()),
            err,
        )
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| io_error("cannot list the spec directory".into(), err))?;
        let path = entry.path();
        if path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml")
        {
            paths.push(path);
        }
    }
    paths.sort();

    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let display_path = format!("{display_dir}/{name}");
        match read_file(&path, &display_path) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(*problem),
        }
    }
    finish(dir, &display_dir, files, problems)
}

/// Parses spec files given as `(file name, bytes)` pairs, as [`load`] parses the files of a
/// directory shown as `display_dir` (`spec`, so diagnostics name `spec/voice.yaml`): files in
/// name order, only `*.yaml` and `*.yml` names, the same size limit and the same diagnostics.
/// For specs that are not in a directory, such as `spec/` at a git revision.
pub fn load_texts(display_dir: &str, files: Vec<(String, Vec<u8>)>) -> Result<Spec, Diagnostics> {
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(name, _)| {
            Path::new(name)
                .extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        let display_path = format!("{display_dir}/{name}");
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let file = if size > MAX_FILE_BYTES {
            Err(too_large(&display_path, size))
        } else {
            file_from_bytes(bytes, &display_path)
        };
        match file {
            Ok(file) => loaded.push(file),
            Err(problem) => problems.push(*problem),
        }
    }
    finish(Path::new(display_dir), display_dir, loaded, problems)
}

/// The spec of `dir`, or every problem; no files at all is a problem too.
fn finish(
    dir: &Path,
    display_dir: &str,
    files: Vec<SpecFile>,
    mut problems: Vec<Diagnostic>,
) -> Result<Spec, Diagnostics> {
    if files.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::new(
                "no-spec-files",
                format!("no *.yaml files in {}", dir.display()),
                Location {
                    file: display_dir.to_owned(),
                    line: 1,
                    column: 1,
                },
            )
            .with_help("point at the spec directory, e.g. `ors-events check spec`"),
        );
    }
    if problems.is_empty() {
        Ok(Spec {
            dir: dir.to_path_buf(),
            files,
        })
    } else {
        Err(Diagnostics::from(problems))
    }
}

/// `spec` for `/anything/spec`: diagnostics name files as `spec/voice.yaml`.
fn display_dir(dir: &Path) -> String {
    dir.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

fn read_file(path: &Path, display_path: &str) -> Result<SpecFile, Box<Diagnostic>> {
    let at_start = || Location {
        file: display_path.to_owned(),
        line: 1,
        column: 1,
    };
    let problem = |code, message: String, help: &str| {
        Box::new(Diagnostic::new(code, message, at_start()).with_help(help))
    };
    let size = fs::metadata(path)
        .map_err(|err| {
            problem(
                "io-error",
                format!("cannot read {display_path}: {err}"),
                "check the file's permissions",
            )
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(display_path, size));
    }
    let bytes = fs::read(path).map_err(|err| {
        problem(
            "io-error",
            format!("cannot read {display_path}: {err}"),
            "check the file's permissions",
        )
    })?;
    file_from_bytes(bytes, display_path)
}

fn too_large(display_path: &str, size: u64) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(
            "file-too-large",
            format!("{display_path} is {size} bytes, more than the {MAX_FILE_BYTES} a spec file may have"),
            Location {
                file: display_path.to_owned(),
                line: 1,
                column: 1,
            },
        )
        .with_help("split the catalogue into several files"),
    )
}

/// The 1-based line and column just past the end of `text`, with lines broken where YAML breaks
/// them (`\r\n`, `\r`, `\n`, U+0085, U+2028, U+2029), as every other position in a spec file is
/// counted.
fn yaml_end(text: &str) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_break = match c {
            '\r' => chars.peek() != Some(&'\n'),
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        };
        if line_break {
            (line, column) = (line + 1, 1);
        } else if c != '\r' {
            column += 1;
        }
    }
    (line, column)
}

/// The spec file `display_path` from its bytes: UTF-8, then YAML.
fn file_from_bytes(bytes: Vec<u8>, display_path: &str) -> Result<SpecFile, Box<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let (line, column) = yaml_end(&String::from_utf8_lossy(valid));
        Box::new(
            Diagnostic::new(
                "not-utf8",
                format!("{display_path} is not valid UTF-8"),
                Location {
                    file: display_path.to_owned(),
                    line,
                    column,
                },
            )
            .with_help("save the file as UTF-8"),
        )
    })?;
    let content = parse(&text, display_path)?;
    // Only for text serde_yaml accepted: its limits (depth, aliases) already held.
    let source_map = SourceMap::build(&text);
    Ok(SpecFile {
        display_path: display_path.to_owned(),
        text,
        content,
        source_map,
    })
}

fn parse(text: &str, display_path: &str) -> Result<FileContent, Box<Diagnostic>> {
    let has_content = text.lines().any(|line| {
        !line.trim().is_empty() && !line.trim_start().starts_with('#') && line.trim() != "---"
    });
    if !has_content {
        return Err(Box::new(
            Diagnostic::new(
                "empty-file",
                format!("{display_path} holds no YAML document"),
                Location {
                    file: display_path.to_owned(),
                    line: 1,
                    column: 1,
                },
            )
            .with_help("remove the file, or give it content (spec/README.md shows the format)"),
        ));
    }
    serde_yaml::from_str::<FileContent>(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((1, 1), |location| (location.line(), location.column()));
        let message = err.to_string();
        // serde_yaml appends " at line L column C"; the location is shown separately.
        let message = match message.find(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        let (code, help) = classify(&message);
        // libyaml places an unexpected end of a file without a final line break on the line
        // after the last one: the end of the file is where it is.
        let (line, column) = (line, column).min(yaml_end(text));
        let (line, column) = if code == "duplicate-key" {
            second_key(text, line, column, &message).unwrap_or((line, column))
        } else {
            (line, column)
        };
        let mut diagnostic = Diagnostic::new(
            code,
            message,
            Location {
                file: display_path.to_owned(),
                line,
                column,
            },
        )
        .with_help(help);
        diagnostic.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        Box::new(diagnostic)
    })
}

/// serde reports a duplicate key at the start of its mapping; in block style, find the second
/// occurrence of the key at the mapping's indentation instead.
fn second_key(text: &str, line: usize, column: usize, message: &str) -> Option<(usize, usize)> {
    let key = message.split('`').nth(1)?;
    let indent = column.checked_sub(1)?;
    let mut seen = 0;
    for (number, row) in text.lines().enumerate().skip(line.checked_sub(1)?) {
        let content = row.get(indent..)?;
        let leading = row.get(..indent)?;
        if number + 1 > line && !leading.trim().is_empty() && !leading.trim_start().starts_with('-')
        {
            break; // the mapping ended
        }
        if content
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            seen += 1;
            if seen == 2 {
                return Some((number + 1, column));
            }
        }
    }
    None
}

fn classify(message: &str) -> (&'static str, &'static str) {
    // serde_yaml puts the path of the node first: `actions[0]: unknown field ...`.
    let message = match message.split_once(": ") {
        Some((path, rest))
            if path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_[].".contains(c)) =>
        {
            rest
        }
        _ => message,
    };
    if message.starts_with("unknown field") {
        (
            "unknown-key",
            "spec/README.md lists the keys each construct takes",
        )
    } else if message.starts_with("missing field") {
        (
            "missing-key",
            "add the key; spec/README.md shows the format",
        )
    } else if message.starts_with("duplicate field") || message.contains("duplicate entry") {
        ("duplicate-key", "remove one of the two entries")
    } else if message.contains("recursion limit exceeded") || message.contains("repetition limit") {
        (
            "too-deep",
            "the spec nests too deeply or expands too many aliases; write it out plainly",
        )
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        ("wrong-shape", "spec/README.md shows what each key holds")
    } else {
        (
            "yaml-syntax",
            "fix the YAML syntax (indent with spaces, never tabs)",
        )
    }
}

/// The line and column of the node at `path`, as `serde_yaml` would report them: a lookup in its
/// file's [`SourceMap`]. Falls back to the start of the file when the node is not there.
pub fn locate(spec: &Spec, path: &NodePath) -> Location {
    let Some(file) = spec.files.get(path.file) else {
        return Location {
            file: String::new(),
            line: 1,
            column: 1,
        };
    };
    let (line, column) = file
        .source_map
        .node(&path.steps)
        .map_or((1, 1), |span| (span.line, span.column));
    Location {
        file: file.display_path.clone(),
        line,
        column,
    }
}

/// Where the node at `path` is, with its byte offsets in its file's text, when it is mapped.
pub fn span(spec: &Spec, path: &NodePath) -> Option<NodeSpan> {
    spec.files.get(path.file)?.source_map.node(&path.steps)
}

/// A diagnostic at the node `path`, with the node's source line for the snippet.
pub fn diagnostic_at(
    spec: &Spec,
    path: &NodePath,
    code: &'static str,
    message: impl Into<String>,
) -> Diagnostic {
    let location = locate(spec, path);
    let source_line = spec
        .files
        .get(path.file)
        .and_then(|file| file.source_map.line(&file.text, location.line))
        .map(str::to_owned);
    let mut diagnostic = Diagnostic::new(code, message, location);
    diagnostic.source_line = source_line;
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec_of(text: &str) -> Spec {
        Spec {
            dir: "spec".into(),
            files: vec![SpecFile {
                display_path: "spec/x.yaml".into(),
                text: text.into(),
                content: FileContent::default(),
                source_map: SourceMap::build(text),
            }],
        }
    }

    #[test]
    fn locates_nodes_in_block_and_flow_style() {
        let spec = spec_of(
            "# comment\nenums:\n  - name: a\n    values:\n      - { code: 1, name: X }\n      - { code: 2, name: Y }\n",
        );
        let values = NodePath::root(0).key("enums").index(0).key("values");
        let at = locate(&spec, &values.index(1).key("name"));
        assert_eq!((at.line, at.column), (6, 26));
        let at = locate(&spec, &NodePath::root(0).key("enums").index(0).key("name"));
        assert_eq!((at.line, at.column), (3, 11));
        let missing = locate(&spec, &values.index(7));
        assert_eq!((missing.line, missing.column), (1, 1));
    }

    /// A family file of `events` events, two lines each: event `i`'s name is on line `6 + 2i`,
    /// its description on line `7 + 2i`.
    fn big_family(events: usize) -> String {
        let mut text = String::from(
            "family:\n  name: big\n  title: Big\n  description: Generated.\nevents:\n",
        );
        for i in 0..events {
            text.push_str(&format!(
                "  - name: big.e{i}\n    description: Événement {i}.\n"
            ));
        }
        text
    }

    #[test]
    fn locates_nodes_at_lines_7_123_and_12345_of_a_big_file() {
        let text = big_family(7_000);
        let spec = load_texts("spec", vec![("big.yaml".into(), text.clone().into_bytes())])
            .unwrap_or_else(|problems| panic!("{problems}"));
        for line in [7, 123, 12_345] {
            let event = NodePath::root(0).key("events").index((line - 7) / 2);
            let description = event.key("description");
            let at = locate(&spec, &description);
            assert_eq!(
                (at.file.as_str(), at.line, at.column),
                ("spec/big.yaml", line, 18)
            );
            let at = locate(&spec, &event.key("name"));
            assert_eq!((at.line, at.column), (line - 1, 11));
            let at = locate(&spec, &event);
            assert_eq!((at.line, at.column), (line - 1, 5));
            let span = span(&spec, &description).unwrap_or_else(|| panic!("line {line}"));
            let i = (line - 7) / 2;
            assert_eq!(&text[span.start..span.end], format!("Événement {i}."));
            let diagnostic = diagnostic_at(&spec, &description, "test", "here");
            assert_eq!(
                diagnostic.source_line.as_deref(),
                Some(format!("    description: Événement {i}.").as_str())
            );
        }
        let past = NodePath::root(0).key("events").index(7_000);
        assert_eq!(
            (locate(&spec, &past).line, locate(&spec, &past).column),
            (1, 1)
        );
    }

    #[test]
    fn each_file_is_mapped_once_and_locating_reads_no_yaml() {
        let builds = || source_map::BUILDS.with(std::cell::Cell::get);
        let before = builds();
        let files = vec![
            ("a.yaml".to_owned(), big_family(100).into_bytes()),
            ("b.yaml".to_owned(), b"families: [big]\n".to_vec()),
            ("c.yaml".to_owned(), b"enums: []\n".to_vec()),
        ];
        let spec = load_texts("spec", files).unwrap_or_else(|problems| panic!("{problems}"));
        assert_eq!(builds() - before, 3);
        for round in 0..10_000 {
            let path = NodePath::root(0)
                .key("events")
                .index(round % 100)
                .key("name");
            let at = locate(&spec, &path);
            assert_eq!(at.line, 6 + 2 * (round % 100));
            diagnostic_at(
                &spec,
                &NodePath::root(1).key("families").index(0),
                "test",
                "x",
            );
        }
        assert_eq!(builds() - before, 3, "locating built a map");
        // A file serde_yaml refuses is not mapped at all.
        let refused = vec![("d.yaml".to_owned(), b"nope: [\n".to_vec())];
        assert!(load_texts("spec", refused).is_err());
        assert_eq!(builds() - before, 3);
    }
}
