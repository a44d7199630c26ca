//! SCXML event descriptors (W3C SCXML 1.0, section 3.12.1) and what they match in the catalogue.
//!
//! A `<transition event="...">` holds a space-separated list of descriptors. A descriptor matches
//! an event when its dot-separated tokens are the event's first tokens (`interaction` and
//! `interaction.*` both match `interaction.added`; `interaction.party` matches nothing, tokens
//! are whole), `*` matches every event, and a trailing `.*` (or a bare trailing `.`) is ignored.
//! Matching is case-sensitive.
//!
//! ```
//! use ors_events::lint::descriptor::{matches, Pattern};
//!
//! assert!(matches("interaction", "interaction.added"));
//! assert!(matches("error.voice.*", "error.voice.hold"));
//! assert!(!matches("interaction.party", "interaction.partyadded"));
//! assert_eq!(Pattern::parse("voice.hold.*"), Pattern::Prefix(vec!["voice", "hold"]));
//! ```

use super::Catalogue;

/// What one descriptor of a `<transition event="...">` list says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern<'a> {
    /// `*`: every event.
    Any,
    /// The events whose dot-separated tokens start with these tokens (`interaction.*` and
    /// `interaction` are both `["interaction"]`).
    Prefix(Vec<&'a str>),
    /// A descriptor that cannot match any event as written, and why.
    Invalid(&'static str),
}

impl<'a> Pattern<'a> {
    /// Parses one descriptor (already split from its list and unquoted).
    pub fn parse(descriptor: &'a str) -> Pattern<'a> {
        if descriptor == "*" {
            return Pattern::Any;
        }
        let stem = descriptor
            .strip_suffix(".*")
            .or_else(|| descriptor.strip_suffix('.'))
            .unwrap_or(descriptor);
        if stem.is_empty() {
            return Pattern::Invalid("it has no token before the wildcard");
        }
        let tokens: Vec<&str> = stem.split('.').collect();
        if tokens.iter().any(|token| token.contains('*')) {
            return Pattern::Invalid("`*` is a wildcard only alone or as a trailing `.*`");
        }
        if tokens.iter().any(|token| token.is_empty()) {
            return Pattern::Invalid("it has an empty token (`..` or a leading `.`)");
        }
        Pattern::Prefix(tokens)
    }

    /// Whether the descriptor matches the event named `event`.
    pub fn matches(&self, event: &str) -> bool {
        match self {
            Pattern::Any => true,
            Pattern::Invalid(_) => false,
            Pattern::Prefix(tokens) => {
                let mut names = event.split('.');
                tokens.iter().all(|token| names.next() == Some(*token))
            }
        }
    }

    /// The events of `catalogue` the descriptor matches, by their index in
    /// [`Catalogue::events`], in catalogue order.
    pub fn catalogue_events(&self, catalogue: &Catalogue) -> Vec<usize> {
        catalogue
            .events()
            .iter()
            .enumerate()
            .filter(|(_, event)| self.matches(&event.name))
            .map(|(index, _)| index)
            .collect()
    }
}

/// Whether `descriptor` matches the event named `event`, by the W3C SCXML rules.
pub fn matches(descriptor: &str, event: &str) -> bool {
    Pattern::parse(descriptor).matches(event)
}

/// The name of the family of `catalogue` a descriptor lies in, if any: its first token, or its
/// second after `error.`, names a family (`interaction.added`, `error.voice.*`, `chat`). The
/// family is recognised whatever its case (`Interaction.added` lies in `interaction`, and
/// matches nothing), so a wrongly cased name is reported. A bare `error`, `error.*` and `*` lie
/// in no family: they match events the catalogue does not describe.
pub fn owned_family<'c>(catalogue: &'c Catalogue, descriptor: &str) -> Option<&'c str> {
    let mut tokens = descriptor.split('.');
    let first = tokens.next()?;
    let token = if first.eq_ignore_ascii_case("error") {
        tokens.next()?
    } else {
        first
    };
    catalogue
        .families()
        .iter()
        .find(|family| family.eq_ignore_ascii_case(token))
        .map(String::as_str)
}

