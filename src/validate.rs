//! Validating events from bytes: every violation of one envelope, each with a JSON pointer, a
//! stable code and a message.
//!
//! The checks for each event, enum and object type are generated from the catalogue at build
//! time (`generated/rust/checks.rs`); this module is the engine they plug into. It reads the
//! bytes once through `serde_json`'s streaming deserializer, borrowing strings where it can, and
//! never builds a `serde_json::Value`.

use std::fmt;
use std::io::{self, BufRead};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

pub(crate) use crate::envelope::Key;
use crate::{EventName, OrsVersion};

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

/// Whether a finding makes the event invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The event is invalid.
    Error,
    /// Reported, but the event is valid (lenient mode).
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where, as a JSON pointer into the envelope (`/data/hints/callstate`; `` for the whole).
    pub pointer: String,
    /// A stable code: `malformed-json`, `line-too-long`, `wrong-type`, `missing-field`,
    /// `unknown-field`, `duplicate-key`, `unknown-event`, `missing-attribute`,
    /// `unknown-attribute`, `enum-value` or `not-in-version`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Whether it makes the event invalid.
    pub severity: Severity,
}

/// Everything found in one event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The event's name, when it is an event of the catalogue.
    pub event: Option<EventName>,
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
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Report {
            event: None,
            violations: vec![Violation {
                pointer: String::new(),
                code: "malformed-json",
                message: "the line starts with a UTF-8 byte order mark, which JSON does not allow"
                    .into(),
                severity: Severity::Error,
            }],
        };
    }
    // The pointer buffer is reused from line to line: no allocation for a valid event.
    thread_local! {
        static POINTER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut pointer = POINTER.take();
    pointer.clear();
    let report = validate_with(bytes, options, &mut pointer);
    POINTER.set(pointer);
    report
}

