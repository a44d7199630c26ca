//! What a change is about and where it is: locations, attribute owners, enum values on the wire,
//! documented items and which of their docs changed.

use std::fmt;

use serde::Serialize;

use crate::ir::WireValue;

/// Which side of the comparison a location is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SideName {
    /// The old catalogue (where removed items are).
    Old,
    /// The new catalogue (where added and changed items are).
    New,
}

/// Where a change is: in the new spec for added and changed items, in the old one for removed
/// items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// Which spec.
    pub side: SideName,
    /// The file, as diagnostics name it (`spec/voice.yaml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Located {
    /// ` (old)` for a location in the old spec, else nothing.
    pub fn side_suffix(&self) -> &'static str {
        match self.side {
            SideName::Old => " (old)",
            SideName::New => "",
        }
    }
}

impl fmt::Display for Located {
    /// `spec/voice.yaml:42`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What an attribute belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Owner {
    /// An attribute of an event's `data`.
    Event {
        /// The event's wire name.
        name: String,
    },
    /// A member of a named object type.
    Object {
        /// The object type's spec name.
        name: String,
        /// Whether it allows members it does not describe, on both sides.
        open: bool,
    },
    /// A field of the SCXML envelope.
    Envelope,
}

impl Owner {
    /// `attribute `x` of event `e``, `member `x` of object type `o``, `envelope field `x``.
    pub(super) fn of(&self, attribute: &str) -> String {
        match self {
            Owner::Event { name } => format!("attribute `{attribute}` of event `{name}`"),
            Owner::Object { name, .. } => format!("member `{attribute}` of object type `{name}`"),
            Owner::Envelope => format!("envelope field `{attribute}`"),
        }
    }

    /// `attribute `x` added to event `e``, and so on.
    pub(super) fn moved(&self, attribute: &str, verb: &str) -> String {
        match self {
            Owner::Event { name } => format!("attribute `{attribute}` {verb} event `{name}`"),
            Owner::Object { name, .. } => {
                format!("member `{attribute}` {verb} object type `{name}`")
            }
            Owner::Envelope => format!("envelope field `{attribute}` {verb} the envelope"),
        }
    }
}

/// An enum value on the wire: an integer code or a string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Wire {
    /// An integer code.
    Int(i64),
    /// A string value.
    Str(String),
}

impl From<&WireValue> for Wire {
    fn from(value: &WireValue) -> Self {
        match value {
            WireValue::Int(code) => Wire::Int(*code),
            WireValue::Str(text) => Wire::Str(text.clone()),
        }
    }
}

impl fmt::Display for Wire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wire::Int(code) => write!(f, "{code}"),
            Wire::Str(text) => write!(f, "`{text}`"),
        }
    }
}

/// An item whose documentation changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Item {
    /// The SCXML envelope.
    Envelope,
    /// A family.
    Family {
        /// Its name.
        name: String,
    },
    /// An action of a family.
    Action {
        /// The family's name.
        family: String,
        /// The action's name.
        name: String,
    },
    /// An event.
    Event {
        /// Its wire name.
        name: String,
    },
    /// An attribute, object member or envelope field.
    Attribute {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        name: String,
    },
    /// An enum.
    Enum {
        /// Its spec name.
        name: String,
    },
    /// A value of an enum.
    EnumValue {
        /// The enum's spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The value on the wire.
        value: Wire,
    },
    /// A named object type.
    Object {
        /// Its spec name.
        name: String,
    },
    /// A known value of an error event's `error` attribute.
    KnownError {
        /// The error event's wire name.
        event: String,
        /// The value.
        value: String,
    },
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Envelope => f.write_str("the envelope"),
            Item::Family { name } => write!(f, "family `{name}`"),
            Item::Action { family, name } => write!(f, "action `{family}.{name}`"),
            Item::Event { name } => write!(f, "event `{name}`"),
            Item::Attribute { owner, name } => f.write_str(&owner.of(name)),
            Item::Enum { name } => write!(f, "enum `{name}`"),
            Item::EnumValue { enum_name, value } => {
                write!(f, "value {value} of enum `{enum_name}`")
            }
            Item::Object { name } => write!(f, "object type `{name}`"),
            Item::KnownError { event, value } => {
                write!(f, "known error `{value}` of event `{event}`")
            }
        }
    }
}

/// Which piece of documentation changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocField {
    /// The description.
    Description,
    /// The human title.
    Title,
    /// The notes (quirks and usage advice).
    Notes,
    /// Why an attribute is optional, or why it is required.
    PresenceReason,
    /// The cited source.
    Source,
}

impl DocField {
    /// For messages: `description`, `presence reason`, ...
    pub(super) fn label(self) -> &'static str {
        match self {
            DocField::Description => "description",
            DocField::Title => "title",
            DocField::Notes => "notes",
            DocField::PresenceReason => "presence reason",
            DocField::Source => "source",
        }
    }
}
