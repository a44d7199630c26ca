//! The validator's fast path: the checks walk the document with a [`Cursor`] rather than through
//! serde, and know where they are by an [`At`] chain on the stack, which becomes a JSON pointer
//! only when a violation is reported. A valid line therefore builds no pointer and no string.
//!
//! What the cursor declines, the validator reads again through serde (the engine's
//! [`ValueShape::check`](super::ValueShape::check) path), and drops the fast path's findings:
//! both paths report the same violations, in the same order, with the same messages, through
//! the same [`Checker`] methods.

use std::fmt;

use super::engine::Checker;
use super::shape::Seen;
use super::{messages, Checks, ViolationCode};
pub use crate::json::cursor::Cursor;
pub(crate) use crate::json::cursor::Kind;
pub use crate::json::Declined;
use crate::OrsVersion;

/// Where a check is in the document: a chain of steps from the envelope down, kept on the
/// stack of the checks that walk it, and written out as a JSON pointer only for a violation.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl At<'static> {
    /// The whole document (the pointer ``).
    pub(crate) const ROOT: At<'static> = At {
        parent: None,
        step: Step::Root,
    };
}

impl<'a> At<'a> {
    /// Member `key` of the object here.
    #[inline(always)]
    pub(crate) fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    /// Item `index` of the array here.
    #[inline(always)]
    pub(crate) fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// The member's key, when this is a member.
    pub(super) fn last_key(&self) -> &'a str {
        match self.step {
            Step::Key(key) => key,
            Step::Root | Step::Index(_) => "",
        }
    }

    /// The JSON pointer, `~` and `/` in keys escaped.
    #[cold]
    pub(super) fn pointer(&self) -> String {
        let mut pointer = String::with_capacity(48);
        self.write(&mut pointer);
        pointer
    }

    fn write(&self, pointer: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(pointer);
        }
        match self.step {
            Step::Root => {}
            Step::Key(key) => {
                pointer.push('/');
                if key.bytes().any(|byte| byte == b'~' || byte == b'/') {
                    messages::push_escaped(pointer, key);
                } else {
                    pointer.push_str(key);
                }
            }
            Step::Index(index) => {
                use fmt::Write;
                let _ = write!(pointer, "/{index}");
            }
        }
    }
}

/// The found-kind of a value in "expected ..., found ..." messages, for a check of an object
/// or an array (numbers are "a number" whatever they are, as the serde path words them).
fn container_found(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "an object",
        Kind::Array => "an array",
        Kind::String => "a string",
        Kind::Number => "a number",
        Kind::Bool => "a boolean",
        Kind::Null => "null",
    }
}

/// A value that is not the object or array `expected`: skipped and reported.
#[cold]
pub(super) fn not_a_container(
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
    kind: Kind,
    expected: &'static str,
) -> Result<(), Declined> {
    cursor.skip_value()?;
    checker.wrong_type_at(at, expected, container_found(kind));
    Ok(())
}

/// A scalar value, read for a check that compares strings (a string enum, the event's name).
pub(super) enum Scanned<'de> {
    Str(&'de str),
    /// Any other value, already skipped, with its found-kind for messages.
    Other(&'static str),
}

/// Reads a scalar where a check compares strings: a string by value, anything else skipped
/// (numbers other than 64-bit integers declined).
#[inline(always)]
pub(super) fn scalar<'de>(cursor: &mut Cursor<'de>) -> Result<Scanned<'de>, Declined> {
    Ok(match cursor.kind()? {
        Kind::String => Scanned::Str(cursor.str()?),
        kind => Scanned::Other(skip_scalar(cursor, kind)?),
    })
}

