//! `ors-events lint`: check SCXML applications against the catalogue.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ors_events::lint::{self, Catalogue, FileReport, Finding, Options, Severity};
use ors_events::validate::dynamic::DynCatalogue;

use super::{compile_for_use, Failure};

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

/// The catalogue to lint against: the one of the spec in `spec`, or the compiled-in one.
pub fn catalogue(spec: Option<&Path>) -> Result<Cow<'static, Catalogue>, Failure> {
    match spec {
        Some(dir) => {
            let read = DynCatalogue::from_ir(&compile_for_use(dir)?);
            Ok(Cow::Owned(Catalogue::from(&read)))
        }
        None => Ok(Cow::Borrowed(Catalogue::builtin())),
    }
}

/// Lints every file against `catalogue` (an unreadable one is reported and the others still
/// linted) and reports in `format`. Exit status: 0 clean, 1 findings, 2 any unreadable file.
pub fn run(
    catalogue: &Catalogue,
    files: &[PathBuf],
    options: &Options,
    format: Format,
) -> Result<(), Failure> {
    let mut reports = Vec::with_capacity(files.len());
    let mut unreadable = 0usize;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = Ok(());
    for file in files {
        let findings = match std::fs::read(file) {
            Ok(bytes) => catalogue.lint_bytes(&bytes, options),
            Err(error) => {
                unreadable += 1;
                vec![Finding::unreadable(&error)]
            }
        };
        let report = FileReport {
            path: file.display().to_string(),
            findings,
        };
        if written.is_ok() {
            written = write_findings(&mut out, &report, format);
        }
        reports.push(report);
    }
    if written.is_ok() && format == Format::Sarif {
        written = writeln!(out, "{:#}", lint::sarif(&reports));
    }
    let summary = summary(&reports);
    if written.is_ok() && format == Format::Text {
        written = writeln!(out, "{summary}");
    }
    let written = written.and_then(|()| out.flush());
    if format != Format::Text {
        eprintln!("{summary}");
    }
    let findings = reports.iter().any(|report| !report.findings.is_empty());
    let status = if unreadable > 0 {
        2
    } else if findings {
        1
    } else {
        0
    };
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::usage(format!("cannot write the report: {error}")))
        }
        _ if status == 0 => Ok(()),
        _ => Err(Failure {
            status,
            message: String::new(),
        }),
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
