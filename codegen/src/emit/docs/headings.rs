//! The headings of the page and their anchors: every heading is made here, in the order the
//! templates show them, before any view, so that a link can point at a heading further down and
//! repeated Markdown slugs are numbered as GitHub numbers them.

use std::collections::HashMap;

use crate::ir::{
    Action, ActionId, Catalogue, EnumId, Event, EventId, EventKind, Family, FamilyId, ObjectId,
};

use super::text::{clean, Anchor, Span, Text};

/// A heading: its text and where it can be linked.
#[derive(Debug, Clone, Default)]
pub(super) struct Heading {
    pub(super) text: Text,
    pub(super) anchor: Anchor,
}

/// Every heading of the page, made in the order the templates show them, so that repeated
/// slugs are numbered as GitHub numbers them. The headings of families, actions, events, enums
/// and object types are indexed by the item's id: the page shows them in catalogue order, which
/// is the order of the IR's arenas.
#[derive(Debug, Default)]
pub(super) struct Headings {
    pub(super) title: Heading,
    pub(super) contents: Heading,
    families: Vec<Heading>,
    async_groups: Vec<Option<Heading>>,
    actions: Vec<Heading>,
    events: Vec<Heading>,
    pub(super) envelope: Heading,
    pub(super) enums_section: Heading,
    enums: Vec<Heading>,
    pub(super) objects_section: Heading,
    objects: Vec<Heading>,
    pub(super) versions: Heading,
    pub(super) source_notes: Heading,
    pub(super) sources: Heading,
    /// Event anchors by wire name, for prose, whose code spans may name any event or none.
    event_anchors: HashMap<String, Anchor>,
}

impl Headings {
    /// Makes every heading of the page for `catalogue`, in the templates' order.
    pub(super) fn new(catalogue: &Catalogue) -> Headings {
        let mut slugger = Slugger::default();
        let mut add = |text: Text, html: String| {
            let anchor = slugger.heading(&text, html);
            Heading { text, anchor }
        };
        let mut headings = Headings {
            title: add(
                Text::plain("ORS Interaction Interface events"),
                "top".into(),
            ),
            contents: add(Text::plain("Contents"), "contents".into()),
            ..Headings::default()
        };
        for family in &catalogue.families {
            let heading = add(
                Text::plain(&family.title),
                format!("family-{}", family.name),
            );
            headings.families.push(heading);
            for (_, action) in result_pairs(catalogue, family) {
                let key = action_key(&family.name, &action.name);
                let text = Text::new(vec![Span::plain("Action "), Span::code(clean(&key))]);
                headings.actions.push(add(text, format!("action-{key}")));
                for event in [&catalogue[action.done], &catalogue[action.error]] {
                    headings
                        .events
                        .push(add(Text::code(&event.name), event.name.clone()));
                }
            }
            let mut events = async_events(catalogue, family).peekable();
            let group = events.peek().is_some().then(|| {
                let text = Text::plain(&format!("Asynchronous {} events", family.name));
                add(text, format!("events-{}", family.name))
            });
            headings.async_groups.push(group);
            for (_, event) in events {
                headings
                    .events
                    .push(add(Text::code(&event.name), event.name.clone()));
            }
        }
        headings.envelope = add(Text::plain("The event envelope"), "envelope".into());
        headings.enums_section = add(Text::plain("Enums"), "enums".into());
        for item in &catalogue.enums {
            let text = Text::new(vec![Span::plain("Enum "), Span::code(clean(&item.name))]);
            headings
                .enums
                .push(add(text, format!("enum-{}", item.name)));
        }
        headings.objects_section = add(Text::plain("Object types"), "objects".into());
        for item in &catalogue.objects {
            let text = Text::new(vec![
                Span::plain("Object type "),
                Span::code(clean(&item.name)),
            ]);
            headings
                .objects
                .push(add(text, format!("object-{}", item.name)));
        }
        headings.versions = add(Text::plain("Version notes"), "versions".into());
        headings.source_notes = add(
            Text::plain("Notes on the source page"),
            "source-notes".into(),
        );
        headings.sources = add(Text::plain("Sources"), "sources".into());
        headings.event_anchors = catalogue
            .events
            .iter()
            .zip(&headings.events)
            .map(|(event, heading)| (event.name.clone(), heading.anchor.clone()))
            .collect();
        headings
    }

