//! The generator behind `ors-events`: it loads the ORS event catalogue from `spec/`, checks it,
//! lowers it to a small IR, and emits every output from that IR.
//!
//! The pipeline is a straight line, one module per stage, each handing the next a value:
//!
//! **[`loader`] → [`check`] → [`lower`] → [`emit`] → [`output`]**
//!
//! - [`loader`] reads the YAML files into a [`spec::Spec`] (the only module that knows YAML);
//! - [`check`] judges it against its definitions table ([`resolve`]) and hands on a
//!   [`resolve::Resolved`] spec, or every problem;
//! - [`lower`] turns that into the IR ([`ir::Catalogue`]): typed ids, parsed versions, and every
//!   Rust name from the one naming pass ([`naming`]);
//! - [`emit`] renders each output from the IR alone;
//! - [`output`] writes them atomically, or checks that committed copies are fresh.
//!
//! Without its default `generator` feature the crate is only [`version`] (the ORS version type),
//! [`names`] (name rules and suggestions) and [`codes`] (the registry of diagnostic codes), which
//! the `ors-events` runtime and derive macros share with the generator.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let spec = ors_events_codegen::loader::load(Path::new("spec")).map_err(|problems| problems.to_string())?;
//! let resolved = ors_events_codegen::check::check(&spec).map_err(|problems| problems.to_string())?;
//! let catalogue = ors_events_codegen::lower::lower(&resolved);
//! let outputs = ors_events_codegen::emit::all(&catalogue);
//! outputs.write_atomic(Path::new("generated")).map_err(|err| err.to_string())?;
//! # Ok::<(), String>(())
//! ```
#![forbid(unsafe_code)]

#[cfg(feature = "generator")]
pub mod build_script;
#[cfg(feature = "generator")]
pub mod check;
pub mod codes;
#[cfg(feature = "generator")]
pub mod corpus;
#[cfg(feature = "generator")]
pub mod diagnostics;
#[cfg(feature = "generator")]
pub mod diff;
#[cfg(feature = "generator")]
pub mod emit;
#[cfg(feature = "generator")]
pub mod ir;
#[cfg(feature = "generator")]
pub mod loader;
#[cfg(feature = "generator")]
pub mod lower;
pub mod names;
#[cfg(feature = "generator")]
pub mod naming;
#[cfg(feature = "generator")]
pub mod output;
#[cfg(feature = "generator")]
pub mod resolve;
#[cfg(feature = "generator")]
pub mod spec;
pub mod version;

#[cfg(feature = "generator")]
pub use codes::SpecCode;
#[cfg(feature = "generator")]
pub use diagnostics::{Diagnostic, Diagnostics, Location, Related, Span};
#[cfg(feature = "generator")]
pub use ir::Catalogue;
#[cfg(feature = "generator")]
pub use output::Outputs;
pub use version::OrsVersion;

/// Loads, checks and lowers the spec in `dir`: every problem of the spec, or its catalogue.
#[cfg(feature = "generator")]
pub fn compile(dir: &std::path::Path) -> Result<Catalogue, Diagnostics> {
    compile_spec(&loader::load(dir)?)
}

/// Checks and lowers a loaded spec: every problem of the spec, or its catalogue.
#[cfg(feature = "generator")]
pub fn compile_spec(spec: &spec::Spec) -> Result<Catalogue, Diagnostics> {
    check::check(spec).map(|resolved| lower::lower(&resolved))
}

/// Every output for the spec in `dir`, in memory.
#[cfg(feature = "generator")]
pub fn generate(dir: &std::path::Path) -> Result<Outputs, Diagnostics> {
    compile(dir).map(|catalogue| emit::all(&catalogue))
}
