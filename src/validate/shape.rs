//! The fast path's checks as data: generated bindings describe each event, object type, enum
//! and envelope field as a constant [`Shape`], and one small interpreter here walks every line
//! with them.
//!
//! Tables rather than code per event: a stream mixes events at random, and code generated per
//! event left the processor fetching instructions for each line afresh (measured: the same
//! work ran 10 % slower in wall time with the cursor inlined into every event's check, for 5 %
//! fewer instructions). The interpreter's loop is one piece of code that stays hot, and the
//! tables are a few hundred bytes per event.

use super::engine::Checker;
use super::scan::{self, At, Cursor, Declined, Kind};
use crate::OrsVersion;

/// What a JSON value must be.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A string.
    Str,
    /// An integer.
    Int,
    /// A boolean.
    Bool,
    /// Any object; its content is not checked.
    AnyObject,
    /// An integer-coded enum.
    IntEnum(&'static IntEnumShape),
    /// A string-coded enum.
    StrEnum(&'static StrEnumShape),
    /// An object of the catalogue.
    Object(&'static ObjectShape),
    /// An array whose items have this shape.
    Array(&'static Shape),
}

/// An integer-coded enum: its name for messages, and its codes as inclusive ranges.
#[derive(Debug)]
pub struct IntEnumShape {
    /// The enum's Rust name, as messages give it.
    pub name: &'static str,
    /// The codes, as runs of consecutive codes (`(0, 32)`, `(49, 50)`).
    pub codes: &'static [(i64, i64)],
}

/// A string-coded enum: its name for messages, and its wire values.
#[derive(Debug)]
pub struct StrEnumShape {
    /// The enum's Rust name, as messages give it.
    pub name: &'static str,
    /// The wire values.
    pub values: &'static [&'static str],
}

/// An event's `data` or an object type: its members, and what other members are.
#[derive(Debug)]
pub struct ObjectShape {
    /// The event or object type, quoted with backticks, as messages name it.
    pub owner: &'static str,
    /// Whether members not listed are allowed (open objects), rather than reported.
    pub open: bool,
    /// The members, in catalogue order.
    pub members: &'static [Member],
}

/// A member of an [`ObjectShape`]: an attribute of an event or object type.
#[derive(Debug)]
pub struct Member {
    /// The wire name.
    pub key: &'static str,
    /// What its value must be.
    pub shape: Shape,
    /// Whether it must be present.
    pub required: bool,
    /// The first release that sends it, when the catalogue says.
    pub since: Option<OrsVersion>,
}

/// Checks the value at the cursor, which is `at`, against `shape`.
pub fn scan_value(
    shape: &Shape,
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
) -> Result<(), Declined> {
    match *shape {
        Shape::Str => scan::scan_scalar(checker, cursor, at, Kind::String, "a string"),
        Shape::Int => scan::scan_scalar(checker, cursor, at, Kind::Number, "an integer"),
        Shape::Bool => scan::scan_scalar(checker, cursor, at, Kind::Bool, "a boolean"),
        Shape::AnyObject => match cursor.kind()? {
            Kind::Object => cursor.skip_value(),
            kind => scan::not_a_container(checker, cursor, at, kind, "an object"),
        },
        Shape::IntEnum(item) => scan::scan_int_enum(checker, cursor, at, item.name, |code| {
            item.codes
                .iter()
                .any(|&(first, last)| (first..=last).contains(&code))
        }),
        Shape::StrEnum(item) => scan::scan_str_enum(checker, cursor, at, item.name, |value| {
            item.values.contains(&value)
        }),
        Shape::Object(object) => scan_object(object, checker, cursor, at),
        Shape::Array(item) => scan::scan_array(checker, cursor, at, |checker, cursor, at| {
            scan_value(item, checker, cursor, at)
        }),
    }
}

/// Checks the object at the cursor, which is `at`, against `object`.
pub fn scan_object(
    object: &ObjectShape,
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
) -> Result<(), Declined> {
    match cursor.kind()? {
        Kind::Object => {
            cursor.open_object()?;
            scan_members(object, checker, cursor, at)
        }
        kind => scan::not_a_container(checker, cursor, at, kind, "an object"),
    }
}

/// The members of an object whose `{` the cursor has consumed: each checked, repeated ones,
/// unknown ones (closed objects) and missing required ones reported, in document order.
fn scan_members(
    object: &ObjectShape,
    checker: &mut Checker<'_>,
    cursor: &mut Cursor<'_>,
    at: &At<'_>,
) -> Result<(), Declined> {
    let members = object.members;
    let mut seen = Seen::new();
    // Producers write an event's members in one order, most often the catalogue's: the member
    // after the last one found is tried first.
    let mut next = 0;
    let mut first = true;
    while let Some(key) = cursor.next_key(&mut first)? {
        let index = match members.get(next) {
            Some(member) if same_key(member.key.as_bytes(), key) => Some(next),
            _ => members
                .iter()
                .position(|member| same_key(member.key.as_bytes(), key)),
        };
        let Some(index) = index else {
            if object.open {
                cursor.skip_value()?;
            } else {
                let known = members.iter().map(|member| member.key);
                checker.scan_unknown_attribute(cursor, at, key, known, object.owner)?;
            }
            continue;
        };
        let member = &members[index];
        let at = at.key(member.key);
        if seen.insert(index) {
            checker.duplicate_at(&at);
        }
        checker.attribute_since_at(&at, member.since, member.key, object.owner);
        scan_value(&member.shape, checker, cursor, &at)?;
        next = index + 1;
    }
    for (index, member) in members.iter().enumerate() {
        if member.required && !seen.contains(index) {
            checker.missing_attribute_at(at, member.key);
        }
    }
    Ok(())
}

/// The members of one object seen so far, by index: a bit each up to 64, a flag each beyond
/// (no allocation for any object of a real catalogue).
pub(super) enum Seen {
    Bits(u64),
    Flags(Vec<bool>),
}

impl Seen {
    pub(super) fn new() -> Self {
        Seen::Bits(0)
    }

    /// Marks `index` seen; whether it was seen before.
    #[inline(always)]
    pub(super) fn insert(&mut self, index: usize) -> bool {
        match self {
            Seen::Bits(bits) if index < 64 => {
                let bit = 1u64 << index;
                let before = *bits & bit != 0;
                *bits |= bit;
                before
            }
            _ => self.insert_beyond(index),
        }
    }

    #[cold]
    fn insert_beyond(&mut self, index: usize) -> bool {
        if let Seen::Bits(bits) = *self {
            *self = Seen::Flags((0..64).map(|at| bits & (1u64 << at) != 0).collect());
        }
        match self {
            Seen::Flags(flags) => {
                if flags.len() <= index {
                    flags.resize(index + 1, false);
                }
                std::mem::replace(&mut flags[index], true)
            }
            Seen::Bits(_) => false,
        }
    }

    #[inline]
    pub(super) fn contains(&self, index: usize) -> bool {
        match self {
            Seen::Bits(bits) => index < 64 && bits & (1u64 << index) != 0,
            Seen::Flags(flags) => flags.get(index).copied().unwrap_or(false),
        }
    }
}

/// Whether two keys are equal. Keys are short: up to 16 bytes, two overlapping 8-byte loads
/// of each decide, where `==` on slices calls `memcmp` (which took 2 % of a stream's
/// instructions in the interpreter's loop).
#[inline(always)]
pub(crate) fn same_key(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if !(8..=16).contains(&len) {
        return a == b;
    }
    let word = |bytes: &[u8], from: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[from..from + 8]);
        u64::from_ne_bytes(word)
    };
    word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8)
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn seen_members_are_told_apart_below_and_beyond_64() {
        let mut seen = Seen::new();
        let order = [3, 70, 0, 63, 64, 200, 5];
        for index in order {
            assert!(!seen.contains(index), "{index}");
            assert!(!seen.insert(index), "{index}");
        }
        for index in 0..260 {
            assert_eq!(seen.contains(index), order.contains(&index), "{index}");
        }
        for index in order {
            assert!(seen.insert(index), "{index} again");
        }
    }
}
