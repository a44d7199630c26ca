//! The envelope around every event: `name`, `data` and the other envelope fields, checked for
//! any catalogue through [`Checks`].

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::engine::{scalar, Checker, Scalar};
use super::reject::reject_other_types;
use super::{Checks, ViolationCode};
use crate::envelope::Key;

/// The whole envelope.
pub(super) struct EnvelopeSeed<'c, 'o, 's, S>(pub(super) &'c mut Checker<'o>, pub(super) &'s S);

impl<'de, S: Checks> DeserializeSeed<'de> for EnvelopeSeed<'_, '_, '_, S> {
    type Value = Option<S::EventId>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<S::EventId>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// What `name` held.
enum NameValue<E> {
    Known(E),
    /// Not a string, or not an event of the catalogue: already reported.
    Bad,
}

struct NameSeed<'c, 'o, 's, S>(&'c mut Checker<'o>, &'s S);

impl<'de, S: Checks> DeserializeSeed<'de> for NameSeed<'_, '_, '_, S> {
    type Value = NameValue<S::EventId>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<NameValue<S::EventId>, D::Error> {
        let checks = self.1;
        let mut name = NameValue::Bad;
        scalar(self.0, deserializer, "a string", |checker, value| {
            let Scalar::Str(text) = value else {
                return false;
            };
            match checks.event(text) {
                Some(known) => {
                    checker.since(checks.since(known), format_args!("event `{text}`"));
                    name = NameValue::Known(known);
                }
                None => {
                    let message = super::messages::unknown_event_message(text, checks.names());
                    checker.report(ViolationCode::UnknownEvent, message);
                }
            }
            true
        })?;
        Ok(name)
    }
}

impl<'de, S: Checks> Visitor<'de> for EnvelopeSeed<'_, '_, '_, S> {
    type Value = Option<S::EventId>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<S::EventId>, A::Error> {
        let (checker, checks) = (self.0, self.1);
        let mut name: Option<NameValue<S::EventId>> = None;
        let mut data_seen = false;
        // `data` met before `name`: its bytes, checked once the name is known.
        let mut pending: Option<&'de serde_json::value::RawValue> = None;
        // Indexes of the envelope fields seen: few, and none in most events.
        let mut fields_seen: Vec<usize> = Vec::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "name" => {
                    let mark = checker.enter("name");
                    if name.is_some() {
                        checker.duplicate();
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        name = Some(map.next_value_seed(NameSeed(checker, checks))?);
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
                                map.next_value_seed(DataSeed(checker, checks, *event))?;
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
                other => match checks.envelope_field(other) {
                    Some(index) if fields_seen.contains(&index) => {
                        let mark = checker.enter(other);
                        checker.duplicate();
                        checker.leave(mark);
                        map.next_value::<IgnoredAny>()?;
                    }
                    Some(index) => {
                        fields_seen.push(index);
                        let mark = checker.enter(other);
                        map.next_value_seed(EnvelopeFieldSeed(checker, checks, index))?;
                        checker.leave(mark);
                    }
                    None => {
                        let mut known = vec!["name", "data"];
                        known.extend(checks.envelope_field_names());
                        checker.unknown_member(
                            other,
                            &known,
                            ViolationCode::UnknownField,
                            format_args!("an envelope field"),
                            &mut map,
                        )?;
                    }
                },
            }
        }
        match &name {
            None => checker.missing(ViolationCode::MissingField, "name", "envelope field"),
            Some(NameValue::Known(event)) => {
                if let Some(raw) = pending {
                    let mark = checker.enter("data");
                    let mut inner = serde_json::Deserializer::from_str(raw.get());
                    DataSeed(checker, checks, *event)
                        .deserialize(&mut inner)
                        .map_err(de::Error::custom)?;
                    checker.leave(mark);
                }
            }
            Some(NameValue::Bad) => {}
        }
        if !data_seen {
            checker.missing(ViolationCode::MissingField, "data", "envelope field");
        }
        Ok(match name {
            Some(NameValue::Known(event)) => Some(event),
            _ => None,
        })
    }

    reject_other_types!(0; "an object", None; bool, number, str, unit, seq);
}

/// The `data` of a known event: the catalogue's check of it.
struct DataSeed<'c, 'o, 's, S: Checks>(&'c mut Checker<'o>, &'s S, S::EventId);

impl<'de, S: Checks> DeserializeSeed<'de> for DataSeed<'_, '_, '_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.1.check_data(self.2, self.0, deserializer)
    }
}

/// An envelope field besides `name` and `data`: the catalogue's check of it.
struct EnvelopeFieldSeed<'c, 'o, 's, S>(&'c mut Checker<'o>, &'s S, usize);

impl<'de, S: Checks> DeserializeSeed<'de> for EnvelopeFieldSeed<'_, '_, '_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.1.check_envelope_field(self.2, self.0, deserializer)
    }
}
