//! `ors-events validate`: stream JSON Lines through the validator and report every violation.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;

use ors_events::validate::{
    validate_stream, Checks, Options, Report, Severity, StreamOptions, DEFAULT_MAX_LINE_BYTES,
};

use crate::progress::{Cleared, Progress};
use crate::ui::{Deny, Failure, Ui};
use crate::Format;

/// What the command line asks of `validate`.
pub struct Request<'a> {
    /// The file to read, `-` for standard input.
    pub file: &'a Path,
    /// The target release and lenient mode.
    pub options: &'a Options,
    /// How to report.
    pub format: Format,
    /// `--deny`.
    pub deny: Option<Deny>,
    /// `--jobs`: how many threads validate; the output is the same whatever the count.
    pub jobs: NonZeroUsize,
}

/// One violation as `--format json` writes it: one object per line, members in this order.
struct Record<'a> {
    /// The file as given, `<stdin>` for standard input, already a JSON string.
    file: &'a str,
    /// The 1-based line of the event.
    line: u64,
    /// A JSON pointer into the envelope; empty for the whole of it.
    pointer: &'a str,
    /// The violation's stable code.
    code: &'static str,
    /// `error` or `warning`.
    severity: &'static str,
    /// What is wrong.
    message: &'a str,
    /// The event's name, when it is an event of the catalogue.
    event: Option<&'a str>,
}

impl Record<'_> {
    /// Writes the record and its line break into `line` (cleared first). The object is
    /// assembled here and each string escaped by serde_json: a derived `Serialize` writes the
    /// same bytes piece by piece through the writer, at about three times the instructions per
    /// record, which showed on streams with many invalid events.
    fn write(&self, line: &mut Vec<u8>) -> io::Result<()> {
        line.clear();
        line.extend_from_slice(b"{\"file\":");
        line.extend_from_slice(self.file.as_bytes());
        line.extend_from_slice(b",\"line\":");
        write!(line, "{}", self.line)?;
        for (key, value) in [
            (&b",\"pointer\":"[..], self.pointer),
            (b",\"code\":", self.code),
            (b",\"severity\":", self.severity),
            (b",\"message\":", self.message),
        ] {
            line.extend_from_slice(key);
            push_json_str(line, value)?;
        }
        line.extend_from_slice(b",\"event\":");
        match self.event {
            Some(event) => push_json_str(line, event)?,
            None => line.extend_from_slice(b"null"),
        }
        line.extend_from_slice(b"}\n");
        Ok(())
    }
}

/// Appends `text` as a JSON string. Most texts need no escape: one pass over the bytes (which
/// the compiler vectorises) tells, and they are copied between quotes; the others are escaped
/// by serde_json.
fn push_json_str(line: &mut Vec<u8>, text: &str) -> io::Result<()> {
    let escapes = text.bytes().fold(0u8, |escapes, byte| {
        escapes | u8::from(byte < 0x20) | u8::from(byte == b'"') | u8::from(byte == b'\\')
    });
    if escapes == 0 {
        line.push(b'"');
        line.extend_from_slice(text.as_bytes());
        line.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(&mut *line, text).map_err(io::Error::from)
    }
}

/// The name of the file read, as text and as a JSON string (escaped once, not per record).
struct FileName {
    text: String,
    json: String,
}