/// The descriptor's text without quotes some tools put around it (`'interaction.added'`,
/// `"voice.hold.done"`, or a quote at either end of a quoted list), and how many bytes were
/// removed from its front.
pub fn unquote(descriptor: &str) -> (&str, usize) {
    let quote = |c: char| c == '\'' || c == '"';
    let front = descriptor.strip_prefix(quote);
    let shift = if front.is_some() { 1 } else { 0 };
    let inner = front.unwrap_or(descriptor);
    (inner.strip_suffix(quote).unwrap_or(inner), shift)
}

/// The closest descriptor `catalogue` would match to an unknown one: an event name or a
/// whole-token prefix of one (`voice.hold`), keeping a trailing `.*`.
pub fn suggestion(catalogue: &Catalogue, descriptor: &str) -> Option<String> {
    let (stem, wildcard) = match descriptor.strip_suffix(".*") {
        Some(stem) => (stem, ".*"),
        None => (descriptor.strip_suffix('.').unwrap_or(descriptor), ""),
    };
    let mut candidates: Vec<&str> = Vec::new();
    for event in catalogue.events() {
        let name = event.name.as_str();
        candidates.push(name);
        candidates.extend(
            name.match_indices('.')
                .map(|(dot, _)| &name[..dot])
                .filter(|prefix| prefix.contains('.')),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    ors_events_core::names::closest(stem, candidates).map(|found| format!("{found}{wildcard}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::{EventName, Family};

    /// The built-in catalogue's events a descriptor matches.
    fn matched(descriptor: &str) -> Vec<EventName> {
        let catalogue = Catalogue::builtin();
        Pattern::parse(descriptor)
            .catalogue_events(catalogue)
            .into_iter()
            .map(|index| EventName::from_name(&catalogue.events()[index].name).unwrap())
            .collect()
    }

    /// The built-in catalogue's family a descriptor lies in.
    fn owned_family(descriptor: &str) -> Option<Family> {
        let name = super::owned_family(Catalogue::builtin(), descriptor)?;
        Family::ALL
            .into_iter()
            .find(|family| family.as_str() == name)
    }

    /// The suggestion from the built-in catalogue.
    fn suggestion(descriptor: &str) -> Option<String> {
        super::suggestion(Catalogue::builtin(), descriptor)
    }

    #[test]
    fn tokens_are_whole() {
        assert!(matches("interaction.added", "interaction.added"));
        assert!(matches("interaction", "interaction.added"));
        assert!(matches("interaction.udata", "interaction.udata.changed"));
        assert!(!matches("interaction.party", "interaction.partyadded"));
        assert!(!matches("interaction.added.more", "interaction.added"));
        assert!(!matches("interaction.adde", "interaction.added"));
        assert!(!matches("voice", "error.voice.hold"));
    }

    #[test]
    fn wildcards() {
        assert!(matches("*", "interaction.added"));
        assert!(matches("*", "anything"));
        assert!(matches("interaction.*", "interaction.added"));
        assert!(matches("error.*", "error.voice.hold"));
        assert!(matches("error.voice.*", "error.voice.hold"));
        assert!(matches("error.voice.", "error.voice.hold"));
        assert!(matches("voice.hold.done.*", "voice.hold.done"));
        assert!(!matches("interaction.*.done", "interaction.attach.done"));
        assert!(!matches("interaction*", "interaction.added"));
        assert_eq!(
            Pattern::parse("interaction.*.done"),
            Pattern::Invalid("`*` is a wildcard only alone or as a trailing `.*`")
        );
        assert!(matches!(
            Pattern::parse("interaction..added"),
            Pattern::Invalid(_)
        ));
        assert!(matches!(Pattern::parse(".*"), Pattern::Invalid(_)));
        assert_eq!(Pattern::parse("*"), Pattern::Any);
    }

    #[test]
    fn case_sensitive() {
        assert!(!matches("Interaction.added", "interaction.added"));
        assert!(!matches("interaction.ADDED", "interaction.added"));
    }

    #[test]
    fn catalogue_events() {
        let hold = matched("voice.hold");
        assert_eq!(hold, vec![EventName::VoiceHoldDone]);
        let errors = matched("error.voice");
        assert!(errors.contains(&EventName::ErrorVoiceHold));
        assert!(errors
            .iter()
            .all(|e| e.as_str().starts_with("error.voice.")));
        assert_eq!(matched("*").len(), EventName::ALL.len());
        assert!(matched("interaction.partydelete").is_empty());
    }

    #[test]
    fn families() {
        assert_eq!(owned_family("interaction.added"), Some(Family::Interaction));
        assert_eq!(owned_family("interaction"), Some(Family::Interaction));
        assert_eq!(owned_family("Interaction.added"), Some(Family::Interaction));
        assert_eq!(owned_family("error.voice.hold"), Some(Family::Voice));
        assert_eq!(owned_family("error.voice.*"), Some(Family::Voice));
        assert_eq!(owned_family("error.chat"), Some(Family::Chat));
        assert_eq!(owned_family("msgbased.*"), Some(Family::Msgbased));
        assert_eq!(owned_family("error"), None);
        assert_eq!(owned_family("error.*"), None);
        assert_eq!(owned_family("error.execution"), None);
        assert_eq!(owned_family("*"), None);
        assert_eq!(owned_family("queue.submit.done"), None);
        assert_eq!(owned_family("dialog.start"), None);
        assert_eq!(owned_family("application.ready"), None);
        assert_eq!(owned_family("voicemail.left"), None);
        assert_eq!(owned_family(""), None);
    }

    #[test]
    fn families_of_another_catalogue() {
        let event = |name: &str, family: &str| crate::lint::catalogue::Event {
            name: name.into(),
            family: family.into(),
            since: None,
            attributes: Vec::new(),
        };
        let catalogue = Catalogue::new(
            vec!["queue".into()],
            vec![event("queue.submit.done", "queue")],
        );
        assert_eq!(
            super::owned_family(&catalogue, "error.Queue.submit"),
            Some("queue")
        );
        assert_eq!(super::owned_family(&catalogue, "interaction.added"), None);
        assert_eq!(Pattern::parse("queue").catalogue_events(&catalogue), [0]);
        assert_eq!(
            super::suggestion(&catalogue, "queue.submt.done").as_deref(),
            Some("queue.submit.done")
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(unquote("'interaction.added'"), ("interaction.added", 1));
        assert_eq!(unquote("\"voice.hold.done\""), ("voice.hold.done", 1));
        assert_eq!(unquote("'interaction.added"), ("interaction.added", 1));
        assert_eq!(unquote("interaction.deleted'"), ("interaction.deleted", 0));
        assert_eq!(unquote("interaction.added"), ("interaction.added", 0));
        assert_eq!(unquote("'"), ("", 1));
        assert_eq!(unquote("''"), ("", 1));
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggestion("interaction.partydelete").as_deref(),
            Some("interaction.partydeleted")
        );
        assert_eq!(
            suggestion("interaction.paprtydeleted").as_deref(),
            Some("interaction.partydeleted")
        );
        assert_eq!(
            suggestion("error.voice.hld").as_deref(),
            Some("error.voice.hold")
        );
        assert_eq!(suggestion("voice.hlod.*").as_deref(), Some("voice.hold.*"));
        assert_eq!(
            suggestion("Interaction.added").as_deref(),
            Some("interaction.added")
        );
        assert_eq!(suggestion("chat.zzzzzzzzzzzzzzzzzzzzzzzzz"), None);
    }
}
