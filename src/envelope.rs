//! The SCXML envelope around every event: `{"name": ..., "data": {...}, "type"?, "sendid"?, ...}`.
//!
//! Decoding dispatches on `name`: when `name` comes before `data`, as ORS writes it, `data` is
//! decoded straight into its typed struct with nothing buffered; when `data` comes first, it is
//! buffered as a `serde_json::Value` and decoded once `name` is known.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{EnvelopeFields, Event, EventName};

/// One event as ORS delivers it: the typed event and the other envelope fields.
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
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The event, with its typed `data`.
    pub event: Event,
    /// The envelope fields besides `name` and `data`.
    pub fields: EnvelopeFields,
}

impl From<Event> for Envelope {
    fn from(event: Event) -> Self {
        Envelope {
            event,
            fields: EnvelopeFields::default(),
        }
    }
}

/// A name that is not an event of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEvent {
    /// The name that was given.
    pub name: String,
}

impl UnknownEvent {
    /// The closest event name, when one is close enough to suggest.
    pub fn suggestion(&self) -> Option<&'static str> {
        ors_events_core::names::closest(&self.name, EventName::ALL.iter().map(|e| e.as_str()))
    }
}

impl fmt::Display for UnknownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown event `{}`: not in the ORS event catalogue",
            self.name
        )?;
        if let Some(near) = self.suggestion() {
            write!(f, " (did you mean `{near}`?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEvent {}

impl std::str::FromStr for EventName {
    type Err = UnknownEvent;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        EventName::from_name(name).ok_or_else(|| UnknownEvent {
            name: name.to_owned(),
        })
    }
}

impl fmt::Display for EventName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Event {
    /// The event's name on the wire.
    pub fn name(&self) -> &'static str {
        self.event_name().as_str()
    }

    /// The event's family.
    pub fn family(&self) -> crate::Family {
        self.event_name().family()
    }

    /// The first ORS release that sends the event, when the catalogue says.
    pub fn since(&self) -> Option<crate::OrsVersion> {
        self.event_name().since()
    }

    /// Decodes one event envelope from JSON bytes: the fastest way to decode an event. It
    /// checks the bytes' UTF-8 once for the whole document instead of string by string.
    ///
    /// ```
    /// let event = ors_events::Event::from_json(br#"{"name": "interaction.added", "data": {"interactionid": "i"}}"#)?;
    /// assert_eq!(event.interaction_id(), Some("i"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Event, serde_json::Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        }
    }

    /// Decodes the `data` of the event called `name` from a JSON value.
    pub fn from_data(name: &str, data: serde_json::Value) -> Result<Event, DecodeError> {
        let name = name
            .parse::<EventName>()
            .map_err(DecodeError::UnknownEvent)?;
        name.decode_data(data).map_err(DecodeError::Data)
    }
}

/// Why [`Event::from_data`] failed.
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

/// A map key, borrowed from the input when it can be (the validator reads keys with it too).
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

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

/// The value of `name`: an event name of the catalogue, or a clear error naming it.
struct NameSeed;

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = EventName;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<EventName, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for NameSeed {
    type Value = EventName;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<EventName, E> {
        name.parse().map_err(E::custom)
    }
}

/// The value of `data`, once the event's name is known.
struct DataSeed(EventName);

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = Event;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Event, D::Error> {
        self.0.decode_data(deserializer)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ORS event envelope: an object with `name` and `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut name: Option<EventName> = None;
        let mut event: Option<Event> = None;
        let mut buffered: Option<serde_json::Value> = None;
        let mut fields = EnvelopeFields::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "name" => {
                    if name.is_some() {
                        return Err(de::Error::duplicate_field("name"));
                    }
                    name = Some(map.next_value_seed(NameSeed)?);
                }
                "data" => {
                    if event.is_some() || buffered.is_some() {
                        return Err(de::Error::duplicate_field("data"));
                    }
                    match name {
                        Some(name) => event = Some(map.next_value_seed(DataSeed(name))?),
                        None => buffered = Some(map.next_value()?),
                    }
                }
                other => {
                    if !fields.visit_field(other, &mut map)? {
                        return Err(de::Error::custom(format_args!(
                            "unknown envelope field `{other}`, expected `name`, `data` or one of {:?}",
                            EnvelopeFields::NAMES
                        )));
                    }
                }
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field("name"))?;
        let event = match (event, buffered) {
            (Some(event), _) => event,
            (None, Some(data)) => name.decode_data(data).map_err(de::Error::custom)?,
            (None, None) => return Err(de::Error::missing_field("data")),
        };
        Ok(Envelope { event, fields })
    }
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

/// An event decodes from its envelope; the envelope fields besides `name` and `data` are
/// accepted and dropped (decode an [`Envelope`] to keep them).
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Envelope::deserialize(deserializer).map(|envelope| envelope.event)
    }
}

impl Serialize for Envelope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", self.event.name())?;
        self.event.serialize_data(&mut map)?;
        self.fields.serialize_fields(&mut map)?;
        map.end()
    }
}

/// An event encodes as `{"name": ..., "data": {...}}`.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("name", self.name())?;
        self.serialize_data(&mut map)?;
        map.end()
    }
}
