//! The checked catalogue, fully resolved: references followed, versions parsed, names computed.
//! Every emitter reads this and nothing else.
//!
//! Items live in arenas on [`Catalogue`] and refer to each other by typed index ([`EnumId`],
//! [`ObjectId`], [`FamilyId`], [`ActionId`], [`EventId`]), never by name: an index is made only
//! by lowering, for an item that exists, so `catalogue[id]` cannot miss. Every Rust identifier
//! the bindings use is computed once by [`crate::naming`] and stored here; emitters never
//! convert case. Every item carries its origin in the spec.

use std::ops::Index;

use crate::diagnostics::Location;
use crate::version::OrsVersion;

/// Where an item is defined in the spec: file, line and column.
pub type Origin = Location;

macro_rules! arena_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            /// The position of the item in its arena.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the item at `index` of its arena; only lowering makes ids.
            pub(crate) fn new(index: usize) -> Self {
                $name(u32::try_from(index).unwrap_or(u32::MAX))
            }
        }
    };
}

arena_id!(
    /// An enum of [`Catalogue::enums`].
    EnumId
);
arena_id!(
    /// A named object type of [`Catalogue::objects`].
    ObjectId
);
arena_id!(
    /// A family of [`Catalogue::families`].
    FamilyId
);
arena_id!(
    /// An action of [`Catalogue::actions`].
    ActionId
);
arena_id!(
    /// An event of [`Catalogue::events`].
    EventId
);

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
    /// Every action, family by family, each family's in spec order.
    pub actions: Vec<Action>,
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
    /// Where it is declared in the spec (its id).
    pub origin: Origin,
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
    /// Where it is described in the spec (its description; the start of the first file when
    /// the spec has no envelope).
    pub origin: Origin,
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
    /// The name prefix of its events.
    pub name: String,
    /// The Rust module of its events and marker types (`voice`).
    pub module: String,
    /// Its variant of the generated `Family` enum (`Voice`).
    pub variant: String,
    /// Human title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// Its actions, in spec order.
    pub actions: Vec<ActionId>,
    /// Its events, in catalogue order.
    pub events: Vec<EventId>,
    /// Where it is defined in the spec (its name).
    pub origin: Origin,
}

/// An action of a family, answered by a done event or an error event.
#[derive(Debug, Clone)]
pub struct Action {
    /// The action (`hold`).
    pub name: String,
    /// Its family.
    pub family: FamilyId,
    /// Its marker type in the family's module (`Hold`).
    pub marker: String,
    /// Its variant of the generated `Action` enum (`VoiceHold`).
    pub variant: String,
    /// What it does.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// The event that reports its success.
    pub done: EventId,
    /// The event that reports its failure.
    pub error: EventId,
    /// Where it is defined in the spec (its name).
    pub origin: Origin,
}

/// What role an event plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Sent on its own.
    Async,
    /// The success result of the action.
    Done(ActionId),
    /// The failure result of the action.
    Error(ActionId),
}

impl EventKind {
    /// The action this event reports on, for result events.
    pub fn action(self) -> Option<ActionId> {
        match self {
            EventKind::Async => None,
            EventKind::Done(action) | EventKind::Error(action) => Some(action),
        }
    }
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    /// The wire name (`voice.hold.done`).
    pub name: String,
    /// Its family.
    pub family: FamilyId,
    /// Its role.
    pub kind: EventKind,
    /// Rust type name within the family's module (`HoldDone`).
    pub type_name: String,
    /// Name unique across the catalogue (`VoiceHoldDone`): the `Event` enum's variant and the
    /// schema's `$defs` key.
    pub variant_name: String,
    /// The validator's check of its `data` (`VoiceHoldDoneCheck`).
    pub check_name: String,
    /// Its borrowed view's type within the family's module (`HoldDoneRef`), when it has a string
    /// attribute to borrow; an event without one is its own view in `EventRef`.
    pub ref_type_name: Option<String>,
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
    pub origin: Origin,
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
    /// The id of the source the presence reason rests on, if it cites one.
    pub presence_source: Option<String>,
    /// Whether the presence reason is the catalogue's own inference.
    pub presence_inferred: bool,
    /// The first release that sends it.
    pub since: Option<OrsVersion>,
    /// What it holds.
    pub description: String,
    /// Notes.
    pub notes: Vec<Note>,
    /// The shared attribute it uses, if any.
    pub shared: Option<String>,
    /// Where it is defined in the spec.
    pub origin: Origin,
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
    /// An open JSON object of implementation data, with no members described.
    AnyObject,
    /// A JSON array of the element type.
    Array(Box<Type>),
    /// A value of the enum.
    Enum(EnumId),
    /// A value of the named object type.
    Object(ObjectId),
}

