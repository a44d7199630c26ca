//! What a change says to people: one sentence each.

use std::fmt::Write as _;

use super::{Change, Wire};

impl Change {
    /// One sentence for people: ``attribute `callstate` added to event `voice.hold.done`
    /// (optional)``.
    pub fn message(&self) -> String {
        match self {
            Change::EventAdded { .. }
            | Change::EventRemoved { .. }
            | Change::EventSinceChanged { .. }
            | Change::KnownErrorAdded { .. }
            | Change::KnownErrorRemoved { .. }
            | Change::KnownErrorStatesChanged { .. }
            | Change::FamilyAdded { .. }
            | Change::FamilyRemoved { .. }
            | Change::ActionAdded { .. }
            | Change::ActionRemoved { .. } => self.event_message(),
            Change::AttributeAdded { .. }
            | Change::AttributeRemoved { .. }
            | Change::AttributeTypeChanged { .. }
            | Change::AttributeMadeOptional { .. }
            | Change::AttributeMadeRequired { .. }
            | Change::AttributeSinceChanged { .. }
            | Change::AttributeRustNameChanged { .. }
            | Change::AttributeRoleChanged { .. } => self.attribute_message(),
            Change::EnumAdded { .. }
            | Change::EnumRemoved { .. }
            | Change::EnumRustNameChanged { .. }
            | Change::EnumKindChanged { .. }
            | Change::EnumValueAdded { .. }
            | Change::EnumValueRemoved { .. }
            | Change::EnumValueRenamed { .. }
            | Change::ObjectAdded { .. }
            | Change::ObjectRemoved { .. }
            | Change::ObjectRustNameChanged { .. }
            | Change::ObjectOpennessChanged { .. } => self.type_message(),
            Change::DocsChanged {
                item,
                field,
                old,
                new,
                ..
            } => {
                let what = match (old, new) {
                    (None, Some(_)) => "added",
                    (Some(_), None) => "removed",
                    _ => "changed",
                };
                format!("{} of {item} {what}", field.label())
            }
        }
    }

    /// The message of a change of an event, its known errors, a family or an action.
    fn event_message(&self) -> String {
        match self {
            Change::EventAdded { event, .. } => format!("event `{event}` added"),
            Change::EventRemoved { event, .. } => format!("event `{event}` removed"),
            Change::EventSinceChanged {
                event, old, new, ..
            } => format!(
                "`since` of event `{event}` changed from {} to {}",
                since(old),
                since(new)
            ),
            Change::KnownErrorAdded { event, value, .. } => {
                format!("known error `{value}` added to event `{event}`")
            }
            Change::KnownErrorRemoved { event, value, .. } => {
                format!("known error `{value}` removed from event `{event}`")
            }
            Change::KnownErrorStatesChanged {
                event,
                value,
                old,
                new,
                ..
            } => format!(
                "states of known error `{value}` of event `{event}` changed from [{}] to [{}]",
                old.join(", "),
                new.join(", ")
            ),
            Change::FamilyAdded { family, .. } => format!("family `{family}` added"),
            Change::FamilyRemoved { family, .. } => format!("family `{family}` removed"),
            Change::ActionAdded { family, action, .. } => {
                format!("action `{family}.{action}` added")
            }
            Change::ActionRemoved { family, action, .. } => {
                format!("action `{family}.{action}` removed")
            }
            other => unreachable!(
                "`{}` is not a change of an event, known error, family or action",
                other.kind()
            ),
        }
    }

