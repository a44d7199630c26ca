//! The SCXML envelope around every event: `{"name": ..., "data": {...}, "type"?, "sendid"?, ...}`,
//! decoded and encoded for any generated catalogue ([`Catalogue`]).
//!
//! Decoding dispatches on `name`: when `name` comes before `data`, as ORS writes it, `data` is
//! decoded straight into its typed struct with nothing buffered; when `data` comes first, it is
//! buffered as a `serde_json::Value` and decoded once `name` is known. Either way `data`, and
//! every object in it, must be a JSON object: serde would also fill a struct from an array.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::runtime::{Catalogue, EnvelopeFieldSet};
use crate::strict::Strict;

/// One event as ORS delivers it: the typed event and the other envelope fields.
///
/// Generated bindings name it for their catalogue (`pub type Envelope = ...`).
///
/// ```
/// use ors_events::{Envelope, Event};
///
/// let json = r#"{"name": "voice.hold.done", "type": "platform",
///                "data": {"requestid": "r-1", "interactionid": "ix-9"}}"#;
/// let envelope: Envelope = serde_json::from_str(json)?;
/// assert_eq!(envelope.event.name(), "voice.hold.done");
/// assert_eq!(envelope.event.request_id(), Some("r-1"));
/// assert_eq!(envelope.fields.event_type.as_ref().map(|t| t.as_str()), Some("platform"));
/// // Encoding writes back what was read.
/// let again: serde_json::Value = serde_json::to_value(&envelope)?;
/// assert_eq!(again, serde_json::from_str::<serde_json::Value>(json)?);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct Envelope<C: Catalogue> {
    /// The event, with its typed `data`.
    pub event: C::Event,
    /// The envelope fields besides `name` and `data`.
    pub fields: C::Fields,
}

impl<C: Catalogue> fmt::Debug for Envelope<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope")
            .field("event", &self.event)
            .field("fields", &self.fields)
            .finish()
    }
}

impl<C: Catalogue> Clone for Envelope<C> {
    fn clone(&self) -> Self {
        Envelope {
            event: self.event.clone(),
            fields: self.fields.clone(),
        }
    }
}

impl<C: Catalogue> PartialEq for Envelope<C> {
    fn eq(&self, other: &Self) -> bool {
        self.event == other.event && self.fields == other.fields
    }
}

impl<C: Catalogue> Envelope<C> {
    /// An envelope around `event`, with no other field.
    pub fn new(event: C::Event) -> Self {
        Envelope {
            event,
            fields: C::Fields::default(),
        }
    }
}

/// A name that is not an event of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEvent {
    /// The name that was given.
    pub name: String,
    /// The closest event name of the catalogue, when one is close enough to suggest.
    pub suggestion: Option<&'static str>,
}

impl UnknownEvent {
    /// `name` is not an event of catalogue `C`.
    pub fn of<C: Catalogue>(name: &str) -> Self {
        UnknownEvent {
            name: name.to_owned(),
            suggestion: crate::names::closest(name, C::NAMES.iter().map(|n| C::name_str(*n))),
        }
    }
}