fn validate_with(bytes: &[u8], options: &Options, pointer: &mut String) -> Report {
    let mut checker = Checker::new(options, std::mem::take(pointer));
    // Checking UTF-8 once for the whole line is far cheaper than string by string; only a line
    // that fails it is parsed from bytes, so that the error says where.
    let checked = match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            EnvelopeSeed(&mut checker)
                .deserialize(&mut deserializer)
                .and_then(|event| deserializer.end().map(|()| event))
        }
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_slice(bytes);
            EnvelopeSeed(&mut checker)
                .deserialize(&mut deserializer)
                .and_then(|event| deserializer.end().map(|()| event))
        }
    };
    *pointer = std::mem::take(&mut checker.pointer);
    match checked {
        Ok(event) => Report {
            event,
            violations: checker.violations,
        },
        Err(err) => Report {
            event: None,
            violations: vec![Violation {
                pointer: String::new(),
                code: "malformed-json",
                message: format!("not valid JSON: {err}"),
                severity: Severity::Error,
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
            Report {
                event: None,
                violations: vec![Violation {
                    pointer: String::new(),
                    code: "line-too-long",
                    message: format!(
                        "the line is longer than {max_line_bytes} bytes; it was skipped"
                    ),
                    severity: Severity::Error,
                }],
            }
        } else {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            validate(&line, options)
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
        let (chunk, done) = match buffer.iter().position(|b| *b == b'\n') {
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

impl crate::Event {
    /// Validates this event as it would be sent: its envelope encoding is checked like any
    /// other input, so a value built in code gets the same verdict as its JSON.
    ///
    /// ```
    /// use ors_events::{validate::Options, voice, CallState, Event};
    ///
    /// let event = Event::from(voice::CreatecallDone {
    ///     requestid: "r-1".into(),
    ///     interactionid: "ix-1".into(),
    ///     callstate: Some(CallState::Unrecognized(40)),
    /// });
    /// let report = event.validate(&Options::new());
    /// assert_eq!(report.violations[0].code, "enum-value");
    /// assert!(event.validate(&Options::new().lenient(true)).is_valid());
    /// ```
    pub fn validate(&self, options: &Options) -> Report {
        match serde_json::to_vec(self) {
            Ok(bytes) => validate(&bytes, options),
            Err(err) => Report {
                event: Some(self.event_name()),
                violations: vec![Violation {
                    pointer: String::new(),
                    code: "malformed-json",
                    message: format!("cannot encode the event: {err}"),
                    severity: Severity::Error,
                }],
            },
        }
    }
}

/// Collects violations while the generated checks walk a document.
pub(crate) struct Checker<'o> {
    options: &'o Options,
    pointer: String,
    violations: Vec<Violation>,
}

impl<'o> Checker<'o> {
    fn new(options: &'o Options, pointer: String) -> Self {
        Checker {
            options,
            pointer,
            violations: Vec::new(),
        }
    }

    /// Descends into member `key`; returns the pointer's length to restore with [`Checker::leave`].
    pub(crate) fn enter(&mut self, key: &str) -> usize {
        let mark = self.pointer.len();
        self.pointer.push('/');
        if !key.contains(['~', '/']) {
            self.pointer.push_str(key);
            return mark;
        }
        for c in key.chars() {
            match c {
                '~' => self.pointer.push_str("~0"),
                '/' => self.pointer.push_str("~1"),
                c => self.pointer.push(c),
            }
        }
        mark
    }

    /// Returns to the pointer before [`Checker::enter`].
    pub fn leave(&mut self, mark: usize) {
        self.pointer.truncate(mark);
    }

    fn report(&mut self, code: &'static str, severity: Severity, message: String) {
        self.violations.push(Violation {
            pointer: self.pointer.clone(),
            code,
            message,
            severity,
        });
    }

    /// A violation at the current pointer.
    pub(crate) fn error(&mut self, code: &'static str, message: String) {
        self.report(code, Severity::Error, message);
    }

    /// A violation in strict mode, a warning in lenient mode.
    pub(crate) fn unknown(&mut self, code: &'static str, message: String) {
        let severity = if self.options.lenient {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.report(code, severity, message);
    }

    /// Reports `what` when it is newer than the target release.
    pub(crate) fn since(&mut self, since: Option<OrsVersion>, what: fmt::Arguments<'_>) {
        if let (Some(since), Some(target)) = (since, self.options.ors_version) {
            if since > target {
                self.error(
                    "not-in-version",
                    format!("{what} exists since ORS {since}, after the target release {target}"),
                );
            }
        }
    }

    /// A required member that is absent; reported at the member's pointer.
    pub(crate) fn missing(&mut self, code: &'static str, key: &str, what: &str) {
        let mark = self.enter(key);
        self.error(code, format!("{what} `{key}` is missing"));
        self.leave(mark);
    }

    /// The member at the current pointer was seen before in its object.
    pub(crate) fn duplicate(&mut self) {
        let key = self
            .pointer
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace("~1", "/")
            .replace("~0", "~");
        self.error(
            "duplicate-key",
            format!("`{key}` appears twice in one object"),
        );
    }

    /// A member the object does not have: reported, and its value skipped.
    pub(crate) fn unknown_member<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        known: &[&str],
        code: &'static str,
        what: fmt::Arguments<'_>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let mark = self.enter(key);
        let hint = match ors_events_core::names::closest(key, known.iter().copied()) {
            Some(near) => format!(" (did you mean `{near}`?)"),
            None => String::new(),
        };
        self.unknown(code, format!("`{key}` is not {what}{hint}"));
        map.next_value::<IgnoredAny>()?;
        self.leave(mark);
        Ok(())
    }

    /// Skips a value of the wrong JSON type and reports it.
    fn wrong_type(&mut self, expected: &str, found: &str) {
        self.error("wrong-type", format!("expected {expected}, found {found}"));
    }
}

/// A check of one JSON value, generated per type of the catalogue or built in.
pub(crate) trait ValueShape {
    /// Checks the value `deserializer` holds, reporting into `checker`.
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error>;
}

/// A check of the members of one JSON object, generated per event and object type.
pub(crate) trait MapShape {
    /// Checks every member of `map`.
    fn check_map<'de, A: MapAccess<'de>>(checker: &mut Checker<'_>, map: A)
        -> Result<(), A::Error>;
}

/// The seed that runs `T`'s check on a value of a map or sequence.
pub(crate) struct Seed<'c, 'o, T>(&'c mut Checker<'o>, PhantomData<T>);

impl<'c, 'o, T> Seed<'c, 'o, T> {
    /// A seed for `checker`.
    pub(crate) fn new(checker: &'c mut Checker<'o>) -> Self {
        Seed(checker, PhantomData)
    }
}

impl<'de, T: ValueShape> DeserializeSeed<'de> for Seed<'_, '_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::check(self.0, deserializer)
    }
}

/// What a JSON value was, for "found ..." messages; it consumes the value.
struct Found<'c, 'o, F> {
    checker: &'c mut Checker<'o>,
    expected: &'static str,
    accept: F,
}

/// What [`Found`] accepts: the value, if it is of the expected type.
enum Scalar<'a> {
    Bool,
    Int(i64),
    /// An integer beyond `i64`, or a number with a fraction.
    OtherNumber(f64),
    Str(&'a str),
}

impl<'de, F: FnOnce(&mut Checker<'_>, Scalar<'_>) -> bool> Visitor<'de> for Found<'_, '_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar(Scalar::Bool, "a boolean");
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.scalar(Scalar::Int(value), "an integer");
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        match i64::try_from(value) {
            Ok(value) => self.scalar(Scalar::Int(value), "an integer"),
            Err(_) => self.scalar(Scalar::OtherNumber(value as f64), "an integer"),
        }
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        // JSON Schema counts 3.0 as the integer 3.
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            self.scalar(Scalar::Int(value as i64), "an integer");
        } else {
            self.scalar(Scalar::OtherNumber(value), "a number");
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.scalar(Scalar::Str(value), "a string");
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.checker.wrong_type(self.expected, "null");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.checker.wrong_type(self.expected, "an array");
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.checker.wrong_type(self.expected, "an object");
        Ok(())
    }
}

impl<F: FnOnce(&mut Checker<'_>, Scalar<'_>) -> bool> Found<'_, '_, F> {
    fn scalar(self, value: Scalar<'_>, found: &str) {
        let expected = self.expected;
        if !(self.accept)(self.checker, value) {
            self.checker.wrong_type(expected, found);
        }
    }
}

fn scalar<'de, D: Deserializer<'de>>(
    checker: &mut Checker<'_>,
    deserializer: D,
    expected: &'static str,
    accept: impl FnOnce(&mut Checker<'_>, Scalar<'_>) -> bool,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(Found {
        checker,
        expected,
        accept,
    })
}

/// A JSON string.
pub(crate) struct Str;

impl ValueShape for Str {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        scalar(checker, deserializer, "a string", |_, value| {
            matches!(value, Scalar::Str(_))
        })
    }
}

