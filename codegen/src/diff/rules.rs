//! What a change breaks, and why: the categories, one rule per change kind (and case), and the
//! table of the rules that the README shows.

use std::fmt::{self, Write as _};

use serde::Serialize;

use super::{Change, Owner};

/// What a change breaks. Ordered strictest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// An event that was valid before is rejected now, or a consumer that follows the old
    /// schema rejects events of the new catalogue.
    Wire,
    /// Code written against the old Rust bindings stops compiling (or behaves differently).
    RustApi,
    /// Breaks no consumer: only what people read changes.
    DocsOnly,
}

impl Category {
    /// Every category, strictest first.
    pub const ALL: [Category; 3] = [Category::Wire, Category::RustApi, Category::DocsOnly];

    /// Its name: `wire`, `rust-api` or `docs-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Wire => "wire",
            Category::RustApi => "rust-api",
            Category::DocsOnly => "docs-only",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the rule table: a change kind (and, for some kinds, a case of it), what it
/// breaks, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The change kind, as [`Change`] serializes it (`attribute-added`).
    pub kind: &'static str,
    /// The case of the kind this row is about, or empty when the kind has one row.
    pub case: &'static str,
    /// What it breaks, strictest first; `[docs-only]` when it breaks nothing. Empty for the
    /// rows of [`generator_rules`], which are not catalogue changes and fit none of the
    /// categories.
    pub categories: &'static [Category],
    /// Why, for the README and the review comment.
    pub why: &'static str,
}

impl Rule {
    /// The strictest category the rule breaks.
    pub fn strictest(&self) -> Category {
        self.categories
            .iter()
            .copied()
            .min()
            .unwrap_or(Category::DocsOnly)
    }
}

const WIRE: &[Category] = &[Category::Wire];
const WIRE_RUST: &[Category] = &[Category::Wire, Category::RustApi];
const RUST: &[Category] = &[Category::RustApi];
const DOCS: &[Category] = &[Category::DocsOnly];

