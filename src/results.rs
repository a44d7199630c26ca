//! Result correlation: which incoming event completes a pending request, and how.

use std::marker::PhantomData;

use crate::{Action, Event, OrsEvent};

/// How an action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// The done event arrived: the request succeeded.
    Done,
    /// The error event arrived: the request failed.
    Error,
}

/// An action with its typed result pair. Every action of the catalogue has a marker type that
/// implements it, such as [`crate::voice::Hold`].
pub trait ActionPair {
    /// The action.
    const ACTION: Action;
    /// The event that reports success.
    type Done: OrsEvent;
    /// The event that reports failure.
    type Error: OrsEvent;

    /// The done event, if `event` is one.
    fn done(event: &Event) -> Option<&Self::Done>;

    /// The error event, if `event` is one.
    fn error(event: &Event) -> Option<&Self::Error>;
}

/// A request the session issued and whose result it awaits.
///
/// ```
/// use ors_events::{voice, Event, Pending};
///
/// let pending = Pending::<voice::Hold>::new("req-17");
/// let event: Event = serde_json::from_str(
///     r#"{"name": "error.voice.hold", "data": {"requestid": "req-17", "error": "unknown", "description": "no call"}}"#,
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
    /// A pending request of action `A` with this request id.
    pub fn new(request_id: impl Into<String>) -> Self {
        Pending {
            request_id: request_id.into(),
            action: PhantomData,
        }
    }

    /// The request id.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Whether `event` completes this request: `Some(Ok(done))` on success, `Some(Err(error))`
    /// on failure, `None` when the event is about something else.
    pub fn completion<'e>(&self, event: &'e Event) -> Option<Result<&'e A::Done, &'e A::Error>> {
        if event.request_id() != Some(self.request_id.as_str()) {
            return None;
        }
        if let Some(done) = A::done(event) {
            return Some(Ok(done));
        }
        A::error(event).map(Err)
    }
}

impl Event {
    /// The action and outcome this event reports, if it is a result event.
    pub fn result_of(&self) -> Option<(Action, Outcome)> {
        self.event_name().result_of()
    }

    /// The action and outcome, if this event answers the request `request_id`.
    pub fn completes(&self, request_id: &str) -> Option<(Action, Outcome)> {
        if self.request_id() == Some(request_id) {
            self.result_of()
        } else {
            None
        }
    }
}
