//! The checked catalogue, fully resolved: references followed, versions parsed, names converted.
//! Every emitter reads this and nothing else.

use crate::loader::NodePath;
use crate::version::OrsVersion;

/// Events by wire name.
pub type EventsByName<'a> = std::collections::HashMap<&'a str, &'a Event>;

/// The whole event catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Sources cited by enums, known errors and the envelope.
    pub sources: Vec<Source>,
    /// The SCXML envelope around every event.
    pub envelope: Envelope,
    /// Enums, in spec order.
    pub enums: Vec<Enum>,
    /// Named object types, in spec order.
    pub objects: Vec<ObjectType>,
    /// Families, in the order `catalogue.yaml` gives.
    pub families: Vec<Family>,
    /// Every event: family by family, each family's result pairs (done, then error) and then
    /// its asynchronous events, in spec order.
    pub events: Vec<Event>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it can be found, when it is a file of this workplace.
    pub location: Option<String>,
}

/// The SCXML envelope: `name` and `data`, and these optional fields.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// What it is.
    pub description: String,
    /// Where it is defined.
    pub source: Option<String>,
    /// The optional fields besides `name` and `data`.
    pub fields: Vec<Attribute>,
}

/// A note on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What kind of note.
    pub kind: NoteKind,
    /// The note.
    pub text: String,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteKind {
    /// A flaw of the source page, kept so readers of the page are not misled.
    Quirk,
    /// Advice for applications.
    Usage,
}

impl NoteKind {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Quirk => "quirk",
            NoteKind::Usage => "usage",
        }
    }
}

/// An event family (`interaction`, `voice`, ...).
#[derive(Debug, Clone)]
pub struct Family {
    /// The name prefix, and the Rust module name.
    pub name: String,
    /// Human title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// Its actions, in spec order.
    pub actions: Vec<Action>,
}

/// An action of a family, answered by a done event or an error event.
#[derive(Debug, Clone)]
pub struct Action {
    /// The action (`hold`).
    pub name: String,
    /// Rust name (`Hold`).
    pub rust_name: String,
    /// What it does.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// Name of the done event.
    pub done: String,
    /// Name of the error event.
    pub error: String,
}

/// What role an event plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// Sent on its own.
    Async,
    /// The success result of the named action of the event's family.
    Done {
        /// The action's name.
        action: String,
    },
    /// The failure result of the named action of the event's family.
    Error {
        /// The action's name.
        action: String,
    },
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    /// The wire name (`voice.hold.done`).
    pub name: String,
    /// The family's name.
    pub family: String,
    /// Its role.
    pub kind: EventKind,
    /// Rust type name within the family's module (`HoldDone`).
    pub type_name: String,
    /// Name unique across the catalogue (`VoiceHoldDone`): the `Event` enum's variant and the
    /// schema's `$defs` key.
    pub variant_name: String,
    /// What it means.
    pub description: String,
    /// The first release that sends it.
    pub since: Option<OrsVersion>,
    /// Notes (the action's notes included, for result events).
    pub notes: Vec<Note>,
    /// Its attributes, in spec order.
    pub attributes: Vec<Attribute>,
    /// Known values of `error` (error events only).
    pub known_errors: Vec<KnownError>,
    /// Where it is defined in the spec (its name, or the action's name for result events).
    pub origin: NodePath,
}

impl Event {
    /// The attribute with this wire name.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|attribute| attribute.name == name)
    }

    /// The attribute with this role.
    pub fn attribute_with_role(&self, role: Role) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|attribute| attribute.role == Some(role))
    }
}

/// An attribute of an event, a member of an object type, or an envelope field.
#[derive(Debug, Clone)]
pub struct Attribute {
    /// The wire name.
    pub name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// Its type.
    pub ty: Type,
    /// What it means to tools, if anything special.
    pub role: Option<Role>,
    /// Whether it must be present.
    pub required: bool,
    /// Why it is optional, or why it is required when the spec says so.
    pub presence_reason: Option<String>,
    /// The first release that sends it.
    pub since: Option<OrsVersion>,
    /// What it holds.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// The shared attribute it uses, if any.
    pub shared: Option<String>,
    /// Where it is defined in the spec.
    pub origin: NodePath,
}

/// What an attribute means to tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The id that pairs a result event with its request.
    RequestId,
    /// The interaction the event is about.
    InteractionId,
    /// The error kind of an error event; its known values are the event's known errors.
    Error,
}

impl Role {
    /// Parses the spec's spelling.
    pub fn from_spec(text: &str) -> Option<Role> {
        match text {
            "request-id" => Some(Role::RequestId),
            "interaction-id" => Some(Role::InteractionId),
            "error" => Some(Role::Error),
            _ => None,
        }
    }

    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::RequestId => "request-id",
            Role::InteractionId => "interaction-id",
            Role::Error => "error",
        }
    }
}