/// Skips the value at the cursor, of `kind`, for a scalar check that does not want it; returns
/// its found-kind ("an integer" for an integer: other numbers are declined).
pub(super) fn skip_scalar(cursor: &mut Cursor<'_>, kind: Kind) -> Result<&'static str, Declined> {
    Ok(match kind {
        Kind::String => {
            cursor.skip_string()?;
            "a string"
        }
        Kind::Number => {
            cursor.integer()?;
            "an integer"
        }
        Kind::Bool => {
            cursor.skip_bool()?;
            "a boolean"
        }
        kind => {
            cursor.skip_value()?;
            container_found(kind)
        }
    })
}

/// A check of a scalar of `kind` (a string, a boolean, or an integer: other numbers are
/// declined): the value is skipped, and reported when it is of another kind.
#[inline(always)]
pub(super) fn scan_scalar(
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
    kind: Kind,
    expected: &'static str,
) -> Result<(), Declined> {
    let found = cursor.kind()?;
    if found == kind {
        // `kind` is a constant where this is inlined: one arm is left.
        return match kind {
            Kind::String => cursor.skip_string(),
            Kind::Number => cursor.integer().map(drop),
            Kind::Bool => cursor.skip_bool(),
            _ => cursor.skip_value(),
        };
    }
    let wrong = skip_scalar(cursor, found)?;
    checker.wrong_type_at(at, expected, wrong);
    Ok(())
}

/// The array at the cursor, each item checked by `item` at its index.
pub(super) fn scan_array(
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
    mut item: impl FnMut(&mut Checker<'_>, &mut Cursor<'_>, &At<'_>) -> Result<(), Declined>,
) -> Result<(), Declined> {
    let kind = cursor.kind()?;
    if kind != Kind::Array {
        return not_a_container(checker, cursor, at, kind, "an array");
    }
    cursor.open_array()?;
    let (mut first, mut index) = (true, 0);
    while cursor.next_item(&mut first)? {
        item(checker, cursor, &at.index(index))?;
        index += 1;
    }
    Ok(())
}

/// [`super::int_enum`] on the fast path.
pub(super) fn scan_int_enum(
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
    name: &str,
    known: impl FnOnce(i64) -> bool,
) -> Result<(), Declined> {
    match cursor.kind()? {
        Kind::Number => {
            let code = cursor.integer()?;
            if !known(code) {
                let message = messages::int_enum_message(code, name);
                checker.report_at(at, ViolationCode::EnumValue, message);
            }
        }
        found => {
            let found = skip_scalar(cursor, found)?;
            checker.wrong_type_at(at, "an integer", found);
        }
    }
    Ok(())
}

/// [`super::str_enum`] on the fast path.
pub(super) fn scan_str_enum(
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
    name: &str,
    known: impl FnOnce(&str) -> bool,
) -> Result<(), Declined> {
    match scalar(cursor)? {
        Scanned::Str(text) => {
            if !known(text) {
                checker.report_at(
                    at,
                    ViolationCode::EnumValue,
                    messages::str_enum_message(text, name),
                );
            }
        }
        Scanned::Other(found) => checker.wrong_type_at(at, "a string", found),
    }
    Ok(())
}

/// The fast path's reports: each at an [`At`], written out as a pointer only here.
impl Checker<'_> {
    /// [`Checker::report`] at `at`, on the fast path.
    #[cold]
    pub(crate) fn report_at(&mut self, at: &At<'_>, code: ViolationCode, message: String) {
        self.push(at.pointer(), code, message);
    }

    /// [`Checker::since`] at `at`, on the fast path.
    #[inline]
    pub(crate) fn since_at(
        &mut self,
        at: &At<'_>,
        since: Option<OrsVersion>,
        what: fmt::Arguments<'_>,
    ) {
        if since.is_none() || self.options.ors_version.is_none() {
            return;
        }
        if let Some(message) = self.newer(since, what) {
            self.report_at(at, ViolationCode::NotInVersion, message);
        }
    }

    /// [`Checker::missing`] for member `key` of the object at `at`, on the fast path.
    #[cold]
    pub(crate) fn missing_at(&mut self, at: &At<'_>, code: ViolationCode, key: &str, what: &str) {
        self.report_at(&at.key(key), code, messages::missing_message(what, key));
    }

    /// [`Checker::missing_attribute`] on the fast path.
    pub(crate) fn missing_attribute_at(&mut self, at: &At<'_>, key: &str) {
        self.missing_at(
            at,
            ViolationCode::MissingAttribute,
            key,
            "required attribute",
        );
    }

    /// [`Checker::duplicate`] for the member at `at`, on the fast path.
    #[cold]
    pub(crate) fn duplicate_at(&mut self, at: &At<'_>) {
        self.report_at(
            at,
            ViolationCode::DuplicateKey,
            messages::duplicate_message(at.last_key()),
        );
    }

    /// [`Checker::attribute_since`] for the attribute at `at`, on the fast path.
    #[inline(always)]
    pub(crate) fn attribute_since_at(
        &mut self,
        at: &At<'_>,
        since: Option<OrsVersion>,
        key: &str,
        owner: &str,
    ) {
        if since.is_some() && self.options.ors_version.is_some() {
            self.since_at(at, since, format_args!("attribute `{key}` of {owner}"));
        }
    }

    /// [`Checker::wrong_type`] at `at`, on the fast path.
    #[cold]
    pub(super) fn wrong_type_at(&mut self, at: &At<'_>, expected: &str, found: &str) {
        self.report_at(
            at,
            ViolationCode::WrongType,
            messages::wrong_type_message(expected, found),
        );
    }

    /// [`Checker::unknown_attribute`](super::Checker::unknown_attribute) on the fast path:
    /// `key` is not an attribute of `owner`, whose attributes are `known`; reported, and its
    /// value skipped.
    #[cold]
    pub(crate) fn scan_unknown_attribute<'k>(
        &mut self,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
        key: &[u8],
        known: impl IntoIterator<Item = &'k str>,
        owner: &str,
    ) -> Result<(), Declined> {
        let key = cursor.key_text(key)?;
        let message = messages::unknown_message(key, known, &["an attribute of ", owner]);
        self.report_at(&at.key(key), ViolationCode::UnknownAttribute, message);
        cursor.skip_value()
    }
}

