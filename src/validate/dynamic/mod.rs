//! Validation against a catalogue read at run time (`ors-events validate --spec DIR`).
//!
//! Generated bindings check each event with code generated for it; a catalogue that was not
//! compiled in is checked by interpreting a [`DynCatalogue`] instead. Both walk the document
//! with the same [`Checker`], whose methods word every code and message, so a catalogue gives
//! the same verdicts and messages either way (a property test holds the two to it on the
//! built-in catalogue).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::engine::{int_enum, str_enum, Bool, Checker, Int, Str, ValueShape};
use super::reject::reject_other_types;
use super::scan::{At, Cursor, Declined};
use super::Checks;

mod scan;
use crate::envelope::Key;
use crate::OrsVersion;

/// A catalogue as data: its families, events, enums, object types and envelope fields.
#[derive(Debug, Clone, Default)]
pub struct DynCatalogue {
    families: Vec<String>,
    events: Vec<DynEvent>,
    enums: Vec<DynEnum>,
    objects: Vec<DynObject>,
    envelope_fields: Vec<DynAttribute>,
    by_name: HashMap<String, usize>,
}

/// An event of a [`DynCatalogue`].
#[derive(Debug, Clone)]
pub struct DynEvent {
    /// The wire name.
    pub name: String,
    /// Its family's name.
    pub family: String,
    /// The first release that sends it.
    pub since: Option<OrsVersion>,
    /// Its attributes, in catalogue order.
    pub attributes: Vec<DynAttribute>,
}

/// An attribute of an event, a member of an object type, or an envelope field.
#[derive(Debug, Clone)]
pub struct DynAttribute {
    /// The wire name.
    pub name: String,
    /// Its type.
    pub ty: DynType,
    /// Whether it must be present.
    pub required: bool,
    /// The first release that sends it.
    pub since: Option<OrsVersion>,
}

/// The type of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DynType {
    /// A JSON string.
    String,
    /// A JSON integer.
    Integer,
    /// A JSON boolean.
    Boolean,
    /// Any JSON object.
    AnyObject,
    /// A JSON array of the element type.
    Array(Box<DynType>),
    /// A value of the enum at this index of the `enums` given to [`DynCatalogue::new`].
    Enum(usize),
    /// An object of the type at this index of the `objects` given to [`DynCatalogue::new`].
    Object(usize),
}

/// An enum: its name as messages show it, and its values.
#[derive(Debug, Clone)]
pub struct DynEnum {
    /// The name messages use (the generated type's name, `CallState`).
    pub name: String,
    /// Its values.
    pub values: DynValues,
}

/// The values of an enum, as they travel.
#[derive(Debug, Clone)]
pub enum DynValues {
    /// Integer codes.
    Integer(Vec<i64>),
    /// Strings.
    String(Vec<String>),
}

/// A named object type.
#[derive(Debug, Clone)]
pub struct DynObject {
    /// Its spec name (`hints`).
    pub name: String,
    /// Whether members not listed are allowed.
    pub open: bool,
    /// Its members.
    pub members: Vec<DynAttribute>,
}

/// Why a [`DynCatalogue`] cannot be made from the parts given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynCatalogueError(String);

impl fmt::Display for DynCatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DynCatalogueError {}

impl DynCatalogue {
    /// A catalogue of these parts. Every [`DynType::Enum`] and [`DynType::Object`] must name an
    /// index of `enums` and `objects`, and event names must be unique. Its families are those of
    /// its events, in the order they first appear.
    pub fn new(
        events: Vec<DynEvent>,
        enums: Vec<DynEnum>,
        objects: Vec<DynObject>,
        envelope_fields: Vec<DynAttribute>,
    ) -> Result<Self, DynCatalogueError> {
        let catalogue = DynCatalogue::assemble(Vec::new(), events, enums, objects, envelope_fields);
        if catalogue.by_name.len() != catalogue.events.len() {
            return Err(DynCatalogueError("two events have one name".into()));
        }
        let attributes = catalogue
            .events
            .iter()
            .flat_map(|event| &event.attributes)
            .chain(catalogue.objects.iter().flat_map(|object| &object.members))
            .chain(&catalogue.envelope_fields);
        for attribute in attributes {
            catalogue.check_type(&attribute.ty, &attribute.name)?;
        }
        Ok(catalogue)
    }

    /// The catalogue of these parts, indexed, for parts known to be consistent. Its families are
    /// `families`, then those of its events that `families` leaves out.
    pub(super) fn assemble(
        mut families: Vec<String>,
        events: Vec<DynEvent>,
        enums: Vec<DynEnum>,
        objects: Vec<DynObject>,
        envelope_fields: Vec<DynAttribute>,
    ) -> Self {
        for event in &events {
            if !families.contains(&event.family) {
                families.push(event.family.clone());
            }
        }
        DynCatalogue {
            families,
            by_name: events
                .iter()
                .enumerate()
                .map(|(index, event)| (event.name.clone(), index))
                .collect(),
            events,
            enums,
            objects,
            envelope_fields,
        }
    }

