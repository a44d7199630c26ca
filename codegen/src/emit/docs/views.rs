//! The view: all that the templates read. Spec text in it is [`Text`], already cleaned and
//! escaped for both outputs; the builder makes the view from the IR.

use super::headings::Heading;
use super::text::Text;

/// The whole reference, as both templates show it.
#[derive(Debug)]
pub(super) struct Page {
    pub(super) header: &'static str,
    pub(super) title: Heading,
    pub(super) contents: Heading,
    pub(super) event_count: usize,
    pub(super) family_count: usize,
    pub(super) attribute_count: usize,
    pub(super) families: Vec<FamilyView>,
    pub(super) envelope: EnvelopeView,
    pub(super) enums_section: Heading,
    pub(super) enums: Vec<EnumView>,
    pub(super) objects_section: Heading,
    pub(super) objects: Vec<ObjectView>,
    pub(super) versions: Heading,
    pub(super) version_rows: Vec<VersionRow>,
    pub(super) source_notes: Heading,
    pub(super) quirks: Vec<PlacedNote>,
    pub(super) sources: Heading,
    pub(super) source_rows: Vec<SourceRow>,
}

/// A family: its actions, each with its result pair, then its asynchronous events.
#[derive(Debug)]
pub(super) struct FamilyView {
    pub(super) heading: Heading,
    pub(super) description: Text,
    pub(super) notes: Vec<NoteView>,
    pub(super) actions: Vec<ActionView>,
    pub(super) async_heading: Option<Heading>,
    pub(super) events: Vec<EventView>,
}

/// An action: its success and failure events and a side-by-side summary of the two.
#[derive(Debug)]
pub(super) struct ActionView {
    pub(super) heading: Heading,
    pub(super) description: Text,
    pub(super) notes: Vec<NoteView>,
    pub(super) done: EventView,
    pub(super) error: EventView,
    pub(super) done_attributes: Text,
    pub(super) error_attributes: Text,
    pub(super) error_values: Text,
}

/// One event, as its own section.
#[derive(Debug)]
pub(super) struct EventView {
    pub(super) heading: Heading,
    pub(super) name: String,
    pub(super) kind: &'static str,
    /// `kind` as a CSS class.
    pub(super) kind_class: &'static str,
    /// The event's place in its action's pair, with links.
    pub(super) role: Option<Text>,
    pub(super) description: Text,
    pub(super) since: String,
    pub(super) notes: Vec<NoteView>,
    pub(super) attributes: Vec<AttributeRow>,
    pub(super) known_errors: Vec<KnownErrorRow>,
    /// An error event that lists no known values: the name of its error attribute.
    pub(super) no_known_errors: Option<Text>,
    /// Lower-case event and attribute names, space-separated, for the page's filter.
    pub(super) search: String,
}

/// A row of an attribute table: an event's attribute, an object type's member or an envelope
/// field.
#[derive(Debug)]
pub(super) struct AttributeRow {
    pub(super) name: Text,
    pub(super) role: Option<&'static str>,
    pub(super) ty: Text,
    pub(super) required: &'static str,
    pub(super) since: String,
    pub(super) description: Text,
    /// `Required` or `Optional`, and whether the reason is the catalogue's own inference.
    pub(super) presence_label: &'static str,
    pub(super) presence: Option<Text>,
    /// The source the presence reason cites.
    pub(super) presence_source: Option<Text>,
    pub(super) notes: Vec<NoteView>,
}

/// A known value of an error event's `error` attribute.
#[derive(Debug)]
pub(super) struct KnownErrorRow {
    pub(super) forms: Text,
    pub(super) description: Text,
    /// Whether the meaning is the catalogue's own inference.
    pub(super) inferred: bool,
    /// The source of the value, or `none` when the value is the catalogue's own.
    pub(super) source: Text,
}

/// A usage note or a quirk of the source page, where it applies.
#[derive(Debug)]
pub(super) struct NoteView {
    pub(super) kind: &'static str,
    pub(super) label: &'static str,
    pub(super) text: Text,
}

/// An enum and its values.
#[derive(Debug)]
pub(super) struct EnumView {
    pub(super) heading: Heading,
    pub(super) title: Text,
    pub(super) description: Text,
    pub(super) integer: bool,
    /// Whether any value has a description (else the tables leave that column out).
    pub(super) described: bool,
    pub(super) source: Option<Text>,
    /// Whether the value set is the catalogue's own inference.
    pub(super) inferred: bool,
    pub(super) notes: Vec<NoteView>,
    pub(super) values: Vec<EnumValueRow>,
    pub(super) used_by: Text,
}

/// A value of an enum: its wire form, its name and what it means.
#[derive(Debug)]
pub(super) struct EnumValueRow {
    pub(super) wire: Text,
    pub(super) name: Text,
    pub(super) description: Text,
    /// Whether the description is the catalogue's own inference.
    pub(super) inferred: bool,
}

/// An object type and its members.
#[derive(Debug)]
pub(super) struct ObjectView {
    pub(super) heading: Heading,
    pub(super) title: Text,
    pub(super) description: Text,
    pub(super) open: bool,
    pub(super) source: Option<Text>,
    pub(super) members: Vec<AttributeRow>,
    pub(super) used_by: Text,
}

/// The SCXML `_event` envelope and its fields.
#[derive(Debug)]
pub(super) struct EnvelopeView {
    pub(super) heading: Heading,
    pub(super) description: Text,
    pub(super) source: Option<Text>,
    pub(super) fields: Vec<AttributeRow>,
}

/// A row of the version notes: what appeared in which ORS release.
#[derive(Debug)]
pub(super) struct VersionRow {
    pub(super) since: String,
    pub(super) what: Text,
}

/// A quirk of the source page, with what it is about.
#[derive(Debug)]
pub(super) struct PlacedNote {
    pub(super) place: Text,
    pub(super) text: Text,
}

/// A source document of the catalogue: its id, title and location.
#[derive(Debug)]
pub(super) struct SourceRow {
    pub(super) id: Text,
    pub(super) title: Text,
    pub(super) location: Text,
}