static EVENT_ADDED: Rule = Rule {
    kind: "event-added",
    case: "",
    categories: WIRE,
    why: "Events valid before stay valid, but a consumer that follows the old schema rejects the new event (its name is not in the `enum` of `name`; the old types document has no `oneOf` branch for it; the old validator reports `unknown-event`). Not a Rust API break: `Event` and `EventName` are `#[non_exhaustive]` and the new struct only adds.",
};
static EVENT_REMOVED: Rule = Rule {
    kind: "event-removed",
    case: "",
    categories: WIRE_RUST,
    why: "Events of that name, valid before, are rejected now. Its struct and its `Event` and `EventName` variants disappear.",
};
static EVENT_SINCE_CHANGED: Rule = Rule {
    kind: "event-since-changed",
    case: "",
    categories: WIRE,
    why: "Breaks consumers that narrow to a release (`schema --ors-version`, `validate --ors-version`): a later `since` rejects the event for releases that were documented to send it; an earlier one makes an old narrowed schema reject events the catalogue now says those releases send. No Rust type changes (`EventName::since()` returns the new value).",
};
static ATTRIBUTE_ADDED_REQUIRED: Rule = Rule {
    kind: "attribute-added",
    case: "required",
    categories: WIRE_RUST,
    why: "Events from producers that follow the old catalogue lack it and are rejected now. A new `pub` field breaks struct literals and exhaustive patterns of the struct.",
};
static ATTRIBUTE_ADDED_OPTIONAL: Rule = Rule {
    kind: "attribute-added",
    case: "optional",
    categories: WIRE_RUST,
    why: "Old strict consumers reject events that carry it: `data`, the envelope and closed objects have `additionalProperties: false`, and in an open object the old schema did not check the member's type. Not a break for the `--lenient` validator, which only warns. A new `pub` field breaks struct literals and exhaustive patterns of the struct.",
};
static ATTRIBUTE_REMOVED: Rule = Rule {
    kind: "attribute-removed",
    case: "required, or optional outside an open object",
    categories: WIRE_RUST,
    why: "Events that carry it, valid before, are rejected now (`additionalProperties: false`); if it was required, consumers that follow the old schema also reject new events without it. Its field disappears.",
};
static ATTRIBUTE_REMOVED_OPEN: Rule = Rule {
    kind: "attribute-removed",
    case: "optional member of an open object",
    categories: RUST,
    why: "The object allows members it does not describe, so events that carry it stay valid under both schemas. Its field disappears (the value now lands in `other`).",
};
static ATTRIBUTE_TYPE_CHANGED: Rule = Rule {
    kind: "attribute-type-changed",
    case: "",
    categories: WIRE_RUST,
    why: "Values of the old type are rejected now, or old consumers reject values of the new type. The field's Rust type changes.",
};
static ATTRIBUTE_MADE_OPTIONAL: Rule = Rule {
    kind: "attribute-made-optional",
    case: "",
    categories: WIRE_RUST,
    why: "Events valid before stay valid, but consumers that follow the old schema (its `required` list) reject new events without it. The field becomes an `Option`.",
};
static ATTRIBUTE_MADE_REQUIRED: Rule = Rule {
    kind: "attribute-made-required",
    case: "",
    categories: WIRE_RUST,
    why: "Events without it, valid before, are rejected now. The field loses its `Option`.",
};
static ATTRIBUTE_SINCE_CHANGED: Rule = Rule {
    kind: "attribute-since-changed",
    case: "",
    categories: WIRE,
    why: "Breaks consumers that narrow to a release (`--ors-version`): a later `since` rejects the attribute for releases that were documented to send it; an earlier one makes an old narrowed schema reject it where the catalogue now says it is sent. The field does not change.",
};
static ATTRIBUTE_RUST_NAME_CHANGED: Rule = Rule {
    kind: "attribute-rust-name-changed",
    case: "",
    categories: RUST,
    why: "The wire name is unchanged (`#[serde(rename)]`), so the wire and the schema are not affected; code that names the field stops compiling.",
};
static ATTRIBUTE_ROLE_CHANGED: Rule = Rule {
    kind: "attribute-role-changed",
    case: "",
    categories: RUST,
    why: "Nothing changes on the wire. Code still compiles but behaves differently: `request_id()`, `interaction_id()` and `Pending` correlation read another attribute or none, and the known `error` values document another attribute. Counted as a Rust API break because it breaks callers silently.",
};
static ENUM_ADDED: Rule = Rule {
    kind: "enum-added",
    case: "",
    categories: DOCS,
    why: "A new type that nothing uses yet; attributes that start using it are reported as type changes.",
};
static ENUM_REMOVED: Rule = Rule {
    kind: "enum-removed",
    case: "",
    categories: RUST,
    why: "Its Rust type disappears. The attributes that used it are reported as type changes, which carry the wire break.",
};
static ENUM_RUST_NAME_CHANGED: Rule = Rule {
    kind: "enum-rust-name-changed",
    case: "",
    categories: RUST,
    why: "Its Rust type is renamed. The schema's `$defs` key changes too, which changes no validation result.",
};
static ENUM_KIND_CHANGED: Rule = Rule {
    kind: "enum-kind-changed",
    case: "",
    categories: WIRE_RUST,
    why: "Values travel as integers instead of strings, or the reverse: every old value is rejected now. The type's `Unrecognized` payload and derives change.",
};
static ENUM_VALUE_ADDED: Rule = Rule {
    kind: "enum-value-added",
    case: "",
    categories: WIRE,
    why: "Old strict consumers reject the new value (the old schema's `enum`, the old validator's `enum-value`); the `--lenient` validator only warns. Not a Rust API break: the enum is `#[non_exhaustive]` and old bindings decode the value as `Unrecognized`.",
};
static ENUM_VALUE_REMOVED: Rule = Rule {
    kind: "enum-value-removed",
    case: "",
    categories: WIRE_RUST,
    why: "The value, valid before, is rejected now. Its variant disappears.",
};
static ENUM_VALUE_RENAMED: Rule = Rule {
    kind: "enum-value-renamed",
    case: "Rust variant renamed",
    categories: RUST,
    why: "The same code travels and validates as before (only the value's `title` in the types document changes); code that names the old variant stops compiling.",
};
static ENUM_VALUE_RENAMED_DOCS: Rule = Rule {
    kind: "enum-value-renamed",
    case: "same Rust variant",
    categories: DOCS,
    why: "Only the documented name (the value's `title` in the types document) changes.",
};
static OBJECT_ADDED: Rule = Rule {
    kind: "object-added",
    case: "",
    categories: DOCS,
    why: "A new type that nothing uses yet; attributes that start using it are reported as type changes.",
};
static OBJECT_REMOVED: Rule = Rule {
    kind: "object-removed",
    case: "",
    categories: RUST,
    why: "Its Rust type disappears. The attributes that used it are reported as type changes, which carry the wire break.",
};
static OBJECT_RUST_NAME_CHANGED: Rule = Rule {
    kind: "object-rust-name-changed",
    case: "",
    categories: RUST,
    why: "Its Rust type is renamed. The schema's `$defs` key changes too, which changes no validation result.",
};
static OBJECT_OPENNESS_CHANGED: Rule = Rule {
    kind: "object-openness-changed",
    case: "",
    categories: WIRE_RUST,
    why: "Closed to open: old consumers reject the undescribed members new events may carry, and the struct gains an `other` field. Open to closed: events with undescribed members, valid before, are rejected now, and `other` disappears.",
};
static KNOWN_ERROR_ADDED: Rule = Rule {
    kind: "known-error-added",
    case: "",
    categories: DOCS,
    why: "An `error` value the catalogue does not list is always legal (the published lists are incomplete): the list only feeds the docs and the schema's `examples`.",
};
static KNOWN_ERROR_REMOVED: Rule = Rule {
    kind: "known-error-removed",
    case: "",
    categories: DOCS,
    why: "The value stays legal, as every `error` value is; only the docs and the schema's `examples` lose it.",
};
static KNOWN_ERROR_STATES_CHANGED: Rule = Rule {
    kind: "known-error-states-changed",
    case: "",
    categories: DOCS,
    why: "The states only document the `<value>.<state>` forms (docs and `examples`); every `error` value is legal.",
};
static FAMILY_ADDED: Rule = Rule {
    kind: "family-added",
    case: "",
    categories: DOCS,
    why: "A new module and a new variant of the `#[non_exhaustive]` `Family`; its events are reported on their own.",
};
static FAMILY_REMOVED: Rule = Rule {
    kind: "family-removed",
    case: "",
    categories: RUST,
    why: "Its module and its `Family` variant disappear; its events are reported on their own.",
};
static ACTION_ADDED: Rule = Rule {
    kind: "action-added",
    case: "",
    categories: DOCS,
    why: "A new marker type and a new variant of the `#[non_exhaustive]` `Action`; its result events are reported on their own.",
};
static ACTION_REMOVED: Rule = Rule {
    kind: "action-removed",
    case: "",
    categories: RUST,
    why: "Its marker type (used with `Pending`) and its `Action` variant disappear; its result events are reported on their own.",
};
static DOCS_CHANGED: Rule = Rule {
    kind: "docs-changed",
    case: "",
    categories: DOCS,
    why: "Descriptions, titles, notes, presence reasons and cited sources reach only the docs, the rustdoc and the schema's `description` and `title`: no validation result and no Rust type changes.",
};

