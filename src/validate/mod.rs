//! Validating events from bytes: every violation of one envelope, each with a JSON pointer, a
//! stable code and a message.
//!
//! The engine serves any catalogue through [`Checks`]: generated bindings implement it with a
//! constant table per event, enum and object type (`generated/rust/checks.rs`). A line is read
//! once, by a cursor of the crate's own that an interpreter walks with those tables
//! (`scan.rs`, `shape.rs`); what the cursor declines is read again through `serde_json` with
//! the serde checks (`engine.rs`, `envelope.rs`), whose report then counts. Neither builds a
//! `serde_json::Value`.
//!
//! [`validate()`] and [`validate_lines()`] here use the catalogue compiled into this crate.

use std::borrow::Cow;
use std::io::{self, BufRead};

use serde::de::DeserializeSeed;
use serde::Deserializer;

pub mod dynamic;
mod engine;
mod envelope;
#[cfg(feature = "spec")]
mod from_spec;
mod messages;
mod reject;
mod scan;
pub(crate) mod shape;
mod stream;

use crate::OrsVersion;
pub use engine::{
    int_enum, str_enum, AnyObject, Array, Bool, Checker, Int, MapShape, Object, Seed, Str,
    ValueShape,
};
pub use scan::{At, Cursor, Declined};
pub use shape::{scan_object, scan_value, IntEnumShape, Member, ObjectShape, Shape, StrEnumShape};
pub use stream::{available_jobs, validate_stream, StreamOptions};

/// What the validator needs of a catalogue. Generated bindings implement it on their
/// `Catalogue` type.
pub trait Checks {
    /// How the checks identify an event of the catalogue.
    type EventId: Copy;

    /// The event with wire name `name`, if the catalogue has it.
    fn event(&self, name: &str) -> Option<Self::EventId>;

    /// The event's wire name, for [`Report::event`].
    fn name_of(&self, event: Self::EventId) -> Cow<'static, str>;

    /// The first release that sends the event, when the catalogue says.
    fn since(&self, event: Self::EventId) -> Option<OrsVersion>;

    /// Every event's wire name, for suggestions.
    fn names(&self) -> impl Iterator<Item = &str>;

    /// The index of envelope field `name` (besides `name` and `data`), as
    /// [`Checks::check_envelope_field`] takes it.
    fn envelope_field(&self, name: &str) -> Option<usize>;

    /// Every envelope field's wire name besides `name` and `data`, in index order.
    fn envelope_field_names(&self) -> impl Iterator<Item = &str>;

    /// Checks the `data` of `event`.
    fn check_data<'de, D: Deserializer<'de>>(
        &self,
        event: Self::EventId,
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error>;

    /// Checks the envelope field at `index` (see [`Checks::envelope_field`]).
    fn check_envelope_field<'de, D: Deserializer<'de>>(
        &self,
        index: usize,
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error>;

    /// [`Checks::check_data`] on the fast path: the `data` of `event` at `cursor`, which is
    /// `at`.
    fn scan_data(
        &self,
        event: Self::EventId,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined>;

    /// [`Checks::check_envelope_field`] on the fast path.
    fn scan_envelope_field(
        &self,
        index: usize,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined>;
}

/// How to validate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Check against this ORS release: events and attributes newer than it are violations.
    pub ors_version: Option<OrsVersion>,
    /// Unknown attributes, unknown envelope fields and unknown enum values are warnings, not
    /// violations, for consumers that must accept newer servers.
    pub lenient: bool,
}

impl Options {
    /// Strict validation against the whole catalogue.
    pub fn new() -> Self {
        Options::default()
    }

    /// Validation against the ORS release `version`.
    pub fn ors_version(mut self, version: OrsVersion) -> Self {
        self.ors_version = Some(version);
        self
    }

    /// Lenient validation (see [`Options::lenient`]).
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }
}

/// Whether a finding makes the event invalid: an `Error` does, a `Warning` (lenient mode) does
/// not. The registry of codes gives each code's severity.
pub use ors_events_core::codes::Severity;
/// The codes of the validator, with their meanings and severities: the registry a
/// [`Violation::code`] comes from.
pub use ors_events_core::codes::ViolationCode;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where, as a JSON pointer into the envelope (`/data/hints/callstate`; `` for the whole).
    pub pointer: String,
    /// A stable code: `malformed-json`, `line-too-long`, `wrong-type`, `missing-field`,
    /// `unknown-field`, `duplicate-key`, `unknown-event`, `missing-attribute`,
    /// `unknown-attribute`, `enum-value` or `not-in-version`; the name of a [`ViolationCode`].
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Whether it makes the event invalid.
    pub severity: Severity,
}

/// Everything found in one event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The event's wire name, when it is an event of the catalogue.
    pub event: Option<Cow<'static, str>>,
    /// Every finding, in document order.
    pub violations: Vec<Violation>,
}

