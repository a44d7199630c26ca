//! The validator engine: a [`Checker`] collects violations while checks walk a document, and
//! value and object checks ([`ValueShape`], [`MapShape`]) plug into it. Generated bindings
//! implement those traits per event, enum and object type. Every code and message is written
//! by the checker's methods, so every catalogue's checks word them alike.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::reject::reject_other_types;
use super::{messages, Options, Violation, ViolationCode};
use crate::OrsVersion;

/// Collects violations while the generated checks walk a document.
pub struct Checker<'o> {
    pub(super) options: &'o Options,
    pub(super) pointer: String,
    pub(super) violations: Vec<Violation>,
}

impl<'o> Checker<'o> {
    pub(super) fn new(options: &'o Options, pointer: String) -> Self {
        Checker {
            options,
            pointer,
            violations: Vec::new(),
        }
    }

    /// Descends into member `key`; returns the pointer's length to restore with [`Checker::leave`].
    // Inlined, so that the escaping test folds away for the generated checks' literal keys.
    #[inline(always)]
    pub fn enter(&mut self, key: &str) -> usize {
        let mark = self.pointer.len();
        self.pointer.push('/');
        if key.bytes().any(|byte| byte == b'~' || byte == b'/') {
            messages::push_escaped(&mut self.pointer, key);
        } else {
            self.pointer.push_str(key);
        }
        mark
    }

    /// Returns to the pointer before [`Checker::enter`].
    #[inline(always)]
    pub fn leave(&mut self, mark: usize) {
        self.pointer.truncate(mark);
    }

    /// A violation of `code` at the current pointer, with the severity the registry gives the
    /// code under the options (unknown names are warnings in lenient mode).
    pub fn report(&mut self, code: ViolationCode, message: String) {
        let pointer = self.pointer.clone();
        self.push(pointer, code, message);
    }

    pub(super) fn push(&mut self, pointer: String, code: ViolationCode, message: String) {
        self.violations.push(Violation {
            pointer,
            code: code.as_str(),
            message,
            severity: code.severity(self.options.lenient),
        });
    }

    /// Reports `what` when it is newer than the target release.
    pub fn since(&mut self, since: Option<OrsVersion>, what: fmt::Arguments<'_>) {
        if let Some(message) = self.newer(since, what) {
            self.report(ViolationCode::NotInVersion, message);
        }
    }

    /// The message for `what` when it is newer than the target release.
    pub(super) fn newer(
        &self,
        since: Option<OrsVersion>,
        what: fmt::Arguments<'_>,
    ) -> Option<String> {
        match (since, self.options.ors_version) {
            (Some(since), Some(target)) if since > target => Some(format!(
                "{what} exists since ORS {since}, after the target release {target}"
            )),
            _ => None,
        }
    }

    /// A required member that is absent; reported at the member's pointer.
    pub fn missing(&mut self, code: ViolationCode, key: &str, what: &str) {
        let mark = self.enter(key);
        self.report(code, messages::missing_message(what, key));
        self.leave(mark);
    }

    /// The member at the current pointer was seen before in its object.
    pub fn duplicate(&mut self) {
        let key = self
            .pointer
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace("~1", "/")
            .replace("~0", "~");
        self.report(
            ViolationCode::DuplicateKey,
            messages::duplicate_message(&key),
        );
    }

    /// A member the object does not have: reported, and its value skipped.
    pub fn unknown_member<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        known: &[&str],
        code: ViolationCode,
        what: fmt::Arguments<'_>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match what.as_str() {
            Some(what) => self.unknown(key, known, code, &[what], map),
            None => self.unknown(key, known, code, &[&what.to_string()], map),
        }
    }

    /// [`Checker::unknown_member`] with the description in pieces: messages are concatenated
    /// rather than formatted, as invalid lines should cost little more than valid ones.
    fn unknown<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        known: &[&str],
        code: ViolationCode,
        what: &[&str],
        map: &mut A,
    ) -> Result<(), A::Error> {
        let mark = self.enter(key);
        self.report(
            code,
            messages::unknown_message(key, known.iter().copied(), what),
        );
        map.next_value::<IgnoredAny>()?;
        self.leave(mark);
        Ok(())
    }

    /// Reports attribute `key` of `owner` (an event or object type, quoted) when it is newer
    /// than the target release.
    pub fn attribute_since(&mut self, since: Option<OrsVersion>, key: &str, owner: &str) {
        if since.is_some() {
            self.since(since, format_args!("attribute `{key}` of {owner}"));
        }
    }

    /// The required attribute `key` is absent.
    pub fn missing_attribute(&mut self, key: &str) {
        self.missing(ViolationCode::MissingAttribute, key, "required attribute");
    }

    /// `key` is not an attribute of `owner` (an event or closed object type, quoted), whose
    /// attributes are `known`: reported, and its value skipped.
    pub fn unknown_attribute<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        known: &[&str],
        owner: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.unknown(
            key,
            known,
            ViolationCode::UnknownAttribute,
            &["an attribute of ", owner],
            map,
        )
    }

    /// Skips a value of the wrong JSON type and reports it.
    pub(super) fn wrong_type(&mut self, expected: &str, found: &str) {
        self.report(
            ViolationCode::WrongType,
            messages::wrong_type_message(expected, found),
        );
    }
}