/// What `name` held.
enum Name<E> {
    Known(E),
    /// Not a string, or not an event of the catalogue: already reported.
    Bad,
}

/// Reads the envelope's `name`.
fn scan_name<S: Checks>(
    checks: &S,
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
) -> Result<Name<S::EventId>, Declined> {
    let text = match scalar(cursor)? {
        Scanned::Str(text) => text,
        Scanned::Other(found) => {
            checker.wrong_type_at(at, "a string", found);
            return Ok(Name::Bad);
        }
    };
    Ok(match checks.event(text) {
        Some(known) => {
            checker.since_at(at, checks.since(known), format_args!("event `{text}`"));
            Name::Known(known)
        }
        None => {
            let message = messages::unknown_event_message(text, checks.names());
            checker.report_at(at, ViolationCode::UnknownEvent, message);
            Name::Bad
        }
    })
}

/// Checks the envelope at the cursor, as [`super::envelope::EnvelopeSeed`] does through serde;
/// returns the event, when `name` is one of the catalogue.
pub(super) fn scan_envelope<S: Checks>(
    checks: &S,
    checker: &mut Checker<'_>,
    text: &str,
    cursor: &mut Cursor<'_>,
) -> Result<Option<S::EventId>, Declined> {
    let root = At::ROOT;
    let kind = cursor.kind()?;
    if kind != Kind::Object {
        not_a_container(checker, cursor, &root, kind, "an object")?;
        return Ok(None);
    }
    cursor.open_object()?;
    let mut name: Option<Name<S::EventId>> = None;
    let mut data_seen = false;
    // `data` met before `name`: where it is, checked once the name is known.
    let mut pending: Option<(usize, usize)> = None;
    // The envelope fields seen, by index.
    let mut fields_seen = Seen::new();
    let mut first = true;
    while let Some(key) = cursor.next_key(&mut first)? {
        match key {
            b"name" => {
                let at = root.key("name");
                if name.is_some() {
                    checker.duplicate_at(&at);
                    cursor.skip_value()?;
                } else {
                    name = Some(scan_name(checks, checker, cursor, &at)?);
                }
            }
            b"data" => {
                let at = root.key("data");
                if data_seen {
                    checker.duplicate_at(&at);
                    cursor.skip_value()?;
                    continue;
                }
                data_seen = true;
                match &name {
                    Some(Name::Known(event)) => checks.scan_data(*event, checker, cursor, &at)?,
                    Some(Name::Bad) => cursor.skip_value()?,
                    None => {
                        let start = cursor.offset();
                        cursor.skip_value()?;
                        pending = Some((start, cursor.offset()));
                    }
                }
            }
            other => scan_envelope_field(
                checks,
                checker,
                cursor,
                cursor.key_text(other)?,
                &mut fields_seen,
            )?,
        }
    }
    match &name {
        None => checker.missing_at(&root, ViolationCode::MissingField, "name", "envelope field"),
        Some(Name::Known(event)) => {
            if let Some((start, end)) = pending {
                let data = text.get(start..end).ok_or(Declined)?;
                checks.scan_data(*event, checker, &mut Cursor::new(data), &root.key("data"))?;
            }
        }
        Some(Name::Bad) => {}
    }
    if !data_seen {
        checker.missing_at(&root, ViolationCode::MissingField, "data", "envelope field");
    }
    Ok(match name {
        Some(Name::Known(event)) => Some(event),
        _ => None,
    })
}

/// An envelope member besides `name` and `data`: the catalogue's check of it, or an unknown
/// field reported.
fn scan_envelope_field<S: Checks>(
    checks: &S,
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    key: &str,
    fields_seen: &mut Seen,
) -> Result<(), Declined> {
    let root = At::ROOT;
    let at = root.key(key);
    match checks.envelope_field(key) {
        Some(index) if fields_seen.contains(index) => {
            checker.duplicate_at(&at);
            cursor.skip_value()
        }
        Some(index) => {
            fields_seen.insert(index);
            checks.scan_envelope_field(index, checker, cursor, &at)
        }
        None => {
            let known = ["name", "data"]
                .into_iter()
                .chain(checks.envelope_field_names());
            let message = messages::unknown_message(key, known, &["an envelope field"]);
            checker.report_at(&at, ViolationCode::UnknownField, message);
            cursor.skip_value()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