static RULES: [&Rule; 33] = [
    &EVENT_ADDED,
    &EVENT_REMOVED,
    &EVENT_SINCE_CHANGED,
    &ATTRIBUTE_ADDED_REQUIRED,
    &ATTRIBUTE_ADDED_OPTIONAL,
    &ATTRIBUTE_REMOVED,
    &ATTRIBUTE_REMOVED_OPEN,
    &ATTRIBUTE_TYPE_CHANGED,
    &ATTRIBUTE_MADE_OPTIONAL,
    &ATTRIBUTE_MADE_REQUIRED,
    &ATTRIBUTE_SINCE_CHANGED,
    &ATTRIBUTE_RUST_NAME_CHANGED,
    &ATTRIBUTE_ROLE_CHANGED,
    &ENUM_ADDED,
    &ENUM_REMOVED,
    &ENUM_RUST_NAME_CHANGED,
    &ENUM_KIND_CHANGED,
    &ENUM_VALUE_ADDED,
    &ENUM_VALUE_REMOVED,
    &ENUM_VALUE_RENAMED,
    &ENUM_VALUE_RENAMED_DOCS,
    &OBJECT_ADDED,
    &OBJECT_REMOVED,
    &OBJECT_RUST_NAME_CHANGED,
    &OBJECT_OPENNESS_CHANGED,
    &KNOWN_ERROR_ADDED,
    &KNOWN_ERROR_REMOVED,
    &KNOWN_ERROR_STATES_CHANGED,
    &FAMILY_ADDED,
    &FAMILY_REMOVED,
    &ACTION_ADDED,
    &ACTION_REMOVED,
    &DOCS_CHANGED,
];

static SCHEMA_SHAPE_CHANGED: Rule = Rule {
    kind: "schema-shape-changed",
    case: "a generator change, never reported",
    categories: &[],
    why: "Not a catalogue change, so `diff`, which compares catalogues, cannot see it: a version of this generator writes the schema in another shape, as when the top level of `ors-events.schema.json` went from a `oneOf` of every event to a dispatch on `name`. No verdict changes: every validator accepts and rejects exactly the events it did, so it is no wire break; no Rust type changes. Validators report other errors (the failing keyword at the offending member, instead of a failed `oneOf`) and run faster. Not docs-only either: a type generator fed `ors-events.schema.json` makes other types (one object type instead of the union); `ors-events.types.schema.json` keeps the `oneOf` and gives the same types as before, so type generators move to it.",
};