impl Report {
    /// Whether the event is valid: no finding of severity [`Severity::Error`].
    pub fn is_valid(&self) -> bool {
        self.violations
            .iter()
            .all(|v| v.severity != Severity::Error)
    }

    /// The findings that make the event invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Warning)
    }
}

/// Validates one event envelope (one JSON document) and reports every violation.
///
/// ```
/// use ors_events::validate::{validate, Options};
///
/// let report = validate(br#"{"name": "voice.hold.done", "data": {"requestid": 7}}"#, &Options::new());
/// assert!(!report.is_valid());
/// let found: Vec<(&str, &str)> = report.violations.iter().map(|v| (v.pointer.as_str(), v.code)).collect();
/// assert_eq!(found, [("/data/requestid", "wrong-type"), ("/data/interactionid", "missing-attribute")]);
///
/// let old = Options::new().ors_version("8.1.200.73".parse().unwrap());
/// let report = validate(br#"{"name": "interaction.property.changed", "data": {"interactionid": "i"}}"#, &old);
/// assert_eq!(report.violations[0].code, "not-in-version");
/// ```
pub fn validate(bytes: &[u8], options: &Options) -> Report {
    validate_with(&crate::Catalogue, bytes, options)
}

/// Validates one event envelope against the catalogue `checks` describes.
pub fn validate_with<S: Checks>(checks: &S, bytes: &[u8], options: &Options) -> Report {
    match crate::json::eligible(bytes) {
        Some(text) => validate_text(checks, text, options),
        None => read_with_serde(checks, bytes, options),
    }
}

/// [`validate_with`] on a line known to be UTF-8: the fast path, and the serde reading for
/// what it declines (a malformed line among others), whose verdict and messages then count;
/// the findings of a declined fast reading are dropped.
pub(crate) fn validate_text<S: Checks>(checks: &S, text: &str, options: &Options) -> Report {
    fast_report(checks, text, options, &mut Cursor::new(text))
        .unwrap_or_else(|| read_with_serde(checks, text.as_bytes(), options))
}

/// The fast path on the first line of `text`, lines of JSON checked as UTF-8 (the rest of a
/// block): its report and its length without the line break, or `None` when the fast path
/// declines it (a blank line among others), and the caller finds the line's end and reads it
/// with serde. The report is the one [`validate_text`] gives the line: the cursor reads no
/// further than its line break.
pub(crate) fn validate_first_line<S: Checks>(
    checks: &S,
    text: &str,
    options: &Options,
) -> Option<(Report, usize)> {
    let mut cursor = Cursor::first_line(text);
    let report = fast_report(checks, text, options, &mut cursor)?;
    Some((report, cursor.offset()))
}

/// The fast path's report of the document at the start of `cursor` (over `text`), or `None`
/// when it declines.
fn fast_report<S: Checks>(
    checks: &S,
    text: &str,
    options: &Options,
    cursor: &mut Cursor<'_>,
) -> Option<Report> {
    // A byte order mark is reported by the serde reading, in its own words.
    if text.starts_with('\u{feff}') {
        return None;
    }
    let mut checker = Checker::new(options, String::new());
    let event = scan::scan_envelope(checks, &mut checker, text, cursor).ok()?;
    cursor.end().ok()?;
    Some(Report {
        event: event.map(|event| checks.name_of(event)),
        violations: checker.violations,
    })
}

/// The serde reading of a line, through `serde_json`.
pub(crate) fn read_with_serde<S: Checks>(checks: &S, bytes: &[u8], options: &Options) -> Report {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Report {
            event: None,
            violations: vec![Violation {
                pointer: String::new(),
                code: ViolationCode::MalformedJson.as_str(),
                message: "the line starts with a UTF-8 byte order mark, which JSON does not allow"
                    .into(),
                severity: ViolationCode::MalformedJson.severity(false),
            }],
        };
    }
    // The pointer buffer is reused from line to line.
    thread_local! {
        static POINTER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut pointer = POINTER.take();
    let report = check_envelope(checks, bytes, options, &mut pointer);
    POINTER.set(pointer);
    report
}

