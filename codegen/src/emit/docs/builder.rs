//! The builder: turns the IR into the view the templates read (the two page-wide listings are in
//! `listings`). The headings are made first, so that every link in the prose, the type columns
//! and the summaries can point at one.

use crate::ir::{
    Action, ActionId, Attribute, Catalogue, Enum, EnumId, EnumKind, Event, EventId, EventKind,
    Family, FamilyId, Note, NoteKind, ObjectId, ObjectType, Role, Type, WireValue,
};
use crate::version::OrsVersion;

use super::headings::{action_key, async_events, result_pairs, Heading, Headings};
use super::text::{clean, prose_spans, Span, Text};
use super::views::{
    ActionView, AttributeRow, EnumValueRow, EnumView, EnvelopeView, EventView, FamilyView,
    KnownErrorRow, NoteView, ObjectView, Page, SourceRow,
};
use super::HEADER;

/// Builds the view; holds the headings so that links can point at them.
pub(super) struct Builder<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) headings: Headings,
}

impl Page {
    /// The view of `catalogue`.
    pub(super) fn new(catalogue: &Catalogue) -> Page {
        let builder = Builder {
            catalogue,
            headings: Headings::new(catalogue),
        };
        builder.page()
    }
}

impl Builder<'_> {
    fn page(&self) -> Page {
        let catalogue = self.catalogue;
        let headings = &self.headings;
        Page {
            header: HEADER,
            title: headings.title.clone(),
            contents: headings.contents.clone(),
            event_count: catalogue.events.len(),
            family_count: catalogue.families.len(),
            attribute_count: catalogue.events.iter().map(|e| e.attributes.len()).sum(),
            families: catalogue
                .families()
                .map(|(id, family)| self.family(id, family))
                .collect(),
            envelope: self.envelope(),
            enums_section: headings.enums_section.clone(),
            enums: catalogue
                .enums()
                .map(|(id, item)| self.enum_view(id, item))
                .collect(),
            objects_section: headings.objects_section.clone(),
            objects: catalogue
                .objects()
                .map(|(id, item)| self.object_view(id, item))
                .collect(),
            versions: headings.versions.clone(),
            version_rows: self.version_rows(),
            source_notes: headings.source_notes.clone(),
            quirks: self.quirks(),
            sources: headings.sources.clone(),
            source_rows: catalogue
                .sources
                .iter()
                .map(|source| SourceRow {
                    id: Text::code(&source.id),
                    title: Text::plain(&source.title),
                    location: source
                        .location
                        .as_deref()
                        .map(Text::code)
                        .unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// Prose, with code spans that name another event linked to it.
    pub(super) fn prose(&self, text: &str, current: Option<&str>) -> Text {
        let spans = prose_spans(text)
            .into_iter()
            .map(|span| {
                if span.code && Some(span.text.as_str()) != current {
                    let anchor = self.headings.event_named(&span.text).cloned();
                    Span {
                        link: anchor,
                        ..span
                    }
                } else {
                    span
                }
            })
            .collect();
        Text::new(spans)
    }

    fn notes(&self, notes: &[Note], current: Option<&str>) -> Vec<NoteView> {
        notes
            .iter()
            .map(|note| NoteView {
                kind: note.kind.as_str(),
                label: match note.kind {
                    NoteKind::Quirk => "Quirk of the source page",
                    NoteKind::Usage => "Usage",
                },
                text: self.prose(&note.text, current),
            })
            .collect()
    }

    /// The event `name` as a code span linking to its section.
    pub(super) fn event_link(&self, name: &str) -> Span {
        Span::code(clean(name)).linked(self.headings.event_named(name))
    }

    fn family(&self, id: FamilyId, family: &Family) -> FamilyView {
        let catalogue = self.catalogue;
        FamilyView {
            heading: self.headings.family(id).clone(),
            description: self.prose(&family.description, None),
            notes: self.notes(&family.notes, None),
            actions: result_pairs(catalogue, family)
                .map(|(id, action)| self.action(id, action))
                .collect(),
            async_heading: self.headings.async_group(id).cloned(),
            events: async_events(catalogue, family)
                .map(|(id, event)| self.event(id, event, None))
                .collect(),
        }
    }

    fn action(&self, id: ActionId, action: &Action) -> ActionView {
        let heading = self.headings.action(id).clone();
        let (done, error) = (&self.catalogue[action.done], &self.catalogue[action.error]);
        let summary = |event: &Event| {
            join(
                event
                    .attributes
                    .iter()
                    .map(|attribute| {
                        let mut spans = vec![Span::code(clean(&attribute.name))];
                        if !attribute.required {
                            spans.push(Span::plain(" (optional)"));
                        }
                        spans
                    })
                    .collect(),
                ", ",
            )
        };
        let error_values = if error.known_errors.is_empty() {
            Text::plain("none published")
        } else {
            join(
                error
                    .known_errors
                    .iter()
                    .map(|known| vec![Span::code(clean(&known.value))])
                    .collect(),
                ", ",
            )
        };
        ActionView {
            description: self.prose(&action.description, None),
            notes: self.notes(&action.notes, None),
            done: self.event(action.done, done, Some((action, &heading))),
            error: self.event(action.error, error, Some((action, &heading))),
            done_attributes: summary(done),
            error_attributes: summary(error),
            error_values,
            heading,
        }
    }

    fn event(&self, id: EventId, event: &Event, action: Option<(&Action, &Heading)>) -> EventView {
        let name = event.name.as_str();
        let family = &self.catalogue[event.family].name;
        let (kind, kind_class, role, own_notes) = match (&event.kind, action) {
            (EventKind::Done(_), Some((action, heading))) => (
                "success result",
                "success",
                Some(Text::new(vec![
                    Span::plain("The success result of "),
                    Span::code(clean(&action_key(family, &action.name)))
                        .linked(Some(&heading.anchor)),
                    Span::plain("; its failure result is "),
                    self.event_link(&self.catalogue[action.error].name),
                    Span::plain("."),
                ])),
                strip_prefix_notes(&event.notes, &action.notes),
            ),
            (EventKind::Error(_), Some((action, heading))) => (
                "failure result",
                "failure",
                Some(Text::new(vec![
                    Span::plain("The failure result of "),
                    Span::code(clean(&action_key(family, &action.name)))
                        .linked(Some(&heading.anchor)),
                    Span::plain("; its success result is "),
                    self.event_link(&self.catalogue[action.done].name),
                    Span::plain("."),
                ])),
                strip_prefix_notes(&event.notes, &action.notes),
            ),
            _ => (
                "asynchronous event",
                "asynchronous",
                None,
                event.notes.as_slice(),
            ),
        };
        let error_attribute = event.attribute_with_role(Role::Error);
        let no_known_errors = match error_attribute {
            Some(attribute) if event.known_errors.is_empty() => Some(Text::code(&attribute.name)),
            _ => None,
        };
        let mut search = vec![event.name.to_lowercase()];
        search.extend(event.attributes.iter().map(|a| a.name.to_lowercase()));
        EventView {
            heading: self.headings.event(id).clone(),
            name: event.name.clone(),
            kind,
            kind_class,
            role,
            description: self.prose(&event.description, Some(name)),
            since: since_text(event.since.as_ref()),
            notes: self.notes(own_notes, Some(name)),
            attributes: event
                .attributes
                .iter()
                .map(|attribute| self.attribute(attribute, Some(name)))
                .collect(),
            known_errors: event
                .known_errors
                .iter()
                .map(|known| KnownErrorRow {
                    forms: join(
                        known
                            .forms()
                            .map(|form| vec![Span::code(clean(&form))])
                            .collect(),
                        ", ",
                    ),
                    description: self.prose(&known.description, Some(name)),
                    source: Text::link(&known.source, Some(&self.headings.sources.anchor)),
                })
                .collect(),
            no_known_errors,
            search: clean(&search.join(" ")),
        }
    }

    fn type_text(&self, ty: &Type) -> Text {
        Text::new(self.type_spans(ty))
    }

    fn type_spans(&self, ty: &Type) -> Vec<Span> {
        match ty {
            Type::Array(item) => {
                let mut spans = vec![Span::plain("array of ")];
                spans.extend(self.type_spans(item));
                spans
            }
            Type::Enum(id) => {
                let name = &self.catalogue[*id].name;
                vec![Span::code(clean(name)).linked(Some(&self.headings.enum_heading(*id).anchor))]
            }
            Type::Object(id) => {
                let name = &self.catalogue[*id].name;
                vec![Span::code(clean(name)).linked(Some(&self.headings.object(*id).anchor))]
            }
            Type::String | Type::Integer | Type::Boolean | Type::AnyObject => {
                vec![Span::code(self.catalogue.type_spec_name(ty))]
            }
        }
    }

    fn attribute(&self, attribute: &Attribute, current: Option<&str>) -> AttributeRow {
        AttributeRow {
            name: Text::code(&attribute.name),
            role: attribute.role.map(|role| match role {
                Role::RequestId => "request id",
                Role::InteractionId => "interaction id",
                Role::Error => "error kind",
            }),
            ty: self.type_text(&attribute.ty),
            required: if attribute.required { "yes" } else { "no" },
            since: since_text(attribute.since.as_ref()),
            description: self.prose(&attribute.description, current),
            presence_label: if attribute.required {
                "Required"
            } else {
                "Optional"
            },
            presence: attribute
                .presence_reason
                .as_deref()
                .map(|reason| self.prose(reason, current)),
            notes: self.notes(&attribute.notes, current),
        }
    }

    fn envelope(&self) -> EnvelopeView {
        let envelope = &self.catalogue.envelope;
        EnvelopeView {
            heading: self.headings.envelope.clone(),
            description: self.prose(&envelope.description, None),
            source: envelope
                .source
                .as_deref()
                .map(|source| Text::link(source, Some(&self.headings.sources.anchor))),
            fields: envelope
                .fields
                .iter()
                .map(|field| self.attribute(field, None))
                .collect(),
        }
    }

    /// Links to the events, object types and envelope whose attributes use the type `name`.
    fn used_by(&self, uses: impl Fn(&Type) -> bool) -> Text {
        let mut parts: Vec<Vec<Span>> = Vec::new();
        for event in &self.catalogue.events {
            if event.attributes.iter().any(|a| uses(&a.ty)) {
                parts.push(vec![self.event_link(&event.name)]);
            }
        }
        for (id, object) in self.catalogue.objects() {
            if object.members.iter().any(|member| uses(&member.ty)) {
                let anchor = Some(&self.headings.object(id).anchor);
                parts.push(vec![
                    Span::plain("object type "),
                    Span::code(clean(&object.name)).linked(anchor),
                ]);
            }
        }
        if self.catalogue.envelope.fields.iter().any(|f| uses(&f.ty)) {
            parts.push(vec![
                Span::plain("the "),
                Span::code("_event").linked(Some(&self.headings.envelope.anchor)),
                Span::plain(" envelope"),
            ]);
        }
        join(parts, ", ")
    }

    fn enum_view(&self, id: EnumId, item: &Enum) -> EnumView {
        let integer = item.kind == EnumKind::Integer;
        EnumView {
            heading: self.headings.enum_heading(id).clone(),
            title: Text::plain(item.title.as_deref().unwrap_or(&item.name)),
            description: self.prose(&item.description, None),
            integer,
            described: item.values.iter().any(|value| value.description.is_some()),
            source: item
                .source
                .as_deref()
                .map(|source| Text::link(source, Some(&self.headings.sources.anchor))),
            notes: self.notes(&item.notes, None),
            values: item
                .values
                .iter()
                .map(|value| EnumValueRow {
                    wire: match &value.wire {
                        WireValue::Int(code) => Text::code(&code.to_string()),
                        WireValue::Str(text) => Text::code(text),
                    },
                    name: Text::code(&value.name),
                    description: value
                        .description
                        .as_deref()
                        .map(|text| self.prose(text, None))
                        .unwrap_or_default(),
                })
                .collect(),
            used_by: self.used_by(|ty| matches!(element_type(ty), Type::Enum(used) if *used == id)),
        }
    }

    fn object_view(&self, id: ObjectId, item: &ObjectType) -> ObjectView {
        ObjectView {
            heading: self.headings.object(id).clone(),
            title: Text::plain(item.title.as_deref().unwrap_or(&item.name)),
            description: self.prose(&item.description, None),
            open: item.open,
            source: item
                .source
                .as_deref()
                .map(|source| Text::link(source, Some(&self.headings.sources.anchor))),
            members: item
                .members
                .iter()
                .map(|member| self.attribute(member, None))
                .collect(),
            used_by: self
                .used_by(|ty| matches!(element_type(ty), Type::Object(used) if *used == id)),
        }
    }
}

/// A result event's own notes: its notes less the action's, which the lowering put first.
pub(super) fn strip_prefix_notes<'n>(notes: &'n [Note], action_notes: &[Note]) -> &'n [Note] {
    if notes.starts_with(action_notes) {
        &notes[action_notes.len()..]
    } else {
        notes
    }
}

/// The type itself, or the element type of an array (of arrays ...).
fn element_type(ty: &Type) -> &Type {
    match ty {
        Type::Array(item) => element_type(item),
        other => other,
    }
}

/// The parts as one text, with `separator` between them.
fn join(parts: Vec<Vec<Span>>, separator: &str) -> Text {
    let mut spans = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::plain(separator));
        }
        spans.extend(part);
    }
    Text::new(spans)
}

/// A `since` version as the tables show it: empty when there is none.
fn since_text(since: Option<&OrsVersion>) -> String {
    since.map(ToString::to_string).unwrap_or_default()
}