/// Validates the request's file against `catalogue` and reports in its format. Exit status 1
/// when an event is invalid, or with `--deny warnings` has warnings.
pub fn run<S: Checks + Sync>(catalogue: &S, request: &Request<'_>, ui: &Ui) -> Result<(), Failure> {
    let file = request.file;
    let (name, input): (String, Box<dyn Read + Send>) = if file.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(io::stdin()))
    } else {
        let opened = File::open(file)
            .map_err(|err| Failure::usage(format!("cannot read {}: {err}", file.display())))?;
        (file.display().to_string(), Box::new(opened))
    };
    let name = FileName {
        json: serde_json::to_string(&name).unwrap_or_default(),
        text: name,
    };
    let mut buffer = Vec::with_capacity(256);
    let stdout = io::stdout();
    // The progress line is cleared whenever the buffer goes out to standard output.
    let progress = Progress::on_stderr(ui.quiet);
    let mut out = BufWriter::with_capacity(64 * 1024, Cleared::new(stdout.lock(), progress));
    let settings = StreamOptions {
        max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        jobs: request.jobs,
    };
    let summary = validate_stream(
        catalogue,
        input,
        request.options,
        settings,
        |line, report| {
            out.get_mut().progress.tick(line);
            write_report(&mut out, &name, &mut buffer, (line, report), request.format)
        },
    )
    .and_then(|summary| out.flush().map(|()| summary))
    .map_err(|err| match err.kind() {
        // A closed pipe (`| head`) is the reader's choice, not an error of the input.
        io::ErrorKind::BrokenPipe => Failure::silent(1),
        _ => Failure::usage(format!("cannot read {}: {err}", name.text)),
    })?;
    out.get_mut().progress.clear();
    drop(out);
    let plural = if summary.events == 1 { "" } else { "s" };
    let mut line = format!(
        "{} event{plural}, {} invalid",
        summary.events, summary.invalid
    );
    if summary.warned > 0 {
        line.push_str(&format!(", {} with warnings only", summary.warned));
    }
    match request.format {
        Format::Text if !ui.quiet => {
            let mut out = io::stdout().lock();
            let _ = writeln!(out, "{line}");
        }
        Format::Text => {}
        Format::Json => ui.summary(&line),
    }
    let denied = request.deny == Some(Deny::Warnings) && summary.warned > 0;
    if summary.invalid > 0 || denied {
        return Err(Failure::silent(1));
    }
    Ok(())
}

/// Writes the violations of one report, in `format`; `buffer` holds each JSON record.
fn write_report(
    out: &mut impl Write,
    name: &FileName,
    buffer: &mut Vec<u8>,
    (line, report): (u64, &Report),
    format: Format,
) -> io::Result<()> {
    let (json_name, name) = (&name.json, &name.text);
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
                let record = Record {
                    file: json_name,
                    line,
                    pointer: &violation.pointer,
                    code: violation.code,
                    severity: violation.severity.as_str(),
                    message: &violation.message,
                    event,
                };
                record.write(buffer)?;
                out.write_all(buffer)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde::Serialize;

    use super::Record;

    /// The record as a derived `Serialize` writes it: the format `Record::write` must keep.
    #[derive(Serialize)]
    struct Derived<'a> {
        file: &'a str,
        line: u64,
        pointer: &'a str,
        code: &'static str,
        severity: &'static str,
        message: &'a str,
        event: Option<&'a str>,
    }

    #[test]
    fn records_are_what_serde_writes_for_the_same_members() {
        let file = "dir/\"odd\" näme\t.jsonl";
        for (pointer, message, event) in [
            (
                "/data/a~1b",
                "`x` is not \"quoted\"\n\u{1}",
                Some("voice.hold.done"),
            ),
            ("", "expected an object, found null", None),
            (
                "/x",
                "del \u{7f}, separators \u{2028}\u{2029} and ünïcode",
                Some("a\\b"),
            ),
        ] {
            let derived = Derived {
                file,
                line: 18_446_744_073_709_551_615,
                pointer,
                code: "wrong-type",
                severity: "error",
                message,
                event,
            };
            let mut expected = serde_json::to_vec(&derived).unwrap();
            expected.push(b'\n');
            let file = serde_json::to_string(file).unwrap();
            let record = Record {
                file: &file,
                line: derived.line,
                pointer,
                code: derived.code,
                severity: derived.severity,
                message,
                event,
            };
            let mut line = b"left over".to_vec();
            record.write(&mut line).unwrap();
            assert_eq!(
                String::from_utf8(line).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }
}
