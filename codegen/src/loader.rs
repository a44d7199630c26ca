//! Reading spec files: the only module that knows the spec is YAML.
//!
//! Parsing uses `yaml_serde`, which reports syntax and shape errors with their position. Later
//! stages point at nodes by [`NodePath`]; each file `yaml_serde` accepted is also read once by an
//! event parser into a [`SourceMap`] of every node's position, so [`locate`] is a lookup.

use std::fs;
use std::path::Path;

use crate::codes::SpecCode;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Related, Span};
use crate::lines;
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
    // Not at a place in a file: the message names the directory.
    let io_error = |what: String, err: std::io::Error| {
        Diagnostics::from(vec![Diagnostic::unlocated(
            SpecCode::IoError,
            format!("{what}: {err}"),
        )
        .with_help("check the path and its permissions")])
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
    finish(dir, files, problems)
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
    finish(Path::new(display_dir), loaded, problems)
}

/// The spec of `dir`, or every problem; no files at all is a problem too.
fn finish(
    dir: &Path,
    files: Vec<SpecFile>,
    mut problems: Vec<Diagnostic>,
) -> Result<Spec, Diagnostics> {
    if files.is_empty() && problems.is_empty() {
        // About the directory, not a place in a file.
        problems.push(
            Diagnostic::unlocated(
                SpecCode::NoSpecFiles,
                format!("no *.yaml files in {}", dir.display()),
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
    // Not at a place in the file, which could not be read: the message names it.
    let io_error = |err: std::io::Error| {
        Box::new(
            Diagnostic::unlocated(
                SpecCode::IoError,
                format!("cannot read {display_path}: {err}"),
            )
            .with_help("check the file's permissions"),
        )
    };
    let size = fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(display_path, size));
    }
    let bytes = fs::read(path).map_err(io_error)?;
    file_from_bytes(bytes, display_path)
}

fn too_large(display_path: &str, size: u64) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(
            SpecCode::FileTooLarge,
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

/// The spec file `display_path` from its bytes: UTF-8, then YAML.
fn file_from_bytes(bytes: Vec<u8>, display_path: &str) -> Result<SpecFile, Box<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid_up_to = err.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(err.as_bytes());
        // The valid prefix is the same in the lossy text, so the offset holds there too.
        let (line, column) = lines::end_position(&lossy[..valid_up_to]);
        // The replacement character that stands for the bad byte.
        let bad_end = valid_up_to
            + lossy[valid_up_to..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        Box::new(
            Diagnostic::new(
                SpecCode::NotUtf8,
                format!("{display_path} is not valid UTF-8"),
                Location {
                    file: display_path.to_owned(),
                    line,
                    column,
                },
            )
            .with_span(Span::in_text(&lossy, valid_up_to, bad_end))
            .with_help("save the file as UTF-8"),
        )
    })?;
    let content = parse(&text, display_path)?;
    // Only for text yaml_serde accepted: its limits (depth, aliases) already held.
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
                SpecCode::EmptyFile,
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
    yaml_serde::from_str::<FileContent>(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((1, 1), |location| (location.line(), location.column()));
        let message = err.to_string();
        // yaml_serde appends " at line L column C"; the location is shown separately.
        let message = match message.find(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        let (code, help) = classify(&message);
        // libyaml places an unexpected end of a file without a final line break on the line
        // after the last one: the end of the file is where it is.
        let (line, column) = (line, column).min(lines::end_position(text));
        let (line, column) = if code == SpecCode::DuplicateKey {
            second_key(text, line, column, &message).unwrap_or((line, column))
        } else {
            (line, column)
        };
        // The key an unknown or duplicate key message names is what the span covers.
        let token = match code {
            SpecCode::UnknownKey | SpecCode::DuplicateKey => message.split('`').nth(1),
            _ => None,
        };
        let span = Span::at(text, line, column, token);
        Box::new(
            Diagnostic::new(
                code,
                message,
                Location {
                    file: display_path.to_owned(),
                    line,
                    column,
                },
            )
            .with_span(span)
            .with_help(help),
        )
    })
}

/// serde reports a duplicate key at the start of its mapping; in block style, find the second
/// occurrence of the key at the mapping's indentation instead.
fn second_key(text: &str, line: usize, column: usize, message: &str) -> Option<(usize, usize)> {
    let key = message.split('`').nth(1)?;
    let indent = column.checked_sub(1)?;
    let mut seen = 0;
    for (number, row) in lines::lines(text).enumerate().skip(line.checked_sub(1)?) {
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

fn classify(message: &str) -> (SpecCode, &'static str) {
    // yaml_serde puts the path of the node first: `actions[0]: unknown field ...`.
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
            SpecCode::UnknownKey,
            "spec/README.md lists the keys each construct takes",
        )
    } else if message.starts_with("missing field") {
        (
            SpecCode::MissingKey,
            "add the key; spec/README.md shows the format",
        )
    } else if message.starts_with("duplicate field") || message.contains("duplicate entry") {
        (SpecCode::DuplicateKey, "remove one of the two entries")
    } else if message.contains("recursion limit exceeded") || message.contains("repetition limit") {
        (
            SpecCode::TooDeep,
            "the spec nests too deeply or expands too many aliases; write it out plainly",
        )
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        (
            SpecCode::WrongShape,
            "spec/README.md shows what each key holds",
        )
    } else {
        (
            SpecCode::YamlSyntax,
            "fix the YAML syntax (indent with spaces, never tabs)",
        )
    }
}

/// The line and column of the node at `path`, as `yaml_serde` would report them: a lookup in its
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

/// The span of the node at `path`, with its line, when it is mapped.
fn node_span(spec: &Spec, path: &NodePath) -> Option<Span> {
    let file = spec.files.get(path.file)?;
    let node = file.source_map.node(&path.steps)?;
    Some(Span::in_text(&file.text, node.start, node.end))
}

/// A diagnostic at the node `path`, with the node's bytes and line for the snippet.
pub fn diagnostic_at(
    spec: &Spec,
    path: &NodePath,
    code: SpecCode,
    message: impl Into<String>,
) -> Diagnostic {
    let diagnostic = Diagnostic::new(code, message, locate(spec, path));
    match node_span(spec, path) {
        Some(span) => diagnostic.with_span(span),
        None => diagnostic,
    }
}

/// The node `path` as a place related to a diagnostic, labelled `label` (`first defined here`).
pub fn related_at(spec: &Spec, path: &NodePath, label: impl Into<String>) -> Related {
    Related {
        label: label.into(),
        location: locate(spec, path),
        span: node_span(spec, path),
    }
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
            let diagnostic = diagnostic_at(&spec, &description, SpecCode::EmptyText, "here");
            let shown = diagnostic.span.unwrap_or_else(|| panic!("line {line}"));
            assert_eq!(shown.line_text, format!("    description: Événement {i}."));
            assert_eq!((shown.start, shown.end), (span.start, span.end));
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
                SpecCode::EmptyText,
                "x",
            );
        }
        assert_eq!(builds() - before, 3, "locating built a map");
        // A file yaml_serde refuses is not mapped at all.
        let refused = vec![("d.yaml".to_owned(), b"nope: [\n".to_vec())];
        assert!(load_texts("spec", refused).is_err());
        assert_eq!(builds() - before, 3);
    }
}
