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
//! `Family`, `Action`, the action marker types, `Envelope`, and `validate` and `validate_lines`
//! for that catalogue; [`Pending`] correlates its requests and results.
//!
//! Generated code reaches serde through [`serde`] and [`serde_json`] here, so the including
//! crate needs no dependency but `ors-events`.

pub use serde;
pub use serde_json;

pub use crate::envelope::{
    decode_event, encode_event, from_data, from_json, parse_name, DecodeError, Envelope, Key,
    UnknownEvent,
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
pub use ors_events_macros::{Event, OrsEnum};

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
use serde::Deserializer;

/// What the runtime needs to decode, encode and name the events of one generated catalogue.
/// Generated bindings implement it on their `Catalogue` type.
pub trait Catalogue: 'static {
    /// The catalogue's event names (`EventName`).
    type Name: Copy + Eq + std::fmt::Debug + 'static;
    /// The catalogue's events (`Event`).
    type Event: Clone + PartialEq + std::fmt::Debug;
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
