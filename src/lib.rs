//! Typed events, validators and tools for the Genesys Orchestration Server (ORS) interaction
//! event catalogue.
//!
//! The catalogue lives in `spec/` as YAML. This crate's build script generates the Rust
//! bindings from it on every `cargo build` after a spec edit; the same bindings, the JSON Schema
//! and the docs are committed under `generated/` by `cargo run --features cli -- generate`.
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
pub use ors_events_codegen::version;
pub use ors_events_codegen::version::OrsVersion;
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
