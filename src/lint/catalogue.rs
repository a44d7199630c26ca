//! The catalogue a linter checks against: its families, and its events with their attributes
//! and releases.
//!
//! [`Catalogue::builtin`] is the catalogue compiled into this crate, which [`lint`](super::lint)
//! and [`lint_bytes`](super::lint_bytes) use. Any other comes from a
//! [`DynCatalogue`] (a spec read at run time, as `ors-events lint --spec DIR` reads it) or from
//! its parts ([`Catalogue::new`]), and lints with [`Catalogue::lint`].
//!
//! ```
//! use ors_events::lint::catalogue::{Attribute, Catalogue, Event};
//! use ors_events::lint::Options;
//!
//! let done = Event {
//!     name: "queue.submit.done".into(),
//!     family: "queue".into(),
//!     since: None,
//!     attributes: vec![Attribute { name: "requestid".into(), required: true, since: None }],
//! };
//! let catalogue = Catalogue::new(Vec::new(), vec![done]);
//! let findings = catalogue.lint(
//!     r#"<scxml><transition event="queue.submt.done" cond="_event.data.requestid"/></scxml>"#,
//!     &Options::new(),
//! );
//! assert_eq!(findings[0].code, "unknown-event");
//! assert_eq!(findings[0].suggestion.as_deref(), Some("queue.submit.done"));
//! ```

use std::sync::OnceLock;

use crate::validate::dynamic::DynCatalogue;
use crate::{EventName, Family, OrsVersion};

/// The families and events a linter knows. A descriptor is checked when it lies in one of the
/// families (see [`owned_family`](super::descriptor::owned_family)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    families: Vec<String>,
    events: Vec<Event>,
}

/// An event of a [`Catalogue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The wire name (`interaction.added`), which descriptors match.
    pub name: String,
    /// Its family's name.
    pub family: String,
    /// The first ORS release that sends it, when the catalogue says.
    pub since: Option<OrsVersion>,
    /// Its attributes, in catalogue order: what `_event.data.NAME` may read.
    pub attributes: Vec<Attribute>,
}

/// An attribute of an [`Event`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// The wire name, as `_event.data.NAME` reads it.
    pub name: String,
    /// Whether every event of its kind carries it.
    pub required: bool,
    /// The first ORS release that sends it, when the catalogue says (it may be earlier than
    /// its event's).
    pub since: Option<OrsVersion>,
}

impl Catalogue {
    /// A catalogue of these events. Its families are `families`, then the families of `events`
    /// that `families` leaves out, in the order they first appear; each is listed once. Event
    /// names should be unique: a descriptor matching two events of one name reports both.
    pub fn new(families: Vec<String>, events: Vec<Event>) -> Catalogue {
        let mut unique: Vec<String> = Vec::with_capacity(families.len());
        let named = families
            .into_iter()
            .chain(events.iter().map(|event| event.family.clone()));
        for family in named {
            if !unique.contains(&family) {
                unique.push(family);
            }
        }
        Catalogue {
            families: unique,
            events,
        }
    }

    /// The catalogue compiled into this crate (`EventName::ALL` and `Family::ALL`), made once.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(Catalogue::compiled_in)
    }

    fn compiled_in() -> Catalogue {
        let families = Family::ALL
            .iter()
            .map(|family| family.as_str().to_owned())
            .collect();
        let events = EventName::ALL
            .iter()
            .map(|event| Event {
                name: event.as_str().to_owned(),
                family: event.family().as_str().to_owned(),
                since: event.since(),
                attributes: event
                    .attributes()
                    .iter()
                    .map(|attribute| Attribute {
                        name: attribute.name.to_owned(),
                        required: attribute.required,
                        since: attribute.since,
                    })
                    .collect(),
            })
            .collect();
        Catalogue::new(families, events)
    }

    /// Every family's name (the first token of its events' names, or the second after
    /// `error.`), in catalogue order.
    pub fn families(&self) -> &[String] {
        &self.families
    }

    /// Every event, in catalogue order; linter functions name them by their index here.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}

impl From<&DynCatalogue> for Catalogue {
    /// The linter's view of a catalogue read at run time: its families, and its events'
    /// names, releases and attributes (their types are not linted).
    fn from(catalogue: &DynCatalogue) -> Catalogue {
        let events = catalogue
            .events()
            .iter()
            .map(|event| Event {
                name: event.name.clone(),
                family: event.family.clone(),
                since: event.since,
                attributes: event
                    .attributes
                    .iter()
                    .map(|attribute| Attribute {
                        name: attribute.name.clone(),
                        required: attribute.required,
                        since: attribute.since,
                    })
                    .collect(),
            })
            .collect();
        Catalogue::new(catalogue.families().to_vec(), events)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn the_builtin_catalogue_is_the_generated_one() {
        let catalogue = Catalogue::builtin();
        assert_eq!(catalogue.families().len(), Family::ALL.len());
        assert_eq!(catalogue.events().len(), EventName::ALL.len());
        for (event, name) in catalogue.events().iter().zip(EventName::ALL) {
            assert_eq!(event.name, name.as_str());
            assert_eq!(event.family, name.family().as_str());
            assert_eq!(event.since, name.since());
            let attributes: Vec<&str> = event.attributes.iter().map(|a| a.name.as_str()).collect();
            let generated: Vec<&str> = name.attributes().iter().map(|a| a.name).collect();
            assert_eq!(attributes, generated);
        }
    }

    #[test]
    fn families_are_listed_once_in_order() {
        let event = |name: &str, family: &str| Event {
            name: name.into(),
            family: family.into(),
            since: None,
            attributes: Vec::new(),
        };
        let catalogue = Catalogue::new(
            vec!["b".into(), "c".into(), "b".into()],
            vec![event("a.x", "a"), event("b.x", "b"), event("a.y", "a")],
        );
        assert_eq!(catalogue.families(), ["b", "c", "a"]);
    }

    /// The spec read at run time gives the linter what the compiled-in bindings give it.
    #[cfg(feature = "spec")]
    #[test]
    fn the_spec_read_at_run_time_is_the_builtin_catalogue() {
        let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec");
        let read = DynCatalogue::load(&spec).unwrap_or_else(|problems| panic!("{problems}"));
        assert_eq!(&Catalogue::from(&read), Catalogue::builtin());
    }
}