static GENERATOR_RULES: [&Rule; 1] = [&SCHEMA_SHAPE_CHANGED];

/// Every rule of a catalogue change ([`Change::rule`]), in the order of the README table.
pub fn rules() -> &'static [&'static Rule] {
    &RULES
}

/// The rows of the README table for changes of the generator's outputs that no catalogue change
/// causes: `diff` never reports them, and they are listed for what consumers see. After
/// [`rules`] in the table; their categories are empty.
pub fn generator_rules() -> &'static [&'static Rule] {
    &GENERATOR_RULES
}

/// The rule table as Markdown, as the README shows it: [`rules`], then [`generator_rules`].
pub fn rule_table() -> String {
    let mut table = String::from("| change | breaks | why |\n|---|---|---|\n");
    for rule in rules().iter().chain(generator_rules()) {
        let case = if rule.case.is_empty() {
            String::new()
        } else {
            format!(" ({})", rule.case)
        };
        let categories: Vec<&str> = rule.categories.iter().map(|c| c.as_str()).collect();
        let breaks = if categories.is_empty() {
            "none of the three".to_owned()
        } else {
            categories.join(", ")
        };
        let _ = writeln!(table, "| `{}`{case} | {breaks} | {} |", rule.kind, rule.why);
    }
    table
}

impl Change {
    /// The rule of this change: what it breaks and why.
    pub fn rule(&self) -> &'static Rule {
        match self {
            Change::EventAdded { .. } => &EVENT_ADDED,
            Change::EventRemoved { .. } => &EVENT_REMOVED,
            Change::EventSinceChanged { .. } => &EVENT_SINCE_CHANGED,
            Change::AttributeAdded { required: true, .. } => &ATTRIBUTE_ADDED_REQUIRED,
            Change::AttributeAdded { .. } => &ATTRIBUTE_ADDED_OPTIONAL,
            Change::AttributeRemoved {
                owner: Owner::Object { open: true, .. },
                required: false,
                ..
            } => &ATTRIBUTE_REMOVED_OPEN,
            Change::AttributeRemoved { .. } => &ATTRIBUTE_REMOVED,
            Change::AttributeTypeChanged { .. } => &ATTRIBUTE_TYPE_CHANGED,
            Change::AttributeMadeOptional { .. } => &ATTRIBUTE_MADE_OPTIONAL,
            Change::AttributeMadeRequired { .. } => &ATTRIBUTE_MADE_REQUIRED,
            Change::AttributeSinceChanged { .. } => &ATTRIBUTE_SINCE_CHANGED,
            Change::AttributeRustNameChanged { .. } => &ATTRIBUTE_RUST_NAME_CHANGED,
            Change::AttributeRoleChanged { .. } => &ATTRIBUTE_ROLE_CHANGED,
            Change::EnumAdded { .. } => &ENUM_ADDED,
            Change::EnumRemoved { .. } => &ENUM_REMOVED,
            Change::EnumRustNameChanged { .. } => &ENUM_RUST_NAME_CHANGED,
            Change::EnumKindChanged { .. } => &ENUM_KIND_CHANGED,
            Change::EnumValueAdded { .. } => &ENUM_VALUE_ADDED,
            Change::EnumValueRemoved { .. } => &ENUM_VALUE_REMOVED,
            Change::EnumValueRenamed {
                old_rust_name,
                new_rust_name,
                ..
            } => {
                if old_rust_name == new_rust_name {
                    &ENUM_VALUE_RENAMED_DOCS
                } else {
                    &ENUM_VALUE_RENAMED
                }
            }
            Change::ObjectAdded { .. } => &OBJECT_ADDED,
            Change::ObjectRemoved { .. } => &OBJECT_REMOVED,
            Change::ObjectRustNameChanged { .. } => &OBJECT_RUST_NAME_CHANGED,
            Change::ObjectOpennessChanged { .. } => &OBJECT_OPENNESS_CHANGED,
            Change::KnownErrorAdded { .. } => &KNOWN_ERROR_ADDED,
            Change::KnownErrorRemoved { .. } => &KNOWN_ERROR_REMOVED,
            Change::KnownErrorStatesChanged { .. } => &KNOWN_ERROR_STATES_CHANGED,
            Change::FamilyAdded { .. } => &FAMILY_ADDED,
            Change::FamilyRemoved { .. } => &FAMILY_REMOVED,
            Change::ActionAdded { .. } => &ACTION_ADDED,
            Change::ActionRemoved { .. } => &ACTION_REMOVED,
            Change::DocsChanged { .. } => &DOCS_CHANGED,
        }
    }
}
