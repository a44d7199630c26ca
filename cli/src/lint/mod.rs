//! `ors-events lint`: check SCXML applications against the catalogue.

mod config;
mod walk;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use ors_events::lint::{self, Catalogue, FileReport, Finding, Options, Severity};
use ors_events::validate::dynamic::DynCatalogue;
use ors_events::OrsVersion;

use crate::catalogue::compile_for_use;
use crate::ui::{Deny, Failure, Ui};
use config::Config;
use walk::Input;

/// How `lint` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: `FILE:LINE:COL: severity: message [code]`, then a summary.
    Text,
    /// For tools: one JSON object per finding per line.
    Json,
    /// SARIF 2.1.0, for editors and code review.
    Sarif,
}

/// What the command line asks of `lint`.
pub struct Request<'a> {
    /// The files, directories and `-` to lint.
    pub paths: &'a [PathBuf],
    /// `--ors-version`, which wins over a project's `ors-lint.toml`.
    pub ors_version: Option<OrsVersion>,
    /// How to report.
    pub format: Format,
    /// `--deny`.
    pub deny: Option<Deny>,
}

/// The catalogue to lint against: the one of the spec in `spec`, or the compiled-in one.
pub fn catalogue(spec: Option<&Path>, ui: &Ui) -> Result<Cow<'static, Catalogue>, Failure> {
    match spec {
        Some(dir) => {
            let read = DynCatalogue::from_ir(&compile_for_use(dir, ui)?);
            Ok(Cow::Owned(Catalogue::from(&read)))
        }
        None => Ok(Cow::Borrowed(Catalogue::builtin())),
    }
}

/// The name standard input has in reports.
const STDIN: &str = "<stdin>";

/// Lints everything `request` names against `catalogue` (an unreadable file is reported and
/// the others still linted), each file with the settings of its project's `ors-lint.toml`,
/// and reports in the requested format. Exit status: 0 without errors (and without warnings
/// with `--deny warnings`), 1 with them, 2 when a file cannot be read or a settings file is
/// wrong.
pub fn run(catalogue: &Catalogue, request: &Request<'_>, ui: &Ui) -> Result<(), Failure> {
    if request
        .paths
        .iter()
        .filter(|path| path.as_os_str() == "-")
        .count()
        > 1
    {
        return Err(Failure::usage(
            "`-` (standard input) can be given only once",
        ));
    }
    let mut configs = Configs::default();
    let mut reports = Vec::new();
    let mut unreadable = 0usize;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = Ok(());
    for input in walk::inputs(request.paths) {
        let (path, file, bytes) = match input {
            Input::File(path, Some(bytes)) => (path.display().to_string(), Some(path), Ok(bytes)),
            Input::File(path, None) => {
                let bytes = std::fs::read(&path);
                (path.display().to_string(), Some(path), bytes)
            }
            Input::Stdin => {
                let mut bytes = Vec::new();
                let read = io::stdin().read_to_end(&mut bytes).map(|_| bytes);
                (STDIN.to_owned(), None, read)
            }
            Input::Unreadable(path, error) => (path.display().to_string(), Some(path), Err(error)),
        };
        let findings = match bytes {
            Ok(bytes) => {
                let config = configs.of(file.as_deref())?;
                let options = match config {
                    Some(config) => config.options(request.ors_version),
                    None => Options {
                        ors_version: request.ors_version,
                        ..Options::default()
                    },
                };
                let findings = catalogue.lint_bytes(&bytes, &options);
                match config {
                    Some(config) => config.filter(file.as_deref(), findings),
                    None => findings,
                }
            }
            Err(error) => {
                unreadable += 1;
                vec![Finding::unreadable(&error)]
            }
        };
        let report = FileReport { path, findings };
        if written.is_ok() {
            written = write_findings(&mut out, &report, request.format);
        }
        reports.push(report);
    }
    if written.is_ok() && request.format == Format::Sarif {
        written = writeln!(out, "{:#}", lint::sarif(&reports));
    }
    let summary = summary(&reports);
    if written.is_ok() && request.format == Format::Text && !ui.quiet {
        written = writeln!(out, "{summary}");
    }
    let written = written.and_then(|()| out.flush());
    if request.format != Format::Text {
        ui.summary(&summary);
    }
    let status = status(&reports, unreadable, request.deny);
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::usage(format!("cannot write the report: {error}")))
        }
        _ if status == 0 => Ok(()),
        _ => Err(Failure::silent(status)),
    }
}

/// 2 with an unreadable file, else 1 with an error (or a warning, denied), else 0.
fn status(reports: &[FileReport], unreadable: usize, deny: Option<Deny>) -> u8 {
    let fails = |finding: &Finding| {
        finding.severity == Severity::Error
            || (finding.severity == Severity::Warning && deny == Some(Deny::Warnings))
    };
    if unreadable > 0 {
        2
    } else if reports.iter().flat_map(|r| &r.findings).any(fails) {
        1
    } else {
        0
    }
}

/// The settings files found so far, by the directory they were looked for from.
#[derive(Default)]
struct Configs {
    found: HashMap<PathBuf, Option<Config>>,
}

impl Configs {
    /// The settings for `file` (`None`: standard input, looked for from the current directory).
    fn of(&mut self, file: Option<&Path>) -> Result<Option<&Config>, Failure> {
        let dir = match file.and_then(Path::parent) {
            Some(parent) if parent.as_os_str().is_empty() => PathBuf::from("."),
            Some(parent) => parent.to_path_buf(),
            None => PathBuf::from("."),
        };
        if !self.found.contains_key(&dir) {
            let config = Config::find(&dir)?;
            self.found.insert(dir.clone(), config);
        }
        Ok(self.found.get(&dir).and_then(Option::as_ref))
    }
}

fn write_findings(out: &mut impl Write, report: &FileReport, format: Format) -> io::Result<()> {
    for finding in &report.findings {
        match format {
            Format::Text => writeln!(out, "{}", lint::text_line(&report.path, finding))?,
            Format::Json => writeln!(out, "{}", lint::json_line(&report.path, finding))?,
            Format::Sarif => {}
        }
    }
    Ok(())
}

/// `2 files: 3 errors, 1 warning` or `1 file: no findings`.
fn summary(reports: &[FileReport]) -> String {
    let count = |severity: Severity| {
        reports
            .iter()
            .flat_map(|report| &report.findings)
            .filter(|finding| finding.severity == severity)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let files = plural(reports.len(), "file");
    match (errors, warnings) {
        (0, 0) => format!("{files}: no findings"),
        (errors, 0) => format!("{files}: {}", plural(errors, "error")),
        (0, warnings) => format!("{files}: {}", plural(warnings, "warning")),
        (errors, warnings) => format!(
            "{files}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}