/// A resolved type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// A JSON string.
    String,
    /// A JSON integer.
    Integer,
    /// A JSON boolean.
    Boolean,
    /// An open JSON object of implementation data.
    Object,
    /// A JSON array of the element type.
    Array(Box<Type>),
    /// The named enum.
    Enum(String),
    /// The named object type.
    Struct(String),
}

impl Type {
    /// The type as the spec writes it.
    pub fn spec_name(&self) -> String {
        match self {
            Type::String => "string".into(),
            Type::Integer => "integer".into(),
            Type::Boolean => "boolean".into(),
            Type::Object => "object".into(),
            Type::Array(item) => format!("array<{}>", item.spec_name()),
            Type::Enum(name) | Type::Struct(name) => name.clone(),
        }
    }
}

/// A known value of an error event's `error` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownError {
    /// The value, exactly as sent.
    pub value: String,
    /// What it means.
    pub description: String,
    /// The source's id.
    pub source: String,
    /// States ORS appends as `<value>.<state>`.
    pub states: Vec<String>,
    /// Where it is defined in the spec (its value).
    pub origin: NodePath,
}

impl KnownError {
    /// The value and every `<value>.<state>` form, in order.
    pub fn forms(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(self.value.clone()).chain(
            self.states
                .iter()
                .map(|state| format!("{}.{state}", self.value)),
        )
    }
}

/// How an enum's values travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    /// As JSON integers.
    Integer,
    /// As JSON strings.
    String,
}

/// An enum.
#[derive(Debug, Clone)]
pub struct Enum {
    /// The spec's name.
    pub name: String,
    /// The Rust type name and the schema's `$defs` key.
    pub rust_name: String,
    /// Human title.
    pub title: Option<String>,
    /// How values travel.
    pub kind: EnumKind,
    /// What it means.
    pub description: String,
    /// Where its values come from.
    pub source: Option<String>,
    /// Notes.
    pub notes: Vec<Note>,
    /// The values, in spec order.
    pub values: Vec<EnumValue>,
    /// Where it is defined in the spec (its name).
    pub origin: NodePath,
}

/// A value on the wire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum WireValue {
    /// An integer code.
    Int(i64),
    /// A string.
    Str(String),
}

/// One enum value.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// What travels on the wire.
    pub wire: WireValue,
    /// Its name: the page's name for integer codes, the string itself otherwise.
    pub name: String,
    /// The Rust variant name.
    pub rust_name: String,
    /// What it means.
    pub description: Option<String>,
    /// Where it is defined in the spec (its code, or its value for string enums).
    pub origin: NodePath,
}

/// A named object type.
#[derive(Debug, Clone)]
pub struct ObjectType {
    /// The spec's name.
    pub name: String,
    /// The Rust type name and the schema's `$defs` key.
    pub rust_name: String,
    /// Human title.
    pub title: Option<String>,
    /// Whether members not listed are allowed.
    pub open: bool,
    /// What it is.
    pub description: String,
    /// Where it is described.
    pub source: Option<String>,
    /// Its members.
    pub members: Vec<Attribute>,
    /// Where it is defined in the spec (its name).
    pub origin: NodePath,
}

impl Catalogue {
    /// The enum with this spec name.
    pub fn enum_named(&self, name: &str) -> Option<&Enum> {
        self.enums.iter().find(|item| item.name == name)
    }

    /// The object type with this spec name.
    pub fn object_named(&self, name: &str) -> Option<&ObjectType> {
        self.objects.iter().find(|item| item.name == name)
    }

    /// The event with this wire name (a linear search: for many lookups, use
    /// [`Catalogue::events_by_name`]).
    pub fn event_named(&self, name: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.name == name)
    }

    /// Every event by wire name, for emitters that look many up.
    pub fn events_by_name(&self) -> EventsByName<'_> {
        self.events
            .iter()
            .map(|event| (event.name.as_str(), event))
            .collect()
    }

    /// The events of one family, in catalogue order.
    pub fn family_events<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events
            .iter()
            .filter(move |event| event.family == family)
    }

    /// The catalogue as a given release sees it: events, attributes and object members newer
    /// than `version` are left out.
    pub fn at_version(&self, version: &OrsVersion) -> Catalogue {
        let present =
            |since: &Option<OrsVersion>| since.as_ref().is_none_or(|since| since <= version);
        let keep_attributes = |attributes: &[Attribute]| -> Vec<Attribute> {
            attributes
                .iter()
                .filter(|attribute| present(&attribute.since))
                .cloned()
                .collect()
        };
        let mut catalogue = self.clone();
        catalogue.events.retain(|event| present(&event.since));
        for event in &mut catalogue.events {
            event.attributes = keep_attributes(&event.attributes);
        }
        for object in &mut catalogue.objects {
            object.members = keep_attributes(&object.members);
        }
        let names: Vec<String> = catalogue
            .events
            .iter()
            .map(|event| event.name.clone())
            .collect();
        for family in &mut catalogue.families {
            family
                .actions
                .retain(|action| names.contains(&action.done) && names.contains(&action.error));
        }
        catalogue
    }
}