/// A JSON integer (a number without a fraction, as JSON Schema counts them).
#[allow(dead_code)] // Used by the generated checks of catalogues with integer attributes.
pub(crate) struct Int;

impl ValueShape for Int {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        scalar(checker, deserializer, "an integer", |_, value| {
            matches!(value, Scalar::Int(_))
                || matches!(value, Scalar::OtherNumber(n) if n.fract() == 0.0)
        })
    }
}

/// A JSON boolean.
#[allow(dead_code)] // Used by the generated checks of catalogues with boolean attributes.
pub(crate) struct Bool;

impl ValueShape for Bool {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        scalar(checker, deserializer, "a boolean", |_, value| {
            matches!(value, Scalar::Bool)
        })
    }
}

/// An integer-coded enum: `NAME` for messages, `known` for the codes.
pub(crate) fn int_enum<'de, D: Deserializer<'de>>(
    checker: &mut Checker<'_>,
    deserializer: D,
    name: &'static str,
    known: fn(i64) -> bool,
) -> Result<(), D::Error> {
    scalar(
        checker,
        deserializer,
        "an integer",
        |checker, value| match value {
            Scalar::Int(code) => {
                if !known(code) {
                    checker.unknown("enum-value", format!("{code} is not a value of {name}"));
                }
                true
            }
            Scalar::OtherNumber(n) if n.fract() == 0.0 => {
                checker.unknown("enum-value", format!("{n} is not a value of {name}"));
                true
            }
            _ => false,
        },
    )
}