/// A check of one JSON value, generated per type of the catalogue or built in.
pub trait ValueShape {
    /// Checks the value `deserializer` holds, reporting into `checker`.
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error>;
}

/// A check of the members of one JSON object, generated per event and object type.
pub trait MapShape {
    /// Checks every member of `map`.
    fn check_map<'de, A: MapAccess<'de>>(checker: &mut Checker<'_>, map: A)
        -> Result<(), A::Error>;
}

/// The seed that runs `T`'s check on a value of a map or sequence.
pub struct Seed<'c, 'o, T>(&'c mut Checker<'o>, PhantomData<T>);

impl<'c, 'o, T> Seed<'c, 'o, T> {
    /// A seed for `checker`.
    pub fn new(checker: &'c mut Checker<'o>) -> Self {
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
pub(super) struct Found<'c, 'o, F> {
    checker: &'c mut Checker<'o>,
    expected: &'static str,
    accept: F,
}

/// What [`Found`] accepts: the value, if it is of the expected type.
pub(super) enum Scalar<'a> {
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

pub(super) fn scalar<'de, D: Deserializer<'de>>(
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
pub struct Str;

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
pub struct Int;

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
pub struct Bool;

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
pub fn int_enum<'de, D: Deserializer<'de>>(
    checker: &mut Checker<'_>,
    deserializer: D,
    name: &str,
    known: impl FnOnce(i64) -> bool,
) -> Result<(), D::Error> {
    scalar(
        checker,
        deserializer,
        "an integer",
        |checker, value| match value {
            Scalar::Int(code) => {
                if !known(code) {
                    checker.report(
                        ViolationCode::EnumValue,
                        messages::int_enum_message(code, name),
                    );
                }
                true
            }
            Scalar::OtherNumber(n) if n.fract() == 0.0 => {
                checker.report(
                    ViolationCode::EnumValue,
                    messages::int_enum_message(n, name),
                );
                true
            }
            _ => false,
        },
    )
}

/// A string-coded enum.
pub fn str_enum<'de, D: Deserializer<'de>>(
    checker: &mut Checker<'_>,
    deserializer: D,
    name: &str,
    known: impl FnOnce(&str) -> bool,
) -> Result<(), D::Error> {
    scalar(
        checker,
        deserializer,
        "a string",
        |checker, value| match value {
            Scalar::Str(text) => {
                if !known(text) {
                    checker.report(
                        ViolationCode::EnumValue,
                        messages::str_enum_message(text, name),
                    );
                }
                true
            }
            _ => false,
        },
    )
}

/// Any JSON object (open implementation data): its content is not checked.
pub struct AnyObject;

impl MapShape for AnyObject {
    fn check_map<'de, A: MapAccess<'de>>(_: &mut Checker<'_>, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// A JSON object whose members `M` checks.
pub struct Object<M>(PhantomData<M>);

impl<M: MapShape> ValueShape for Object<M> {
    fn check<'de, D: Deserializer<'de>>(
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_any(ObjectVisitor::<M>(checker, PhantomData))
    }
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

    reject_other_types!(0; "an object", (); bool, number, str, unit, seq);
}

/// A JSON array whose items `T` checks.
pub struct Array<T>(PhantomData<T>);

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

    reject_other_types!(0; "an array", (); bool, number, str, unit, map);
}

/// An array item: `T`'s check, yielding `()` per item so the sequence can end.
struct OptionalSeed<'c, 'o, T>(&'c mut Checker<'o>, PhantomData<T>);

impl<'de, T: ValueShape> DeserializeSeed<'de> for OptionalSeed<'_, '_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::check(self.0, deserializer)
    }
}
