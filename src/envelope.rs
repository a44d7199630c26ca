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
    let text = crate::json::eligible(bytes);
    // The fastest reading is the view's, made owned; what it declines, serde decodes.
    if let Some(text) = text {
        if let Ok(view) = crate::view::read_event_ref::<C>(text) {
            return Ok(C::into_owned(view));
        }
    }
    json_document::<C, Owned>(bytes, text)
}

/// Decodes an event of catalogue `C` from its envelope's JSON bytes into its borrowed view,
/// whose strings without escapes borrow from `bytes`.
pub fn from_json_ref<C: Catalogue>(bytes: &[u8]) -> Result<C::EventRef<'_>, serde_json::Error> {
    let text = crate::json::eligible(bytes);
    // Matched in place rather than through `Option`: the view is large, and each conversion
    // is a copy of it.
    if let Some(text) = text {
        if let Ok(view) = crate::view::read_event_ref::<C>(text) {
            return Ok(view);
        }
    }
    json_document::<C, Borrowed>(bytes, text)
}

/// Decodes one envelope from JSON bytes (`text` when they are UTF-8) into `K`'s output through
/// serde: first with the fast reader; what it declines, serde_json decodes, and its result
/// counts.
fn json_document<'de, C: Catalogue, K: DataKind<'de, C>>(
    bytes: &'de [u8],
    text: Option<&'de str>,
) -> Result<K::Output, serde_json::Error> {
    if let Some(text) = text {
        let mut scratch = String::new();
        let mut reader = crate::json::Reader::new(text, &mut scratch);
        if let Ok(event) =
            decode::<C, K, _>(&mut reader).and_then(|event| reader.end().map(|()| event))
        {
            return Ok(event);
        }
    }
    // Checking UTF-8 once is cheaper than string by string; invalid bytes are parsed as bytes,
    // so that the error says where.
    match text {
        Some(text) => whole::<C, K, _>(serde_json::Deserializer::from_str(text)),
        None => whole::<C, K, _>(serde_json::Deserializer::from_slice(bytes)),
    }
}

/// Decodes one event and then the end of the input: anything but white space after the event
/// is an error, as the validator reports it (`malformed-json`).
fn whole<'de, C: Catalogue, K: DataKind<'de, C>, R: serde_json::de::Read<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
) -> Result<K::Output, serde_json::Error> {
    let event = decode::<C, K, _>(&mut deserializer)?;
    deserializer.end()?;
    Ok(event)
}

/// Decodes the envelope into `K`'s output, its other fields checked and dropped.
fn decode<'de, C: Catalogue, K: DataKind<'de, C>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<K::Output, D::Error> {
    deserializer
        .deserialize_map(EnvelopeVisitor::<C, K>(PhantomData))
        .map(|(event, _)| event)
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
    decode::<C, Owned, D>(deserializer)
}

/// Decodes the borrowed view of an event of catalogue `C` from its envelope; the envelope
/// fields besides `name` and `data` are checked and dropped, as [`decode_event`] does.
pub fn decode_event_ref<'de, C: Catalogue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<C::EventRef<'de>, D::Error> {
    decode::<C, Borrowed, D>(deserializer)
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

/// What an envelope's `data` decodes into: the catalogue's owned event, or its borrowed view.
trait DataKind<'de, C: Catalogue> {
    /// The decoded event.
    type Output;

    /// Decodes the `data` of event `name`.
    fn decode<D: Deserializer<'de>>(
        name: C::Name,
        deserializer: D,
    ) -> Result<Self::Output, D::Error>;
}

/// Into `C::Event`.
struct Owned;

impl<'de, C: Catalogue> DataKind<'de, C> for Owned {
    type Output = C::Event;

    fn decode<D: Deserializer<'de>>(name: C::Name, deserializer: D) -> Result<C::Event, D::Error> {
        C::decode_data(name, Strict(deserializer))
    }
}

/// Into `C::EventRef`, borrowing from the input.
struct Borrowed;

impl<'de, C: Catalogue> DataKind<'de, C> for Borrowed {
    type Output = C::EventRef<'de>;

    fn decode<D: Deserializer<'de>>(
        name: C::Name,
        deserializer: D,
    ) -> Result<C::EventRef<'de>, D::Error> {
        C::decode_data_ref(name, Strict(deserializer))
    }
}

struct DataSeed<C: Catalogue, K>(C::Name, PhantomData<K>);

impl<'de, C: Catalogue, K: DataKind<'de, C>> DeserializeSeed<'de> for DataSeed<C, K> {
    type Value = K::Output;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Output, D::Error> {
        K::decode(self.0, deserializer)
    }
}

/// Reads an envelope: the event as `K` decodes it, and the other fields.
struct EnvelopeVisitor<C, K>(PhantomData<(C, K)>);

impl<'de, C: Catalogue, K: DataKind<'de, C>> Visitor<'de> for EnvelopeVisitor<C, K> {
    type Value = (K::Output, C::Fields);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event envelope: an object with `name` and `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut name: Option<C::Name> = None;
        let mut event: Option<K::Output> = None;
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
                        Some(name) => {
                            event = Some(map.next_value_seed(DataSeed::<C, K>(name, PhantomData))?);
                        }
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
            // The buffered value is owned: the view's strings are decoded into their own.
            (None, Some(data)) => K::decode(name, data).map_err(de::Error::custom)?,
            (None, None) => return Err(de::Error::missing_field("data")),
        };
        Ok((event, fields))
    }
}

impl<'de, C: Catalogue> Deserialize<'de> for Envelope<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(EnvelopeVisitor::<C, Owned>(PhantomData))
            .map(|(event, fields)| Envelope { event, fields })
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
