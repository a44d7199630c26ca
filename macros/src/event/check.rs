//! The second stage: finds what is missing from a parsed struct, and gives the checked event
//! when nothing is.

use ors_events_core::version::OrsVersion;
use syn::{Error, Generics, Ident};

use super::parse::{Event, EventName, Marked};
use crate::errors::Errors;

/// An event struct with no mistake: everything [`super::expand`] needs.
pub(super) struct Checked<'a> {
    pub(super) ident: &'a Ident,
    pub(super) generics: &'a Generics,
    pub(super) name: EventName,
    /// The first release that sends the event, if `since` is given.
    pub(super) since: Option<OrsVersion>,
    pub(super) request_id: Option<Marked>,
    pub(super) interaction_id: Option<Marked>,
}

/// Reports a struct without `name`. Gives nothing when a mistake was recorded, here or by
/// [`super::parse`].
pub(super) fn check<'a>(input: Event<'a>, errors: &mut Errors) -> Option<Checked<'a>> {
    let name = match input.container.name {
        Some(name) => name,
        None => {
            if input.is_struct {
                errors.push(Error::new_spanned(
                    input.ident,
                    "#[derive(Event)] needs #[event(name = \"family.event\")] with the event's \
                     name on the wire, e.g. #[event(name = \"voice.hold.done\")]",
                ));
            }
            None
        }
    };
    // `since` is optional; an outer `None` is a wrong value, reported already.
    let since = match input.container.since {
        Some(since) => since.map(Some),
        None => Some(None),
    };
    if !input.is_struct {
        return None;
    }
    Some(Checked {
        ident: input.ident,
        generics: input.generics,
        name: name?,
        since: since?,
        request_id: input.request_id,
        interaction_id: input.interaction_id,
    })
}
