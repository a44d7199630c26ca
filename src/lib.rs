//! Typed events, validators and tools for the Genesys Orchestration Server (ORS) interaction
//! event catalogue.
//!
//! The catalogue lives in `spec/` as YAML. This crate's build script generates the Rust
//! bindings from it on every `cargo build` after a spec edit; the same bindings, the JSON Schema
//! and the docs are committed under `generated/` by `cargo run --features cli -- generate`.
//!
//! # Decoding and matching events
//!
//! Every event is a struct in the module of its family ([`interaction`], [`voice`],
//! [`msgbased`], [`chat`]) and a variant of [`enum@Event`]. An event decodes from its SCXML envelope
//! (`{"name": ..., "data": {...}}`), dispatching on `name`:
//!
//! ```
//! use ors_events::{CallState, Event};
//!
//! let event = Event::from_json(br#"{"name": "voice.createcall.done",
//!     "data": {"requestid": "r-1", "interactionid": "ix-1", "callstate": 9}}"#)?;
//! match &event {
//!     Event::VoiceCreatecallDone(done) => assert_eq!(done.callstate, Some(CallState::AnsweringMachineDetected)),
//!     other => println!("{} from the {} family", other.name(), other.family()),
//! }
//! assert_eq!(event.request_id(), Some("r-1"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Enums keep values a newer server sends (`CallState::Unrecognized(77)`), `hints` keeps members
//! the catalogue does not describe, and [`Envelope`] keeps the envelope's other fields, so
//! decoding and encoding give back what was read.
//!
//! # Correlating results with requests
//!
//! Each action has a marker type ([`voice::Hold`], ...) naming its done and error events;
//! [`Pending`] tells whether an incoming event completes a request, and how:
//!
//! ```
//! use ors_events::{voice, Event, Pending};
//!
//! let pending = Pending::<voice::Hold>::new("req-17");
//! let event = Event::from_json(br#"{"name": "voice.hold.done", "data": {"requestid": "req-17", "interactionid": "ix"}}"#)?;
//! assert_eq!(pending.completion(&event).and_then(Result::ok).map(|done| done.interactionid.as_str()), Some("ix"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Validating
//!
//! [`validate()`] checks one envelope from bytes and reports every violation, each with a JSON
//! pointer and a stable code; [`validate::validate_lines`] streams JSON Lines; [`Options`]
//! chooses a target ORS release and lenient mode:
//!
//! ```
//! use ors_events::{validate, Options};
//!
//! let report = validate(br#"{"name": "interaction.deleted", "data": {"interactionid": "i", "resultof": "deletion"}}"#,
//!     &Options::new().ors_version("8.1.300.10".parse().unwrap()));
//! assert_eq!(report.violations[0].pointer, "/data/resultof");
//! assert_eq!(report.violations[0].code, "not-in-version");
//! ```
//!
//! # Your own events
//!
//! `#[derive(Event)]` gives a hand-written struct the same behaviour ([`OrsEvent`]), and
//! `#[derive(OrsEnum)]` makes a forward-compatible enum ([`trait@OrsEnum`]).
//!
//! # Features
//!
//! - `lint`: the module `lint`, checking SCXML applications against the catalogue.
//! - `cli`: the `ors-events` command-line tool (library users need not enable it).
#![forbid(unsafe_code)]

// Lets the derive macros' `::ors_events::...` paths resolve inside this crate too.
extern crate self as ors_events;

mod envelope;
mod event_traits;
#[cfg(feature = "lint")]
pub mod lint;
mod results;
pub mod validate;

include!(concat!(env!("OUT_DIR"), "/rust/mod.rs"));

pub use envelope::{DecodeError, Envelope, UnknownEvent};
pub use event_traits::{AttributeInfo, OrsEnum, OrsEvent, UnknownName};
/// ORS version numbers, ordered as ORS releases are (`8.1.3` after `8.1.200.73`).
pub use ors_events_core::version;
pub use ors_events_core::version::OrsVersion;
pub use ors_events_macros::{Event, OrsEnum};
pub use results::{ActionPair, Outcome, Pending};
pub use validate::{validate, Options, Report, Severity, Violation};

/// Support for the code the derive macros generate; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;

    /// A field that holds a string, present or optional.
    #[diagnostic::on_unimplemented(
        message = "an `#[event(request_id)]` or `#[event(interaction_id)]` field must be `String` or `Option<String>`, not `{Self}`",
        label = "this field's type"
    )]
    pub trait AsOptStr {
        /// The string, if present.
        fn as_opt_str(&self) -> Option<&str>;
    }

    impl AsOptStr for String {
        fn as_opt_str(&self) -> Option<&str> {
            Some(self)
        }
    }

    impl AsOptStr for Option<String> {
        fn as_opt_str(&self) -> Option<&str> {
            self.as_deref()
        }
    }
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