    fn check_type(&self, ty: &DynType, attribute: &str) -> Result<(), DynCatalogueError> {
        match ty {
            DynType::Array(item) => self.check_type(item, attribute),
            DynType::Enum(index) if *index >= self.enums.len() => Err(DynCatalogueError(format!(
                "attribute `{attribute}` names enum #{index}, which does not exist"
            ))),
            DynType::Object(index) if *index >= self.objects.len() => Err(DynCatalogueError(
                format!("attribute `{attribute}` names object type #{index}, which does not exist"),
            )),
            _ => Ok(()),
        }
    }

    /// Every family's name (the prefix of its events' names), in catalogue order.
    pub fn families(&self) -> &[String] {
        &self.families
    }

    /// Every event, in catalogue order.
    pub fn events(&self) -> &[DynEvent] {
        &self.events
    }

    /// The event with this wire name.
    pub fn event_named(&self, name: &str) -> Option<&DynEvent> {
        self.by_name.get(name).map(|index| &self.events[*index])
    }

    /// Validates one event envelope (one JSON document) against this catalogue.
    pub fn validate(&self, bytes: &[u8], options: &super::Options) -> super::Report {
        super::validate_with(self, bytes, options)
    }

    fn check_value<'de, D: Deserializer<'de>>(
        &self,
        ty: &DynType,
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        match ty {
            DynType::String => Str::check(checker, deserializer),
            DynType::Integer => Int::check(checker, deserializer),
            DynType::Boolean => Bool::check(checker, deserializer),
            DynType::AnyObject => deserializer.deserialize_any(ObjectVisitor {
                checker,
                catalogue: self,
                members: None,
            }),
            DynType::Array(item) => deserializer.deserialize_any(ArrayVisitor {
                checker,
                catalogue: self,
                item,
            }),
            DynType::Enum(index) => {
                let item = &self.enums[*index];
                match &item.values {
                    DynValues::Integer(codes) => {
                        int_enum(checker, deserializer, &item.name, |code| {
                            codes.contains(&code)
                        })
                    }
                    DynValues::String(values) => {
                        str_enum(checker, deserializer, &item.name, |value| {
                            values.iter().any(|known| known == value)
                        })
                    }
                }
            }
            DynType::Object(index) => {
                let object = &self.objects[*index];
                let members = Members {
                    attributes: &object.members,
                    owner: format!("`{}`", object.name),
                    open: object.open,
                };
                deserializer.deserialize_any(ObjectVisitor {
                    checker,
                    catalogue: self,
                    members: Some(members),
                })
            }
        }
    }
}

impl Checks for DynCatalogue {
    type EventId = usize;

    fn event(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    fn name_of(&self, event: usize) -> Cow<'static, str> {
        Cow::Owned(self.events[event].name.clone())
    }

    fn since(&self, event: usize) -> Option<OrsVersion> {
        self.events[event].since
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.events.iter().map(|event| event.name.as_str())
    }

    fn envelope_field(&self, name: &str) -> Option<usize> {
        self.envelope_fields
            .iter()
            .position(|field| field.name == name)
    }

    fn envelope_field_names(&self) -> impl Iterator<Item = &str> {
        self.envelope_fields.iter().map(|field| field.name.as_str())
    }

    fn check_data<'de, D: Deserializer<'de>>(
        &self,
        event: usize,
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        let event = &self.events[event];
        let members = Members {
            attributes: &event.attributes,
            owner: format!("`{}`", event.name),
            open: false,
        };
        deserializer.deserialize_any(ObjectVisitor {
            checker,
            catalogue: self,
            members: Some(members),
        })
    }

    fn check_envelope_field<'de, D: Deserializer<'de>>(
        &self,
        index: usize,
        checker: &mut Checker<'_>,
        deserializer: D,
    ) -> Result<(), D::Error> {
        match self.envelope_fields.get(index) {
            Some(field) => self.check_value(&field.ty, checker, deserializer),
            None => deserializer.deserialize_ignored_any(IgnoredAny).map(|_| ()),
        }
    }

    fn scan_data(
        &self,
        event: usize,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined> {
        let event = &self.events[event];
        let members = Members {
            attributes: &event.attributes,
            owner: format!("`{}`", event.name),
            open: false,
        };
        self.scan_object(Some(&members), checker, cursor, at)
    }

    fn scan_envelope_field(
        &self,
        index: usize,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined> {
        match self.envelope_fields.get(index) {
            Some(field) => self.scan_value(&field.ty, checker, cursor, at),
            None => cursor.skip_value(),
        }
    }
}

/// The members an object must have: its attributes, its owner as messages name it, and
/// whether members not listed are allowed.
struct Members<'a> {
    attributes: &'a [DynAttribute],
    owner: String,
    open: bool,
}

/// A JSON object: its members checked as the generated checks check them, or (no `members`)
/// any object at all.
struct ObjectVisitor<'c, 'o, 'a> {
    checker: &'c mut Checker<'o>,
    catalogue: &'a DynCatalogue,
    members: Option<Members<'a>>,
}