    /// The heading of family `id`.
    pub(super) fn family(&self, id: FamilyId) -> &Heading {
        &self.families[id.index()]
    }

    /// The heading of family `id`'s asynchronous events, when it has any.
    pub(super) fn async_group(&self, id: FamilyId) -> Option<&Heading> {
        self.async_groups[id.index()].as_ref()
    }

    /// The heading of action `id`.
    pub(super) fn action(&self, id: ActionId) -> &Heading {
        &self.actions[id.index()]
    }

    /// The heading of event `id`.
    pub(super) fn event(&self, id: EventId) -> &Heading {
        &self.events[id.index()]
    }

    /// The heading of enum `id`.
    pub(super) fn enum_heading(&self, id: EnumId) -> &Heading {
        &self.enums[id.index()]
    }

    /// The heading of object type `id`.
    pub(super) fn object(&self, id: ObjectId) -> &Heading {
        &self.objects[id.index()]
    }

    /// Where the event named `name` can be linked, if there is such an event: for names in
    /// prose, which may be anything.
    pub(super) fn event_named(&self, name: &str) -> Option<&Anchor> {
        self.event_anchors.get(name)
    }
}

/// The name of an action, `family.action`.
pub(super) fn action_key(family: &str, action: &str) -> String {
    format!("{family}.{action}")
}

/// A family's actions with their ids.
pub(super) fn result_pairs<'a>(
    catalogue: &'a Catalogue,
    family: &'a Family,
) -> impl Iterator<Item = (ActionId, &'a Action)> + 'a {
    family.actions.iter().map(|id| (*id, &catalogue[*id]))
}

/// A family's asynchronous events with their ids, in catalogue order.
pub(super) fn async_events<'a>(
    catalogue: &'a Catalogue,
    family: &'a Family,
) -> impl Iterator<Item = (EventId, &'a Event)> + 'a {
    family
        .events
        .iter()
        .map(|id| (*id, &catalogue[*id]))
        .filter(|(_, event)| event.kind == EventKind::Async)
}

/// GitHub's heading slugs: lower case, spaces to `-`, everything but letters, digits, `-` and
/// `_` dropped, and `-1`, `-2`, ... appended to repeats.
#[derive(Debug, Default)]
struct Slugger {
    occurrences: HashMap<String, usize>,
}

impl Slugger {
    fn slug(&mut self, content: &str) -> String {
        let original: String = content
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let mut result = original.clone();
        while self.occurrences.contains_key(&result) {
            let count = self.occurrences.entry(original.clone()).or_insert(0);
            *count += 1;
            result = format!("{original}-{count}");
        }
        self.occurrences.insert(result.clone(), 0);
        result
    }

    /// The anchor of a heading that shows `text` and has the HTML id `html`.
    fn heading(&mut self, text: &Text, html: String) -> Anchor {
        Anchor {
            md: self.slug(&text.content()),
            html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_indexed_by_id() {
        let catalogue =
            crate::compile(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec"))
                .unwrap_or_else(|problems| panic!("{problems}"));
        let headings = Headings::new(&catalogue);
        for (id, event) in catalogue.events() {
            assert_eq!(headings.event(id).anchor.html, event.name);
        }
        for (index, action) in catalogue.actions.iter().enumerate() {
            let family = &catalogue[action.family].name;
            let expected = format!("action-{family}.{}", action.name);
            assert_eq!(headings.actions[index].anchor.html, expected);
        }
        for (index, family) in catalogue.families.iter().enumerate() {
            assert_eq!(
                headings.families[index].anchor.html,
                format!("family-{}", family.name)
            );
        }
    }

    #[test]
    fn slugs_follow_github() {
        let mut slugger = Slugger::default();
        assert_eq!(slugger.slug("voice.hold.done"), "voiceholddone");
        assert_eq!(slugger.slug("Action voice.hold"), "action-voicehold");
        assert_eq!(slugger.slug("Contents"), "contents");
        assert_eq!(slugger.slug("Contents"), "contents-1");
    }
}
