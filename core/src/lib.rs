//! What the `ors-events` runtime, its derive macros and its generator (`ors-events-codegen`)
//! share, in a crate with no dependencies, so that the runtime and the macros need not depend on
//! the generator:
//!
//! - [`version`]: ORS version numbers ([`OrsVersion`]), parsed and ordered as ORS releases are;
//! - [`names`]: wire names to Rust identifiers, the rules that keep them safe, and the
//!   "did you mean" suggestions ([`names::closest`]);
//! - [`codes`]: the registry of diagnostic codes, each with its meaning, severity and stage;
//! - [`name_table`]: the perfect hash that the generated `EventName::from_name` looks names up in.
//!
//! ```
//! use ors_events_core::{names, OrsVersion};
//!
//! let release: OrsVersion = "8.1.3".parse()?;
//! assert!(release > "8.1.200.73".parse()?);
//! assert_eq!(names::pascal_case("voice.hold.done"), "VoiceHoldDone");
//! # Ok::<(), ors_events_core::version::VersionError>(())
//! ```
#![forbid(unsafe_code)]

pub mod codes;
pub mod name_table;
pub mod names;
pub mod version;

pub use version::OrsVersion;

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