fn check_envelope<S: Checks>(
    checks: &S,
    bytes: &[u8],
    options: &Options,
    pointer: &mut String,
) -> Report {
    pointer.clear();
    let mut checker = Checker::new(options, std::mem::take(pointer));
    // Checking UTF-8 once for the whole line is far cheaper than string by string; only a line
    // that fails it is parsed from bytes, so that the error says where.
    let checked = match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            envelope::EnvelopeSeed(&mut checker, checks)
                .deserialize(&mut deserializer)
                .and_then(|event| deserializer.end().map(|()| event))
        }
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_slice(bytes);
            envelope::EnvelopeSeed(&mut checker, checks)
                .deserialize(&mut deserializer)
                .and_then(|event| deserializer.end().map(|()| event))
        }
    };
    *pointer = std::mem::take(&mut checker.pointer);
    match checked {
        Ok(event) => Report {
            event: event.map(|event| checks.name_of(event)),
            violations: checker.violations,
        },
        Err(err) => Report {
            event: None,
            violations: vec![Violation {
                pointer: String::new(),
                code: ViolationCode::MalformedJson.as_str(),
                message: format!("not valid JSON: {err}"),
                severity: ViolationCode::MalformedJson.severity(false),
            }],
        },
    }
}

/// Lines longer than this are reported as `line-too-long` and skipped without being buffered.
pub const DEFAULT_MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// What [`validate_lines`] saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Events read (blank lines are not counted).
    pub events: u64,
    /// Events with at least one violation.
    pub invalid: u64,
    /// Events with warnings only.
    pub warned: u64,
    /// Bytes read.
    pub bytes: u64,
}

/// Validates a stream of JSON Lines, one envelope per line, calling `each` with the 1-based
/// line number and the report of every non-blank line. A broken line never stops the lines
/// after it. Memory stays bounded: one line at a time, and lines longer than `max_line_bytes`
/// are reported (`line-too-long`) and skipped without being held.
///
/// ```
/// use ors_events::validate::{validate_lines, Options, DEFAULT_MAX_LINE_BYTES};
///
/// let input = b"{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}}\n\n{oops\n";
/// let mut bad_lines = Vec::new();
/// let summary = validate_lines(&input[..], &Options::new(), DEFAULT_MAX_LINE_BYTES, |line, report| {
///     if !report.is_valid() {
///         bad_lines.push(line);
///     }
///     Ok(())
/// })?;
/// assert_eq!((summary.events, summary.invalid), (2, 1));
/// assert_eq!(bad_lines, [3]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn validate_lines<R: BufRead>(
    reader: R,
    options: &Options,
    max_line_bytes: usize,
    each: impl FnMut(u64, &Report) -> io::Result<()>,
) -> io::Result<StreamSummary> {
    validate_lines_with(&crate::Catalogue, reader, options, max_line_bytes, each)
}

/// [`validate_lines`] against the catalogue `checks` describes.
pub fn validate_lines_with<S: Checks, R: BufRead>(
    checks: &S,
    mut reader: R,
    options: &Options,
    max_line_bytes: usize,
    mut each: impl FnMut(u64, &Report) -> io::Result<()>,
) -> io::Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let (read, too_long) = read_line(&mut reader, &mut line, max_line_bytes)?;
        if read == 0 {
            return Ok(summary);
        }
        number += 1;
        summary.bytes += read as u64;
        let report = if too_long {
            stream::too_long(max_line_bytes)
        } else {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            validate_with(checks, &line, options)
        };
        summary.events += 1;
        if !report.is_valid() {
            summary.invalid += 1;
        } else if !report.violations.is_empty() {
            summary.warned += 1;
        }
        each(number, &report)?;
    }
}

/// Reads one line (without its `\n`) into `line`, holding at most `max` bytes of it: returns
/// the bytes consumed, and whether the line was longer than `max` (then `line` is cut).
fn read_line<R: BufRead>(
    reader: &mut R,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            return Ok((consumed, too_long));
        }
        let (chunk, done) = match memchr::memchr(b'\n', buffer) {
            Some(end) => (&buffer[..end], end + 1),
            None => (buffer, buffer.len()),
        };
        if !too_long {
            if line.len() + chunk.len() > max {
                too_long = true;
                line.clear();
                line.shrink_to(0);
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let found_end = done > chunk.len();
        reader.consume(done);
        consumed += done;
        if found_end {
            return Ok((consumed, too_long));
        }
    }
}

/// Validates an event built in code as it would be sent: its envelope encoding is checked like
/// any other input, so a value gets the same verdict as its JSON.
pub fn validate_value<S: Checks, T: serde::Serialize>(
    checks: &S,
    event: &T,
    options: &Options,
) -> Report {
    match serde_json::to_vec(event) {
        Ok(bytes) => validate_with(checks, &bytes, options),
        Err(err) => Report {
            event: None,
            violations: vec![Violation {
                pointer: String::new(),
                code: ViolationCode::MalformedJson.as_str(),
                message: format!("cannot encode the event: {err}"),
                severity: ViolationCode::MalformedJson.severity(false),
            }],
        },
    }
}