impl<'de> Visitor<'de> for ObjectVisitor<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (checker, catalogue) = (self.checker, self.catalogue);
        let Some(members) = self.members else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let mut seen = vec![false; members.attributes.len()];
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let found = members
                .attributes
                .iter()
                .position(|attribute| attribute.name == key.as_ref());
            match found {
                Some(index) => {
                    let attribute = &members.attributes[index];
                    let mark = checker.enter(&key);
                    if seen[index] {
                        checker.duplicate();
                    }
                    seen[index] = true;
                    checker.attribute_since(attribute.since, &key, &members.owner);
                    map.next_value_seed(ValueSeed {
                        checker: &mut *checker,
                        catalogue,
                        ty: &attribute.ty,
                    })?;
                    checker.leave(mark);
                }
                None if members.open => {
                    map.next_value::<IgnoredAny>()?;
                }
                None => {
                    let known: Vec<&str> = members
                        .attributes
                        .iter()
                        .map(|attribute| attribute.name.as_str())
                        .collect();
                    checker.unknown_attribute(&key, &known, &members.owner, &mut map)?;
                }
            }
        }
        for (attribute, seen) in members.attributes.iter().zip(seen) {
            if attribute.required && !seen {
                checker.missing_attribute(&attribute.name);
            }
        }
        Ok(())
    }

    reject_other_types!(checker; "an object", (); bool, number, str, unit, seq);
}

/// A JSON array whose items are of type `item`.
struct ArrayVisitor<'c, 'o, 'a> {
    checker: &'c mut Checker<'o>,
    catalogue: &'a DynCatalogue,
    item: &'a DynType,
}

impl<'de> Visitor<'de> for ArrayVisitor<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let mark = self.checker.enter(&index.to_string());
            let more = seq.next_element_seed(ValueSeed {
                checker: &mut *self.checker,
                catalogue: self.catalogue,
                ty: self.item,
            })?;
            self.checker.leave(mark);
            if more.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    reject_other_types!(checker; "an array", (); bool, number, str, unit, map);
}

/// A value of type `ty`.
struct ValueSeed<'c, 'o, 'a> {
    checker: &'c mut Checker<'o>,
    catalogue: &'a DynCatalogue,
    ty: &'a DynType,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.catalogue
            .check_value(self.ty, self.checker, deserializer)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::validate::Options;

    fn catalogue() -> DynCatalogue {
        let attribute = |name: &str, ty: DynType, required: bool| DynAttribute {
            name: name.into(),
            ty,
            required,
            since: None,
        };
        DynCatalogue::new(
            vec![DynEvent {
                name: "queue.submit.done".into(),
                family: "queue".into(),
                since: None,
                attributes: vec![
                    attribute("requestid", DynType::String, true),
                    attribute("priority", DynType::Enum(0), false),
                    attribute(
                        "targets",
                        DynType::Array(Box::new(DynType::Object(0))),
                        false,
                    ),
                ],
            }],
            vec![DynEnum {
                name: "Priority".into(),
                values: DynValues::Integer(vec![1, 2, 5]),
            }],
            vec![DynObject {
                name: "target".into(),
                open: false,
                members: vec![attribute("id", DynType::String, true)],
            }],
            Vec::new(),
        )
        .unwrap()
    }

    #[test]
    fn reports_every_violation_with_its_pointer() {
        let report = catalogue().validate(
            br#"{"name": "queue.submit.done", "data": {"priority": 3, "targets": [{"id": 1}, {"x": "y"}]}}"#,
            &Options::new(),
        );
        let found: Vec<(&str, &str)> = report
            .violations
            .iter()
            .map(|v| (v.pointer.as_str(), v.code))
            .collect();
        assert_eq!(
            found,
            [
                ("/data/priority", "enum-value"),
                ("/data/targets/0/id", "wrong-type"),
                ("/data/targets/1/x", "unknown-attribute"),
                ("/data/targets/1/id", "missing-attribute"),
                ("/data/requestid", "missing-attribute"),
            ]
        );
        assert_eq!(report.event.as_deref(), Some("queue.submit.done"));
    }

    #[test]
    fn families_are_those_of_the_events_in_order() {
        let event = |name: &str, family: &str| DynEvent {
            name: name.into(),
            family: family.into(),
            since: None,
            attributes: Vec::new(),
        };
        let catalogue = DynCatalogue::new(
            vec![event("b.x", "b"), event("a.x", "a"), event("b.y", "b")],
            Vec::new(),
            Vec::new(),
            Vec::new(),
        )
        .unwrap();
        assert_eq!(catalogue.families(), ["b", "a"]);
    }

    #[test]
    fn rejects_dangling_type_references() {
        let err = DynCatalogue::new(
            vec![DynEvent {
                name: "a.b".into(),
                family: "a".into(),
                since: None,
                attributes: vec![DynAttribute {
                    name: "x".into(),
                    ty: DynType::Enum(3),
                    required: true,
                    since: None,
                }],
            }],
            Vec::new(),
            Vec::new(),
            Vec::new(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("enum #3"), "{err}");
    }
}