/// A known value of an error event's `error` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownError {
    /// The value, exactly as sent.
    pub value: String,
    /// What it means.
    pub description: String,
    /// The id of the source that publishes the value, if one does.
    pub source: Option<String>,
    /// Whether `description` is the catalogue's own reading: no source gives the meaning.
    pub inferred: bool,
    /// States ORS appends as `<value>.<state>`.
    pub states: Vec<String>,
    /// Where it is defined in the spec (its value).
    pub origin: Origin,
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
    /// The validator's check of its values (`CallStateCheck`).
    pub check_name: String,
    /// Human title.
    pub title: Option<String>,
    /// How values travel.
    pub kind: EnumKind,
    /// What it means.
    pub description: String,
    /// Where its values come from.
    pub source: Option<String>,
    /// Whether the value set is the catalogue's own inference.
    pub inferred: bool,
    /// Notes.
    pub notes: Vec<Note>,
    /// The values, in spec order.
    pub values: Vec<EnumValue>,
    /// Where it is defined in the spec (its name).
    pub origin: Origin,
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
    /// Whether `description` is the catalogue's own reading, which the enum's source does not
    /// give.
    pub inferred: bool,
    /// Where it is defined in the spec (its code, or its value for string enums).
    pub origin: Origin,
}

/// A named object type.
#[derive(Debug, Clone)]
pub struct ObjectType {
    /// The spec's name.
    pub name: String,
    /// The Rust type name and the schema's `$defs` key.
    pub rust_name: String,
    /// The validator's check of its values (`HintsCheck`).
    pub check_name: String,
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
    pub origin: Origin,
}

impl Catalogue {
    /// Every event with its id, in catalogue order.
    pub fn events(&self) -> impl Iterator<Item = (EventId, &Event)> {
        self.events
            .iter()
            .enumerate()
            .map(|(index, event)| (EventId::new(index), event))
    }

    /// Every family with its id, in catalogue order.
    pub fn families(&self) -> impl Iterator<Item = (FamilyId, &Family)> {
        self.families
            .iter()
            .enumerate()
            .map(|(index, family)| (FamilyId::new(index), family))
    }

    /// Every enum with its id, in spec order.
    pub fn enums(&self) -> impl Iterator<Item = (EnumId, &Enum)> {
        self.enums
            .iter()
            .enumerate()
            .map(|(index, item)| (EnumId::new(index), item))
    }

    /// Every object type with its id, in spec order.
    pub fn objects(&self) -> impl Iterator<Item = (ObjectId, &ObjectType)> {
        self.objects
            .iter()
            .enumerate()
            .map(|(index, item)| (ObjectId::new(index), item))
    }

    /// The events of `family`, in catalogue order.
    pub fn family_events<'a>(&'a self, family: &'a Family) -> impl Iterator<Item = &'a Event> {
        family.events.iter().map(|id| &self[*id])
    }

    /// The actions of `family`, in spec order.
    pub fn family_actions<'a>(&'a self, family: &'a Family) -> impl Iterator<Item = &'a Action> {
        family.actions.iter().map(|id| &self[*id])
    }

    /// The event with this wire name (a linear search).
    pub fn event_named(&self, name: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.name == name)
    }

    /// The enum with this spec name (a linear search).
    pub fn enum_named(&self, name: &str) -> Option<&Enum> {
        self.enums.iter().find(|item| item.name == name)
    }

    /// The object type with this spec name (a linear search).
    pub fn object_named(&self, name: &str) -> Option<&ObjectType> {
        self.objects.iter().find(|item| item.name == name)
    }

    /// The type as the spec writes it (`array<chatmessage>`).
    pub fn type_spec_name(&self, ty: &Type) -> String {
        match ty {
            Type::String => "string".into(),
            Type::Integer => "integer".into(),
            Type::Boolean => "boolean".into(),
            Type::AnyObject => "object".into(),
            Type::Array(item) => format!("array<{}>", self.type_spec_name(item)),
            Type::Enum(id) => self[*id].name.clone(),
            Type::Object(id) => self[*id].name.clone(),
        }
    }

    /// The catalogue as a given release sees it: events, attributes and object members newer
    /// than `version` are left out, and so are actions that lose a side. Ids are renumbered.
    pub fn at_version(&self, version: &OrsVersion) -> Catalogue {
        crate::lower::at_version(self, version)
    }
}

macro_rules! arena_index {
    ($id:ident, $item:ident, $field:ident) => {
        impl Index<$id> for Catalogue {
            type Output = $item;

            fn index(&self, id: $id) -> &$item {
                &self.$field[id.index()]
            }
        }
    };
}

arena_index!(EnumId, Enum, enums);
arena_index!(ObjectId, ObjectType, objects);
arena_index!(FamilyId, Family, families);
arena_index!(ActionId, Action, actions);
arena_index!(EventId, Event, events);
