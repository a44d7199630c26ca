//! Correlating results with requests: an action's marker type names its done and error events,
//! and [`Pending`] tells whether an event completes a request, and how.

use std::marker::PhantomData;

use crate::runtime::Catalogue;
use crate::OrsEvent;

/// How an action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Its done event arrived.
    Done,
    /// Its error event arrived.
    Error,
}

/// An action answered by a done event or an error event. Generated bindings implement it on
/// each action's marker type, such as `ors_events::voice::Hold`.
pub trait ActionPair {
    /// The catalogue the action belongs to.
    type Catalogue: Catalogue;
    /// The action, as a value.
    const ACTION: <Self::Catalogue as Catalogue>::Action;
    /// The done event's data.
    type Done: OrsEvent;
    /// The error event's data.
    type Error: OrsEvent;

    /// The done event's data, when `event` is the done event.
    fn done(event: &<Self::Catalogue as Catalogue>::Event) -> Option<&Self::Done>;

    /// The error event's data, when `event` is the error event.
    fn error(event: &<Self::Catalogue as Catalogue>::Event) -> Option<&Self::Error>;
}

/// A request the session issued and whose result it awaits.
///
/// ```
/// use ors_events::{voice, Event, Pending};
///
/// let pending = Pending::<voice::Hold>::new("req-17");
/// let event: Event = serde_json::from_str(
///     r#"{"name": "error.voice.hold", "data": {"requestid": "req-17", "interactionid": "ix-4", "error": "unknown", "description": "no call"}}"#,
/// )?;
/// match pending.completion(&event) {
///     Some(Ok(done)) => println!("held {:?}", done.interactionid),
///     Some(Err(failed)) => assert_eq!(failed.error, "unknown"),
///     None => unreachable!("this event answers req-17"),
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pending<A: ActionPair> {
    request_id: String,
    action: PhantomData<fn() -> A>,
}

impl<A: ActionPair> Pending<A> {
    /// A request of action `A` with this id.
    pub fn new(request_id: impl Into<String>) -> Self {
        Pending {
            request_id: request_id.into(),
            action: PhantomData,
        }
    }

    /// The request's id.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Whether `event` completes this request: `Some(Ok(done))` or `Some(Err(error))` for its
    /// own result events with its request id, `None` for any other event.
    pub fn completion<'e>(
        &self,
        event: &'e <A::Catalogue as Catalogue>::Event,
    ) -> Option<Result<&'e A::Done, &'e A::Error>> {
        if <A::Catalogue as Catalogue>::request_id(event) != Some(self.request_id.as_str()) {
            return None;
        }
        if let Some(done) = A::done(event) {
            return Some(Ok(done));
        }
        A::error(event).map(Err)
    }
}
