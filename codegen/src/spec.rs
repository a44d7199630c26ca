//! The spec as written: one Rust type per YAML construct (format: `spec/README.md`).
//!
//! These types only describe shape; the loader fills them and the checker judges them. Unknown
//! keys are rejected by serde itself, with the position of the key.

use serde::Deserialize;

/// One loaded spec file.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// Path shown in diagnostics (`spec/voice.yaml`).
    pub display_path: String,
    /// The file's text, kept to quote lines in diagnostics.
    pub text: String,
    /// What the file holds.
    pub content: FileContent,
    /// Where each node of the file is, built once when the file is loaded.
    pub source_map: crate::loader::SourceMap,
}

/// A whole spec directory, files in name order.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    /// The directory it was read from.
    pub dir: std::path::PathBuf,
    /// Every `*.yaml` file of the directory.
    pub files: Vec<SpecFile>,
}

/// What one spec file may hold. Every section is optional, so the catalogue can be split into
/// files as its authors like; `spec/` keeps one kind of content per file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileContent {
    /// Sources cited by `source:` keys.
    #[serde(default)]
    pub sources: Vec<SourceDef>,
    /// The SCXML envelope.
    pub envelope: Option<EnvelopeDef>,
    /// Enums.
    #[serde(default)]
    pub enums: Vec<EnumDef>,
    /// Named object types.
    #[serde(default)]
    pub objects: Vec<ObjectDef>,
    /// Shared attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
    /// The order of families in outputs.
    #[serde(default)]
    pub families: Vec<String>,
    /// A family's header; makes this a family file.
    pub family: Option<FamilyDef>,
    /// The family's actions (result pairs).
    #[serde(default)]
    pub actions: Vec<ActionDef>,
    /// The family's asynchronous events.
    #[serde(default)]
    pub events: Vec<EventDef>,
}

/// A cited source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    /// Short id used by `source:` keys.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it can be found, when it is a file of this workplace.
    pub location: Option<String>,
}

/// The SCXML envelope.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeDef {
    /// What the envelope is.
    pub description: String,
    /// Where it is defined.
    pub source: Option<String>,
    /// The optional envelope fields besides `name` and `data`.
    #[serde(default)]
    pub fields: Vec<AttributeUse>,
}

/// A note on an item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteDef {
    /// `quirk` (of the source page) or `usage`.
    pub kind: String,
    /// The note.
    pub text: String,
}

/// An enum: integer-coded (`code` + `name`) or string-coded (`value`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumDef {
    /// Name used as a type in attributes.
    pub name: String,
    /// Rust type name, when the derived one reads badly.
    pub rust_name: Option<String>,
    /// Human title.
    pub title: Option<String>,
    /// `integer` or `string`.
    pub kind: String,
    /// A prefix of every value name, left out of Rust variant names.
    pub prefix: Option<String>,
    /// What it means.
    pub description: String,
    /// Where its values come from.
    pub source: Option<String>,
    /// Whether the value set is the catalogue's own inference rather than (only) what `source`
    /// says.
    #[serde(default)]
    pub inferred: bool,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// The values.
    pub values: Vec<EnumValueDef>,
}

/// One enum value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumValueDef {
    /// Integer code (integer enums).
    pub code: Option<i64>,
    /// The value's name (integer enums).
    pub name: Option<String>,
    /// The wire string (string enums).
    pub value: Option<String>,
    /// What it means.
    pub description: Option<String>,
    /// Whether `description` is the catalogue's own reading, which the enum's source does not
    /// give.
    #[serde(default)]
    pub inferred: bool,
}

/// A named object type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectDef {
    /// Name used as a type in attributes.
    pub name: String,
    /// Rust type name, when the derived one reads badly.
    pub rust_name: Option<String>,
    /// Human title.
    pub title: Option<String>,
    /// Whether members not listed are allowed.
    #[serde(default)]
    pub open: bool,
    /// What it is.
    pub description: String,
    /// Where it is described.
    pub source: Option<String>,
    /// Its members.
    #[serde(default)]
    pub members: Vec<AttributeUse>,
}

/// A shared attribute definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    /// Wire name.
    pub name: String,
    /// Rust field name, when the derived one is a keyword or collides.
    pub rust_name: Option<String>,
    /// Type expression.
    #[serde(rename = "type")]
    pub ty: String,
    /// What it means to every event that carries it: `request-id`, `interaction-id` or `error`.
    pub role: Option<String>,
    /// What it holds.
    pub description: String,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
}

/// An attribute of an event (or member of an object): `use:` of a shared one or `name:` + `type:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeUse {
    /// A shared attribute's name.
    #[serde(rename = "use")]
    pub uses: Option<String>,
    /// Wire name of an attribute of this event only.
    pub name: Option<String>,
    /// Rust field name, when the derived one is a keyword or collides.
    pub rust_name: Option<String>,
    /// Type expression (only with `name`).
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// Its role (only with `name`; shared attributes carry their own).
    pub role: Option<String>,
    /// What it holds here (replaces the shared description).
    pub description: Option<String>,
    /// Why it may be absent; makes it optional.
    pub optional: Option<String>,
    /// Why it is required, when that is not obvious.
    pub required_because: Option<String>,
    /// The source that the presence reason (`optional` or `required_because`) rests on.
    pub source: Option<String>,
    /// Whether the presence reason is the catalogue's own inference rather than (only) what
    /// `source` says.
    #[serde(default)]
    pub inferred: bool,
    /// First ORS release that sends it.
    pub since: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
}

/// A family header.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyDef {
    /// The event name prefix.
    pub name: String,
    /// Human title.
    pub title: String,
    /// What the family is about.
    pub description: String,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
}

/// An action and its result pair.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionDef {
    /// The action's name (`hold`).
    pub name: String,
    /// What the action does.
    pub description: String,
    /// First ORS release that has it.
    pub since: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// The success event.
    pub done: Option<ResultDef>,
    /// The failure event.
    pub error: Option<ResultDef>,
}

/// One side of a result pair.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultDef {
    /// What the event means.
    pub description: String,
    /// First ORS release that sends it, when later than the action's.
    pub since: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// Its attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeUse>,
    /// Known values of `error` (error side only).
    pub errors: Option<Vec<KnownErrorDef>>,
}

/// A known value of an error event's `error` attribute.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownErrorDef {
    /// The value, exactly as sent.
    pub value: String,
    /// What it means.
    pub description: String,
    /// Where the value is published.
    pub source: Option<String>,
    /// Whether `description` is the catalogue's own reading: no source gives the meaning (or,
    /// without `source`, the value itself).
    #[serde(default)]
    pub inferred: bool,
    /// States ORS appends as `<value>.<state>`.
    #[serde(default)]
    pub states: Vec<String>,
}

/// An asynchronous event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// Full wire name.
    pub name: String,
    /// What it means.
    pub description: String,
    /// First ORS release that sends it.
    pub since: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// Its attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeUse>,
}
