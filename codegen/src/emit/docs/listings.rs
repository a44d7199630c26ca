//! The two page-wide listings, each gathered from the whole catalogue: the version notes (what
//! appeared in which ORS release) and the quirks of the source page.

use crate::ir::{Event, Note, NoteKind};
use crate::version::OrsVersion;

use super::builder::{strip_prefix_notes, Builder};
use super::headings::{action_key, async_events, result_pairs};
use super::text::{clean, Span, Text};
use super::views::{PlacedNote, VersionRow};

impl Builder<'_> {
    /// Every event, attribute, object member and envelope field with a `since`, oldest first.
    pub(super) fn version_rows(&self) -> Vec<VersionRow> {
        let catalogue = self.catalogue;
        let mut rows: Vec<(OrsVersion, Vec<Span>)> = Vec::new();
        for event in &catalogue.events {
            if let Some(since) = event.since {
                rows.push((
                    since,
                    vec![Span::plain("event "), self.event_link(&event.name)],
                ));
            }
            for attribute in &event.attributes {
                if let Some(since) = attribute.since {
                    rows.push((
                        since,
                        vec![
                            Span::plain("attribute "),
                            Span::code(clean(&attribute.name)),
                            Span::plain(" of "),
                            self.event_link(&event.name),
                        ],
                    ));
                }
            }
        }
        for (id, object) in catalogue.objects() {
            let anchor = Some(&self.headings.object(id).anchor);
            for member in &object.members {
                if let Some(since) = member.since {
                    rows.push((
                        since,
                        vec![
                            Span::plain("member "),
                            Span::code(clean(&member.name)),
                            Span::plain(" of object type "),
                            Span::code(clean(&object.name)).linked(anchor),
                        ],
                    ));
                }
            }
        }
        for field in &catalogue.envelope.fields {
            if let Some(since) = field.since {
                rows.push((
                    since,
                    vec![
                        Span::plain("envelope field "),
                        Span::code(clean(&field.name)).linked(Some(&self.headings.envelope.anchor)),
                    ],
                ));
            }
        }
        rows.sort_by_key(|row| row.0);
        rows.into_iter()
            .map(|(since, what)| VersionRow {
                since: since.to_string(),
                what: Text::new(what),
            })
            .collect()
    }

    /// Every quirk note, with a link to what it is about.
    pub(super) fn quirks(&self) -> Vec<PlacedNote> {
        let catalogue = self.catalogue;
        let mut placed = Vec::new();
        let mut push = |place: Vec<Span>, notes: &[Note], current: Option<&str>| {
            for note in notes.iter().filter(|note| note.kind == NoteKind::Quirk) {
                placed.push(PlacedNote {
                    place: Text::new(place.clone()),
                    text: self.prose(&note.text, current),
                });
            }
        };
        for (id, family) in catalogue.families() {
            let anchor = Some(&self.headings.family(id).anchor);
            push(
                vec![
                    Span::plain("family "),
                    Span::code(clean(&family.name)).linked(anchor),
                ],
                &family.notes,
                None,
            );
            for (id, action) in result_pairs(catalogue, family) {
                let key = action_key(&family.name, &action.name);
                let anchor = Some(&self.headings.action(id).anchor);
                push(
                    vec![
                        Span::plain("action "),
                        Span::code(clean(&key)).linked(anchor),
                    ],
                    &action.notes,
                    None,
                );
                for event in [&catalogue[action.done], &catalogue[action.error]] {
                    self.push_event_quirks(
                        &mut push,
                        event,
                        strip_prefix_notes(&event.notes, &action.notes),
                    );
                }
            }
            for (_, event) in async_events(catalogue, family) {
                self.push_event_quirks(&mut push, event, &event.notes);
            }
        }
        for (id, item) in catalogue.enums() {
            let anchor = Some(&self.headings.enum_heading(id).anchor);
            push(
                vec![
                    Span::plain("enum "),
                    Span::code(clean(&item.name)).linked(anchor),
                ],
                &item.notes,
                None,
            );
        }
        for (id, object) in catalogue.objects() {
            let anchor = Some(&self.headings.object(id).anchor);
            for member in &object.members {
                push(
                    vec![
                        Span::plain("member "),
                        Span::code(clean(&member.name)),
                        Span::plain(" of "),
                        Span::code(clean(&object.name)).linked(anchor),
                    ],
                    &member.notes,
                    None,
                );
            }
        }
        placed
    }

    /// Pushes the quirks of `event` (its own `notes`) and of its attributes.
    fn push_event_quirks(
        &self,
        push: &mut impl FnMut(Vec<Span>, &[Note], Option<&str>),
        event: &Event,
        notes: &[Note],
    ) {
        let name = Some(event.name.as_str());
        push(vec![self.event_link(&event.name)], notes, name);
        for attribute in &event.attributes {
            push(
                vec![
                    Span::plain("attribute "),
                    Span::code(clean(&attribute.name)),
                    Span::plain(" of "),
                    self.event_link(&event.name),
                ],
                &attribute.notes,
                name,
            );
        }
    }
}