/// A string-coded enum.
pub(crate) fn str_enum<'de, D: Deserializer<'de>>(
    checker: &mut Checker<'_>,
    deserializer: D,
    name: &'static str,
    known: fn(&str) -> bool,
) -> Result<(), D::Error> {
    scalar(
        checker,
        deserializer,
        "a string",
        |checker, value| match value {
            Scalar::Str(text) => {
                if !known(text) {
                    checker.unknown("enum-value", format!("`{text}` is not a value of {name}"));
                }
                true
            }
            _ => false,
        },
    )
}

/// Any JSON object (open implementation data): its content is not checked.
pub(crate) struct AnyObject;

impl MapShape for AnyObject {
    fn check_map<'de, A: MapAccess<'de>>(_: &mut Checker<'_>, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// A JSON object whose members `M` checks.
pub(crate) struct Object<M>(PhantomData<M>);

impl<M: MapShape> ValueShape for Object<M> {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_any(ObjectVisitor::<M>(checker, PhantomData))
    }
}

/// The `visit_*` methods of a visitor that expects one kind of JSON value (`self.0` is its
/// checker): each listed other kind is consumed and reported as `wrong-type`.
macro_rules! reject_other_types {
    ($expected:literal, $value:expr; $($kind:ident),*) => {
        $( reject_other_types!(@$kind $expected, $value); )*
    };
    (@bool $expected:literal, $value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "a boolean");
            Ok($value)
        }
    };
    (@number $expected:literal, $value:expr) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "a number");
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "a number");
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "a number");
            Ok($value)
        }
    };
    (@str $expected:literal, $value:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "a string");
            Ok($value)
        }
    };
    (@unit $expected:literal, $value:expr) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.wrong_type($expected, "null");
            Ok($value)
        }
    };
    (@seq $expected:literal, $value:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            self.0.wrong_type($expected, "an array");
            Ok($value)
        }
    };
    (@map $expected:literal, $value:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            self.0.wrong_type($expected, "an object");
            Ok($value)
        }
    };
}

struct ObjectVisitor<'c, 'o, M>(&'c mut Checker<'o>, PhantomData<M>);

impl<'de, M: MapShape> Visitor<'de> for ObjectVisitor<'_, '_, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        M::check_map(self.0, map)
    }

    reject_other_types!("an object", (); bool, number, str, unit, seq);
}

/// A JSON array whose items `T` checks.
pub(crate) struct Array<T>(PhantomData<T>);

impl<T: ValueShape> ValueShape for Array<T> {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_any(ArrayVisitor::<T>(checker, PhantomData))
    }
}

struct ArrayVisitor<'c, 'o, T>(&'c mut Checker<'o>, PhantomData<T>);

impl<'de, T: ValueShape> Visitor<'de> for ArrayVisitor<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let mark = self.0.enter(&index.to_string());
            let more = seq.next_element_seed(OptionalSeed::<T>(&mut *self.0, PhantomData))?;
            self.0.leave(mark);
            if more.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    reject_other_types!("an array", (); bool, number, str, unit, map);
}

/// An array item: `T`'s check, yielding `()` per item so the sequence can end.
struct OptionalSeed<'c, 'o, T>(&'c mut Checker<'o>, PhantomData<T>);

impl<'de, T: ValueShape> DeserializeSeed<'de> for OptionalSeed<'_, '_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::check(self.0, deserializer)
    }
}

/// The whole envelope.
struct EnvelopeSeed<'c, 'o>(&'c mut Checker<'o>);

