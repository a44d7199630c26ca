//! `ors-events validate`: stream JSON Lines through the validator and report every violation.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;
use std::time::{Duration, Instant};

use ors_events::validate::{
    validate_stream, Checks, Options, Report, Severity, StreamOptions, DEFAULT_MAX_LINE_BYTES,
};

use super::{Failure, Format};

/// Validates `file` (`-` for standard input) against `catalogue` and reports in `format`.
pub fn run<S: Checks + Sync>(
    catalogue: &S,
    file: &Path,
    options: &Options,
    format: Format,
    jobs: NonZeroUsize,
) -> Result<(), Failure> {
    let (name, input): (String, Box<dyn Read>) = if file.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(io::stdin().lock()))
    } else {
        let opened = File::open(file)
            .map_err(|err| Failure::usage(format!("cannot read {}: {err}", file.display())))?;
        (file.display().to_string(), Box::new(opened))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut progress = Progress::new();
    let settings = StreamOptions {
        max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        jobs,
    };
    let summary = validate_stream(catalogue, input, options, settings, |line, report| {
        progress.tick(line);
        write_report(&mut out, &name, line, report, format)
    })
    .and_then(|summary| out.flush().map(|()| summary))
    .map_err(|err| match err.kind() {
        // A closed pipe (`| head`) is the reader's choice, not an error of the input.
        io::ErrorKind::BrokenPipe => Failure {
            status: 1,
            message: String::new(),
        },
        _ => Failure::usage(format!("cannot read {name}: {err}")),
    })?;
    progress.clear();
    let plural = if summary.events == 1 { "" } else { "s" };
    let mut line = format!(
        "{} event{plural}, {} invalid",
        summary.events, summary.invalid
    );
    if summary.warned > 0 {
        line.push_str(&format!(", {} with warnings only", summary.warned));
    }
    match format {
        Format::Text => {
            let mut out = io::stdout().lock();
            let _ = writeln!(out, "{line}");
        }
        Format::Json => eprintln!("{line}"),
    }
    if summary.invalid > 0 {
        return Err(Failure {
            status: 1,
            message: String::new(),
        });
    }
    Ok(())
}

fn write_report(
    out: &mut impl Write,
    name: &str,
    line: u64,
    report: &Report,
    format: Format,
) -> io::Result<()> {
    let event = report.event.as_deref();
    for violation in &report.violations {
        match format {
            Format::Text => {
                let pointer = if violation.pointer.is_empty() {
                    "(root)"
                } else {
                    &violation.pointer
                };
                let severity = match violation.severity {
                    Severity::Error => "",
                    Severity::Warning => "warning: ",
                };
                writeln!(
                    out,
                    "{name}:{line}: {pointer}: {severity}{} [{}]",
                    violation.message, violation.code
                )?;
            }
            Format::Json => {
                serde_json::to_writer(
                    &mut *out,
                    &Record {
                        code: violation.code,
                        event,
                        line,
                        message: &violation.message,
                        pointer: &violation.pointer,
                        severity: violation.severity.as_str(),
                    },
                )?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// One violation as `--format json` writes it (members in alphabetical order).
#[derive(serde::Serialize)]
struct Record<'a> {
    code: &'a str,
    event: Option<&'a str>,
    line: u64,
    message: &'a str,
    pointer: &'a str,
    severity: &'a str,
}

/// A line count on standard error, refreshed once a second, when standard error is a terminal.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            started: now,
            last: now,
            shown: false,
        }
    }

    fn tick(&mut self, line: u64) {
        if !self.enabled || line % 4096 != 0 || self.last.elapsed() < Duration::from_secs(1) {
            return;
        }
        self.last = Instant::now();
        self.shown = true;
        let seconds = self.started.elapsed().as_secs_f64().max(0.001);
        eprint!(
            "\r{line} lines ({:.0} lines/s)\x1b[K",
            line as f64 / seconds
        );
    }

    fn clear(&self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}
