//! The change model: one [`Change`] per difference a consumer can see, with what it breaks and
//! where it is.

use serde::Serialize;

use super::{Category, DocField, Item, Located, Owner, Wire};

/// One difference between two catalogues that a consumer can see. Serialized with its kind in
/// `kind` (`attribute-added`); [`Change::rule`] says what it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// A new event.
    EventAdded {
        /// Its wire name.
        event: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An event that is gone.
    EventRemoved {
        /// Its wire name.
        event: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// The first release that sends an event changed.
    EventSinceChanged {
        /// Its wire name.
        event: String,
        /// The old `since`, if any.
        old: Option<String>,
        /// The new `since`, if any.
        new: Option<String>,
        /// Where the event is defined in the new spec.
        location: Located,
    },
    /// A new attribute, object member or envelope field.
    AttributeAdded {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// Whether it is required.
        required: bool,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An attribute, object member or envelope field that is gone.
    AttributeRemoved {
        /// What it belonged to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// Whether it was required.
        required: bool,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// An attribute's type changed.
    AttributeTypeChanged {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// The old type, as the spec writes it.
        old: String,
        /// The new type, as the spec writes it.
        new: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A required attribute became optional.
    AttributeMadeOptional {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An optional attribute became required.
    AttributeMadeRequired {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// The first release that sends an attribute changed.
    AttributeSinceChanged {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// The old `since`, if any.
        old: Option<String>,
        /// The new `since`, if any.
        new: Option<String>,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An attribute's Rust field name changed; its wire name did not.
    AttributeRustNameChanged {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// The old field name.
        old: String,
        /// The new field name.
        new: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An attribute's role (`request-id`, `interaction-id`, `error`) changed.
    AttributeRoleChanged {
        /// What it belongs to.
        owner: Owner,
        /// Its wire name.
        attribute: String,
        /// The old role, if any.
        old: Option<String>,
        /// The new role, if any.
        new: Option<String>,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A new enum.
    EnumAdded {
        /// Its spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An enum that is gone.
    EnumRemoved {
        /// Its spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// An enum's Rust type name (and schema `$defs` key) changed.
    EnumRustNameChanged {
        /// Its spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The old Rust name.
        old: String,
        /// The new Rust name.
        new: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An enum's values changed from integers to strings, or the reverse.
    EnumKindChanged {
        /// Its spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The old kind: `integer` or `string`.
        old: String,
        /// The new kind.
        new: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A new value of an enum.
    EnumValueAdded {
        /// The enum's spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The value on the wire.
        value: Wire,
        /// Its name.
        name: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A value of an enum that is gone.
    EnumValueRemoved {
        /// The enum's spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The value on the wire.
        value: Wire,
        /// Its name.
        name: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// The same code (or string) has a new name or a new Rust variant name.
    EnumValueRenamed {
        /// The enum's spec name.
        #[serde(rename = "enum")]
        enum_name: String,
        /// The value on the wire.
        value: Wire,
        /// The old name.
        old_name: String,
        /// The new name.
        new_name: String,
        /// The old Rust variant name.
        old_rust_name: String,
        /// The new Rust variant name.
        new_rust_name: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A new named object type.
    ObjectAdded {
        /// Its spec name.
        object: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A named object type that is gone.
    ObjectRemoved {
        /// Its spec name.
        object: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// An object type's Rust type name (and schema `$defs` key) changed.
    ObjectRustNameChanged {
        /// Its spec name.
        object: String,
        /// The old Rust name.
        old: String,
        /// The new Rust name.
        new: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An object type now allows undescribed members, or no longer does.
    ObjectOpennessChanged {
        /// Its spec name.
        object: String,
        /// Whether it is open now.
        open: bool,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A new known value of an error event's `error` attribute.
    KnownErrorAdded {
        /// The error event's wire name.
        event: String,
        /// The value.
        value: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A known `error` value that is no longer listed.
    KnownErrorRemoved {
        /// The error event's wire name.
        event: String,
        /// The value.
        value: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// The states ORS appends to a known `error` value changed.
    KnownErrorStatesChanged {
        /// The error event's wire name.
        event: String,
        /// The value.
        value: String,
        /// The old states.
        old: Vec<String>,
        /// The new states.
        new: Vec<String>,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A new family.
    FamilyAdded {
        /// Its name.
        family: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// A family that is gone.
    FamilyRemoved {
        /// Its name.
        family: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// A new action of a family that exists on both sides.
    ActionAdded {
        /// The family's name.
        family: String,
        /// The action's name.
        action: String,
        /// Where it is defined in the new spec.
        location: Located,
    },
    /// An action that is gone from a family that exists on both sides.
    ActionRemoved {
        /// The family's name.
        family: String,
        /// The action's name.
        action: String,
        /// Where it was defined in the old spec.
        location: Located,
    },
    /// A description, title, notes, presence reason or cited source changed.
    DocsChanged {
        /// Whose.
        item: Item,
        /// Which.
        field: DocField,
        /// The old text, if any.
        old: Option<String>,
        /// The new text, if any.
        new: Option<String>,
        /// Where the item is defined in the new spec.
        location: Located,
    },
}

impl Change {
    /// The kind, as serialized (`attribute-added`).
    pub fn kind(&self) -> &'static str {
        self.rule().kind
    }

    /// What it breaks, strictest first.
    pub fn categories(&self) -> &'static [Category] {
        self.rule().categories
    }

    /// The strictest category it breaks.
    pub fn strictest(&self) -> Category {
        self.rule().strictest()
    }

    /// Where it is.
    pub fn location(&self) -> &Located {
        match self {
            Change::EventAdded { location, .. }
            | Change::EventRemoved { location, .. }
            | Change::EventSinceChanged { location, .. }
            | Change::AttributeAdded { location, .. }
            | Change::AttributeRemoved { location, .. }
            | Change::AttributeTypeChanged { location, .. }
            | Change::AttributeMadeOptional { location, .. }
            | Change::AttributeMadeRequired { location, .. }
            | Change::AttributeSinceChanged { location, .. }
            | Change::AttributeRustNameChanged { location, .. }
            | Change::AttributeRoleChanged { location, .. }
            | Change::EnumAdded { location, .. }
            | Change::EnumRemoved { location, .. }
            | Change::EnumRustNameChanged { location, .. }
            | Change::EnumKindChanged { location, .. }
            | Change::EnumValueAdded { location, .. }
            | Change::EnumValueRemoved { location, .. }
            | Change::EnumValueRenamed { location, .. }
            | Change::ObjectAdded { location, .. }
            | Change::ObjectRemoved { location, .. }
            | Change::ObjectRustNameChanged { location, .. }
            | Change::ObjectOpennessChanged { location, .. }
            | Change::KnownErrorAdded { location, .. }
            | Change::KnownErrorRemoved { location, .. }
            | Change::KnownErrorStatesChanged { location, .. }
            | Change::FamilyAdded { location, .. }
            | Change::FamilyRemoved { location, .. }
            | Change::ActionAdded { location, .. }
            | Change::ActionRemoved { location, .. }
            | Change::DocsChanged { location, .. } => location,
        }
    }
}