impl fmt::Display for UnknownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown event `{}`: not in the event catalogue",
            self.name
        )?;
        if let Some(near) = self.suggestion {
            write!(f, " (did you mean `{near}`?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEvent {}

/// Why [`from_data`] failed.
#[derive(Debug)]
pub enum DecodeError {
    /// The name is not an event of the catalogue.
    UnknownEvent(UnknownEvent),
    /// The data does not fit the event.
    Data(serde_json::Error),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::UnknownEvent(err) => err.fmt(f),
            DecodeError::Data(err) => write!(f, "invalid data: {err}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The event named `name` of catalogue `C`.
pub fn parse_name<C: Catalogue>(name: &str) -> Result<C::Name, UnknownEvent> {
    C::lookup(name).ok_or_else(|| UnknownEvent::of::<C>(name))
}

/// Decodes an event of catalogue `C` from its envelope's JSON bytes, which hold that envelope
/// and nothing else but white space.
pub fn from_json<C: Catalogue>(bytes: &[u8]) -> Result<C::Event, serde_json::Error> {
    // The fast path; what it declines, serde_json decodes, and its result counts.
    if let Some(text) = crate::json::eligible(bytes) {
        let mut scratch = String::new();
        let mut reader = crate::json::Reader::new(text, &mut scratch);
        if let Ok(event) =
            decode_event::<C, _>(&mut reader).and_then(|event| reader.end().map(|()| event))
        {
            return Ok(event);
        }
    }
    // Checking UTF-8 once is cheaper than string by string; invalid bytes are parsed as bytes,
    // so that the error says where.
    match std::str::from_utf8(bytes) {
        Ok(text) => whole::<C, _>(serde_json::Deserializer::from_str(text)),
        Err(_) => whole::<C, _>(serde_json::Deserializer::from_slice(bytes)),
    }
}

/// Decodes one event and then the end of the input: anything but white space after the event
/// is an error, as the validator reports it (`malformed-json`).
fn whole<'de, C: Catalogue, R: serde_json::de::Read<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
) -> Result<C::Event, serde_json::Error> {
    let event = decode_event::<C, _>(&mut deserializer)?;
    deserializer.end()?;
    Ok(event)
}

/// Decodes the event `name` of catalogue `C` from its `data` alone.
pub fn from_data<C: Catalogue>(
    name: &str,
    data: serde_json::Value,
) -> Result<C::Event, DecodeError> {
    let name = parse_name::<C>(name).map_err(DecodeError::UnknownEvent)?;
    C::decode_data(name, Strict(data)).map_err(DecodeError::Data)
}

/// Decodes an event of catalogue `C` from its envelope; the envelope fields besides `name` and
/// `data` are accepted and dropped (decode an [`Envelope`] to keep them).
pub fn decode_event<'de, C: Catalogue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<C::Event, D::Error> {
    Envelope::<C>::deserialize(deserializer).map(|envelope| envelope.event)
}

/// Encodes an event of catalogue `C` as `{"name": ..., "data": {...}}`.
pub fn encode_event<C: Catalogue, S: Serializer>(
    event: &C::Event,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(2))?;
    map.serialize_entry("name", C::name_str(C::event_name(event)))?;
    C::serialize_data(event, &mut map)?;
    map.end()
}

/// A member name, borrowed from the input when it can be.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }

            fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

struct NameSeed<C>(PhantomData<C>);

impl<'de, C: Catalogue> DeserializeSeed<'de> for NameSeed<C> {
    type Value = C::Name;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<C::Name, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<C: Catalogue> Visitor<'_> for NameSeed<C> {
    type Value = C::Name;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<C::Name, E> {
        parse_name::<C>(name).map_err(E::custom)
    }
}

struct DataSeed<C: Catalogue>(C::Name);

impl<'de, C: Catalogue> DeserializeSeed<'de> for DataSeed<C> {
    type Value = C::Event;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<C::Event, D::Error> {
        C::decode_data(self.0, Strict(deserializer))
    }
}

struct EnvelopeVisitor<C>(PhantomData<C>);

impl<'de, C: Catalogue> Visitor<'de> for EnvelopeVisitor<C> {
    type Value = Envelope<C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event envelope: an object with `name` and `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope<C>, A::Error> {
        let mut name: Option<C::Name> = None;
        let mut event: Option<C::Event> = None;
        let mut buffered: Option<serde_json::Value> = None;
        let mut fields = C::Fields::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "name" => {
                    if name.is_some() {
                        return Err(de::Error::duplicate_field("name"));
                    }
                    name = Some(map.next_value_seed(NameSeed::<C>(PhantomData))?);
                }
                "data" => {
                    if event.is_some() || buffered.is_some() {
                        return Err(de::Error::duplicate_field("data"));
                    }
                    match name {
                        Some(name) => event = Some(map.next_value_seed(DataSeed::<C>(name))?),
                        None => buffered = Some(map.next_value()?),
                    }
                }
                other => {
                    if !fields.visit_field(other, &mut map)? {
                        return Err(de::Error::custom(format_args!(
                            "unknown envelope field `{other}`, expected `name`, `data` or one of {:?}",
                            C::Fields::NAMES
                        )));
                    }
                }
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field("name"))?;
        let event = match (event, buffered) {
            (Some(event), _) => event,
            (None, Some(data)) => C::decode_data(name, Strict(data)).map_err(de::Error::custom)?,
            (None, None) => return Err(de::Error::missing_field("data")),
        };
        Ok(Envelope { event, fields })
    }
}

impl<'de, C: Catalogue> Deserialize<'de> for Envelope<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor::<C>(PhantomData))
    }
}

impl<C: Catalogue> Serialize for Envelope<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", C::name_str(C::event_name(&self.event)))?;
        C::serialize_data(&self.event, &mut map)?;
        self.fields.serialize_fields(&mut map)?;
        map.end()
    }
}
