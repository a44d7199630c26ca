//! The runtime that generated bindings target: everything the code that
//! `ors_events_codegen::build_script::Builder` writes refers to lives under this path, so that
//! code compiles in any crate that depends on `ors-events`, at its root or inside any module.
//!
//! A crate with a catalogue of its own generates its bindings in `build.rs`:
//!
//! ```no_run
//! // build.rs
//! if let Err(problems) = ors_events_codegen::build_script::Builder::new().spec_dir("spec").run() {
//!     eprintln!("{problems}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! and includes them where it likes: `mod events { include!(concat!(env!("OUT_DIR"),
//! "/rust/mod.rs")); }`. The included code provides the family modules, `Event`, `EventName`,
//! `EventRef` (the borrowed view of an event), `Family`, `Action`, the action marker types,
//! `Envelope`, and `validate` and `validate_lines` for that catalogue; [`Pending`] correlates
//! its requests and results.
//!
//! Generated code reaches serde through [`serde`] and [`serde_json`] here, so the including
//! crate needs no dependency but `ors-events`.

pub use ors_events_core::name_table;
pub use serde;
pub use serde_json;

pub use crate::envelope::{
    decode_event, decode_event_ref, encode_event, from_data, from_json, from_json_ref, parse_name,
    DecodeError, Envelope, Key, UnknownEvent,
};
pub use crate::event_traits::{AttributeInfo, OrsEnum, OrsEvent, UnknownName};
pub use crate::results::{ActionPair, Outcome, Pending};
pub use crate::validate::{
    int_enum, scan_object, scan_value, str_enum, validate_lines_with, validate_value,
    validate_with, AnyObject, Array, At, Bool, Checker, Checks, Cursor, Declined, Int,
    IntEnumShape, MapShape, Member, Object, ObjectShape, Options, Report, Seed, Severity, Shape,
    Str, StrEnumShape, StreamSummary, ValueShape, Violation,
};
pub use crate::version::{Form, OrsVersion};
pub use crate::view::{read_members, read_open_members, ViewKind, ViewMember, ViewSlot};
pub use ors_events_macros::{Event, OrsEnum};

use std::borrow::Cow;

use serde::ser::SerializeMap;

/// Decodes an optional member that is present (generated code names it in `deserialize_with`):
/// `null` is refused, as the JSON Schema and the validator refuse it where a value is expected;
/// an absent member is `None` through `#[serde(default)]`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Decodes a string attribute of a borrowed event view (generated code names it in
/// `deserialize_with`): borrowed from the input when it has no escapes and the input allows it,
/// decoded into its own `String` otherwise.
pub fn borrow_str<'de: 'a, 'a, D>(deserializer: D) -> Result<Cow<'a, str>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    deserializer.deserialize_str(CowStr)
}

/// [`borrow_str`] for an optional attribute, refusing `null` as [`present`] does.
pub fn present_borrowed_str<'de: 'a, 'a, D>(
    deserializer: D,
) -> Result<Option<Cow<'a, str>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    borrow_str(deserializer).map(Some)
}

/// Visits a string as a `Cow`, borrowed when the deserializer lends it.
struct CowStr;

impl<'de> serde::de::Visitor<'de> for CowStr {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text))
    }
}
use serde::Deserializer;

/// What the runtime needs to decode, encode and name the events of one generated catalogue.
/// Generated bindings implement it on their `Catalogue` type.
pub trait Catalogue: 'static {
    /// The catalogue's event names (`EventName`).
    type Name: Copy + Eq + std::fmt::Debug + 'static;
    /// The catalogue's events (`Event`).
    type Event: Clone + PartialEq + std::fmt::Debug;
    /// The catalogue's events as borrowed views of the JSON they were read from (`EventRef`).
    type EventRef<'a>: Clone + PartialEq + std::fmt::Debug;
    /// The catalogue's actions (`Action`).
    type Action: Copy + Eq + std::fmt::Debug + 'static;
    /// The envelope fields besides `name` and `data` (`EnvelopeFields`).
    type Fields: EnvelopeFieldSet;

    /// Every event name, in catalogue order.
    const NAMES: &'static [Self::Name];

    /// The name on the wire.
    fn name_str(name: Self::Name) -> &'static str;

    /// The event with this wire name (case-sensitive).
    fn lookup(name: &str) -> Option<Self::Name>;

    /// The event's name.
    fn event_name(event: &Self::Event) -> Self::Name;

    /// Decodes the `data` of event `name` from `deserializer`.
    fn decode_data<'de, D: Deserializer<'de>>(
        name: Self::Name,
        deserializer: D,
    ) -> Result<Self::Event, D::Error>;

    /// Decodes the `data` of event `name` from `deserializer` into its borrowed view, whose
    /// strings borrow from the deserializer's input where they can.
    fn decode_data_ref<'de, D: Deserializer<'de>>(
        name: Self::Name,
        deserializer: D,
    ) -> Result<Self::EventRef<'de>, D::Error>;

    /// Reads the `data` of event `name` at `cursor` into its borrowed view, declining whatever
    /// the serde decoding must decide (see `view`).
    fn read_data_ref<'de>(
        name: Self::Name,
        cursor: &mut Cursor<'de>,
    ) -> Result<Self::EventRef<'de>, Declined>;

    /// The owned event of a view, every borrowed string copied.
    fn into_owned(event: Self::EventRef<'_>) -> Self::Event;

    /// Writes the `data` entry of the event's envelope into `map`.
    fn serialize_data<M: SerializeMap>(event: &Self::Event, map: &mut M) -> Result<(), M::Error>;

    /// The id of the request the event answers, for result events.
    fn request_id(event: &Self::Event) -> Option<&str>;
}

/// The envelope fields of a catalogue besides `name` and `data`, kept as received.
pub trait EnvelopeFieldSet: Default + Clone + PartialEq + std::fmt::Debug + 'static {
    /// The fields' wire names.
    const NAMES: &'static [&'static str];

    /// Reads the value of field `key` from `map`; `Ok(false)` when `key` is not a field.
    fn visit_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;

    /// Writes the fields that are present into `map`.
    fn serialize_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}
