//! The headings of the page and their anchors: every heading is made here, in the order the
//! templates show them, before any view, so that a link can point at a heading further down and
//! repeated Markdown slugs are numbered as GitHub numbers them.

use std::collections::HashMap;

use crate::ir::{Action, Catalogue, Event, EventKind, Family};

use super::text::{clean, Anchor, Span, Text};

/// A heading: its text and where it can be linked.
#[derive(Debug, Clone, Default)]
pub(super) struct Heading {
    pub(super) text: Text,
    pub(super) anchor: Anchor,
}

/// Every heading of the page, made in the order the templates show them, so that repeated
/// slugs are numbered as GitHub numbers them.
#[derive(Debug, Default)]
pub(super) struct Headings {
    pub(super) title: Heading,
    pub(super) contents: Heading,
    pub(super) families: HashMap<String, Heading>,
    pub(super) async_groups: HashMap<String, Heading>,
    pub(super) actions: HashMap<String, Heading>,
    pub(super) events: HashMap<String, Heading>,
    pub(super) envelope: Heading,
    pub(super) enums_section: Heading,
    pub(super) enums: HashMap<String, Heading>,
    pub(super) objects_section: Heading,
    pub(super) objects: HashMap<String, Heading>,
    pub(super) versions: Heading,
    pub(super) source_notes: Heading,
    pub(super) sources: Heading,
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
            title: add(Text::plain("ORS interaction events"), "top".into()),
            contents: add(Text::plain("Contents"), "contents".into()),
            ..Headings::default()
        };
        for family in &catalogue.families {
            let heading = add(
                Text::plain(&family.title),
                format!("family-{}", family.name),
            );
            headings.families.insert(family.name.clone(), heading);
            for (action, done, error) in result_pairs(catalogue, family) {
                let key = action_key(&family.name, &action.name);
                let text = Text::new(vec![Span::plain("Action "), Span::code(clean(&key))]);
                let heading = add(text, format!("action-{key}"));
                headings.actions.insert(key, heading);
                for event in [done, error] {
                    let heading = add(Text::code(&event.name), event.name.clone());
                    headings.events.insert(event.name.clone(), heading);
                }
            }
            let mut events = async_events(catalogue, family).peekable();
            if events.peek().is_some() {
                let text = Text::plain(&format!("Asynchronous {} events", family.name));
                let heading = add(text, format!("events-{}", family.name));
                headings.async_groups.insert(family.name.clone(), heading);
            }
            for event in events {
                let heading = add(Text::code(&event.name), event.name.clone());
                headings.events.insert(event.name.clone(), heading);
            }
        }
        headings.envelope = add(Text::plain("The event envelope"), "envelope".into());
        headings.enums_section = add(Text::plain("Enums"), "enums".into());
        for item in &catalogue.enums {
            let text = Text::new(vec![Span::plain("Enum "), Span::code(clean(&item.name))]);
            let heading = add(text, format!("enum-{}", item.name));
            headings.enums.insert(item.name.clone(), heading);
        }
        headings.objects_section = add(Text::plain("Object types"), "objects".into());
        for item in &catalogue.objects {
            let text = Text::new(vec![
                Span::plain("Object type "),
                Span::code(clean(&item.name)),
            ]);
            let heading = add(text, format!("object-{}", item.name));
            headings.objects.insert(item.name.clone(), heading);
        }
        headings.versions = add(Text::plain("Version notes"), "versions".into());
        headings.source_notes = add(
            Text::plain("Notes on the source page"),
            "source-notes".into(),
        );
        headings.sources = add(Text::plain("Sources"), "sources".into());
        headings
    }

    /// Where the event `name` can be linked, if there is such an event.
    pub(super) fn event(&self, name: &str) -> Option<&Anchor> {
        self.events.get(name).map(|heading| &heading.anchor)
    }
}

/// The name of an action, `family.action`, which also keys [`Headings::actions`].
pub(super) fn action_key(family: &str, action: &str) -> String {
    format!("{family}.{action}")
}

/// The events of a family's actions, as `(action, done, error)`.
pub(super) fn result_pairs<'a>(
    catalogue: &'a Catalogue,
    family: &'a Family,
) -> impl Iterator<Item = (&'a Action, &'a Event, &'a Event)> + 'a {
    catalogue
        .family_actions(family)
        .map(|action| (action, &catalogue[action.done], &catalogue[action.error]))
}

/// A family's asynchronous events, in catalogue order.
pub(super) fn async_events<'a>(
    catalogue: &'a Catalogue,
    family: &'a Family,
) -> impl Iterator<Item = &'a Event> + 'a {
    catalogue
        .family_events(family)
        .filter(|event| event.kind == EventKind::Async)
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
    fn slugs_follow_github() {
        let mut slugger = Slugger::default();
        assert_eq!(slugger.slug("voice.hold.done"), "voiceholddone");
        assert_eq!(slugger.slug("Action voice.hold"), "action-voicehold");
        assert_eq!(slugger.slug("Contents"), "contents");
        assert_eq!(slugger.slug("Contents"), "contents-1");
    }
}