impl<'de> DeserializeSeed<'de> for EnvelopeSeed<'_, '_> {
    type Value = Option<EventName>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<EventName>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// What `name` held.
enum NameValue {
    Known(EventName),
    /// Not a string, or not an event of the catalogue: already reported.
    Bad,
}

struct NameSeed<'c, 'o>(&'c mut Checker<'o>);

impl<'de> DeserializeSeed<'de> for NameSeed<'_, '_> {
    type Value = NameValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<NameValue, D::Error> {
        let mut name = NameValue::Bad;
        scalar(self.0, deserializer, "a string", |checker, value| {
            let Scalar::Str(text) = value else {
                return false;
            };
            match EventName::from_name(text) {
                Some(known) => {
                    checker.since(known.since(), format_args!("event `{text}`"));
                    name = NameValue::Known(known);
                }
                None => {
                    let hint = match ors_events_core::names::closest(
                        text,
                        EventName::ALL.iter().map(|e| e.as_str()),
                    ) {
                        Some(near) => format!(" (did you mean `{near}`?)"),
                        None => String::new(),
                    };
                    checker.error(
                        "unknown-event",
                        format!("`{text}` is not an event of the catalogue{hint}"),
                    );
                }
            }
            true
        })?;
        Ok(name)
    }
}

impl<'de> Visitor<'de> for EnvelopeSeed<'_, '_> {
    type Value = Option<EventName>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<EventName>, A::Error> {
        let checker = self.0;
        let mut name: Option<NameValue> = None;
        let mut data_seen = false;
        // `data` met before `name`: its bytes, checked once the name is known.
        let mut pending: Option<&'de serde_json::value::RawValue> = None;
        let mut fields_seen: u64 = 0;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "name" => {
                    let mark = checker.enter("name");
                    if name.is_some() {
                        checker.duplicate();
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        name = Some(map.next_value_seed(NameSeed(checker))?);
                    }
                    checker.leave(mark);
                }
                "data" => {
                    let mark = checker.enter("data");
                    if data_seen {
                        checker.duplicate();
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        data_seen = true;
                        match &name {
                            Some(NameValue::Known(event)) => {
                                map.next_value_seed(DataSeed(checker, *event))?;
                            }
                            Some(NameValue::Bad) => {
                                map.next_value::<IgnoredAny>()?;
                            }
                            None => {
                                // Borrowed from the input bytes: nothing is copied.
                                pending =
                                    Some(map.next_value::<&'de serde_json::value::RawValue>()?);
                            }
                        }
                    }
                    checker.leave(mark);
                }
                other => {
                    let index = crate::checks::ENVELOPE_FIELDS
                        .iter()
                        .position(|f| *f == other);
                    match index {
                        Some(index) if fields_seen & (1 << index) != 0 => {
                            let mark = checker.enter(other);
                            checker.duplicate();
                            checker.leave(mark);
                            map.next_value::<IgnoredAny>()?;
                        }
                        Some(index) => {
                            fields_seen |= 1 << index;
                            let mark = checker.enter(other);
                            map.next_value_seed(EnvelopeFieldSeed(checker, index))?;
                            checker.leave(mark);
                        }
                        None => {
                            let mut known = vec!["name", "data"];
                            known.extend_from_slice(crate::checks::ENVELOPE_FIELDS);
                            checker.unknown_member(
                                other,
                                &known,
                                "unknown-field",
                                format_args!("an envelope field"),
                                &mut map,
                            )?;
                        }
                    }
                }
            }
        }
        match &name {
            None => checker.missing("missing-field", "name", "envelope field"),
            Some(NameValue::Known(event)) => {
                if let Some(raw) = pending {
                    let mark = checker.enter("data");
                    let mut inner = serde_json::Deserializer::from_str(raw.get());
                    DataSeed(checker, *event)
                        .deserialize(&mut inner)
                        .map_err(de::Error::custom)?;
                    checker.leave(mark);
                }
            }
            Some(NameValue::Bad) => {}
        }
        if !data_seen {
            checker.missing("missing-field", "data", "envelope field");
        }
        Ok(match name {
            Some(NameValue::Known(event)) => Some(event),
            _ => None,
        })
    }

    reject_other_types!("an object", None; bool, number, str, unit, seq);
}

/// The `data` of a known event: its generated check.
struct DataSeed<'c, 'o>(&'c mut Checker<'o>, EventName);

impl<'de> DeserializeSeed<'de> for DataSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        crate::checks::check_data(self.1, self.0, deserializer)
    }
}

/// An envelope field besides `name` and `data`: its generated check.
struct EnvelopeFieldSeed<'c, 'o>(&'c mut Checker<'o>, usize);

impl<'de> DeserializeSeed<'de> for EnvelopeFieldSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        crate::checks::check_envelope_field(self.1, self.0, deserializer)
    }
}
