//! The traits generated and hand-written event types implement, through the derive macros.

use crate::OrsVersion;

/// An event type: its wire name, family and first release, and where its request and
/// interaction ids are. Implement it with `#[derive(ors_events::Event)]`.
///
/// ```
/// use ors_events::OrsEvent;
///
/// /// An event an application raises itself with `<send>`.
/// #[derive(ors_events::Event)]
/// #[event(name = "myapp.callback.scheduled", since = "8.1.400.09")]
/// struct CallbackScheduled {
///     #[event(interaction_id)]
///     interactionid: String,
/// }
///
/// let event = CallbackScheduled { interactionid: "ix-1".into() };
/// assert_eq!(CallbackScheduled::NAME, "myapp.callback.scheduled");
/// assert_eq!(CallbackScheduled::FAMILY, "myapp");
/// assert_eq!(event.interaction_id(), Some("ix-1"));
/// ```
pub trait OrsEvent {
    /// The event's name on the wire, as `<transition event="...">` matches it.
    const NAME: &'static str;
    /// Its family: the first token of the name, after an `error.` prefix.
    const FAMILY: &'static str;
    /// The first ORS release that sends it, when the catalogue says.
    const SINCE: Option<OrsVersion>;

    /// The id of the request this event answers, for result events.
    fn request_id(&self) -> Option<&str> {
        None
    }

    /// The id of the interaction the event is about, when it carries one.
    fn interaction_id(&self) -> Option<&str> {
        None
    }
}

/// An enum whose values travel as integer codes or strings, and which keeps values it does not
/// know instead of failing. Implement it with `#[derive(ors_events::OrsEnum)]`.
pub trait OrsEnum: Sized + 'static {
    /// Every value the catalogue knows, in catalogue order.
    const KNOWN: &'static [Self];

    /// Whether this is one of [`OrsEnum::KNOWN`], not a value kept from a newer server.
    fn is_known(&self) -> bool;
}

/// What the catalogue says of one attribute of an event, for tools that work by name (see
/// [`crate::EventName::attributes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttributeInfo {
    /// The attribute's name on the wire.
    pub name: &'static str,
    /// Whether every event of this kind carries it.
    pub required: bool,
    /// The first ORS release that sends it, when later than its event.
    pub since: Option<OrsVersion>,
}

/// A name that is not one of an enum's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The enum's Rust name.
    pub enum_name: &'static str,
    /// The text that was not recognised.
    pub text: String,
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` is not a name or code of {}",
            self.text, self.enum_name
        )
    }
}

impl std::error::Error for UnknownName {}