    /// The message of a change of an attribute, object member or envelope field.
    fn attribute_message(&self) -> String {
        match self {
            Change::AttributeAdded {
                owner,
                attribute,
                required,
                ..
            } => format!(
                "{} ({})",
                owner.moved(attribute, "added to"),
                if *required { "required" } else { "optional" }
            ),
            Change::AttributeRemoved {
                owner,
                attribute,
                required,
                ..
            } => format!(
                "{} (was {})",
                owner.moved(attribute, "removed from"),
                if *required { "required" } else { "optional" }
            ),
            Change::AttributeTypeChanged {
                owner,
                attribute,
                old,
                new,
                ..
            } => format!(
                "type of {} changed from `{old}` to `{new}`",
                owner.of(attribute)
            ),
            Change::AttributeMadeOptional {
                owner, attribute, ..
            } => format!("{} is now optional", owner.of(attribute)),
            Change::AttributeMadeRequired {
                owner, attribute, ..
            } => format!("{} is now required", owner.of(attribute)),
            Change::AttributeSinceChanged {
                owner,
                attribute,
                old,
                new,
                ..
            } => format!(
                "`since` of {} changed from {} to {}",
                owner.of(attribute),
                since(old),
                since(new)
            ),
            Change::AttributeRustNameChanged {
                owner,
                attribute,
                old,
                new,
                ..
            } => format!(
                "Rust field of {} renamed from `{old}` to `{new}`",
                owner.of(attribute)
            ),
            Change::AttributeRoleChanged {
                owner,
                attribute,
                old,
                new,
                ..
            } => format!(
                "role of {} changed from {} to {}",
                owner.of(attribute),
                role(old),
                role(new)
            ),
            other => unreachable!("`{}` is not an attribute change", other.kind()),
        }
    }

    /// The message of a change of an enum, one of its values or an object type.
    fn type_message(&self) -> String {
        match self {
            Change::EnumAdded { enum_name, .. } => format!("enum `{enum_name}` added"),
            Change::EnumRemoved { enum_name, .. } => format!("enum `{enum_name}` removed"),
            Change::EnumRustNameChanged {
                enum_name,
                old,
                new,
                ..
            } => format!("Rust type of enum `{enum_name}` renamed from `{old}` to `{new}`"),
            Change::EnumKindChanged {
                enum_name,
                old,
                new,
                ..
            } => format!("values of enum `{enum_name}` changed from {old}s to {new}s"),
            Change::EnumValueAdded {
                enum_name,
                value,
                name,
                ..
            } => format!(
                "value {} added to enum `{enum_name}`",
                value_label(value, name)
            ),
            Change::EnumValueRemoved {
                enum_name,
                value,
                name,
                ..
            } => format!(
                "value {} removed from enum `{enum_name}`",
                value_label(value, name)
            ),
            Change::EnumValueRenamed {
                enum_name,
                value,
                old_name,
                new_name,
                old_rust_name,
                new_rust_name,
                ..
            } => {
                let mut message = format!("value {value} of enum `{enum_name}`");
                if old_name != new_name {
                    let _ = write!(message, " renamed from `{old_name}` to `{new_name}`");
                }
                if old_rust_name != new_rust_name {
                    let _ = write!(
                        message,
                        "{} Rust variant `{old_rust_name}` is now `{new_rust_name}`",
                        if old_name != new_name { ";" } else { ":" }
                    );
                }
                message
            }
            Change::ObjectAdded { object, .. } => format!("object type `{object}` added"),
            Change::ObjectRemoved { object, .. } => format!("object type `{object}` removed"),
            Change::ObjectRustNameChanged {
                object, old, new, ..
            } => format!("Rust type of object type `{object}` renamed from `{old}` to `{new}`"),
            Change::ObjectOpennessChanged { object, open, .. } => {
                if *open {
                    format!("object type `{object}` is now open: it allows members it does not describe")
                } else {
                    format!("object type `{object}` is now closed: it rejects members it does not describe")
                }
            }
            other => unreachable!(
                "`{}` is not a change of an enum or object type",
                other.kind()
            ),
        }
    }
}

/// A `since` for messages: the version, or `none`.
fn since(version: &Option<String>) -> String {
    version.clone().unwrap_or_else(|| "none".into())
}

/// A role for messages: `` `request-id` ``, or `none`.
fn role(role: &Option<String>) -> String {
    role.as_ref()
        .map_or_else(|| "none".to_owned(), |role| format!("`{role}`"))
}

/// `5 (`CallStateBusy`)` for integer values, `` `routing` `` for string values.
fn value_label(value: &Wire, name: &str) -> String {
    match value {
        Wire::Int(code) => format!("{code} (`{name}`)"),
        Wire::Str(_) => value.to_string(),
    }
}
