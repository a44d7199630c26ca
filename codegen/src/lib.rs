//! The generator behind `ors-events`: it loads the ORS event catalogue from `spec/`, checks it,
//! lowers it to a small IR, and emits every output from that IR.
//!
//! The pipeline is a straight line, one module per stage:
//!
//! **[`loader`] → [`check`] → [`lower`] → [`emit`] → [`output`]**
//!
//! [`version`] (the ORS version type) and [`names`] (name rules and suggestions) are re-exported
//! from `ors-events-core`, which the `ors-events` runtime and derive macros share with the
//! generator.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let spec = ors_events_codegen::loader::load(Path::new("spec")).map_err(|problems| problems.to_string())?;
//! let catalogue = ors_events_codegen::lower::lower(&spec).map_err(|problems| problems.to_string())?;
//! let outputs = ors_events_codegen::emit::all(&catalogue);
//! outputs.write_atomic(Path::new("generated")).map_err(|err| err.to_string())?;
//! # Ok::<(), String>(())
//! ```
#![forbid(unsafe_code)]

#[cfg(feature = "generator")]
pub mod build_script;
#[cfg(feature = "generator")]
pub mod check;
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
#[cfg(feature = "generator")]
pub mod output;
#[cfg(feature = "generator")]
pub mod spec;

/// ORS version numbers and name rules live in `ors-events-core`, which the `ors-events` runtime
/// and derive macros share with the generator; they are re-exported here under their old paths.
pub use ors_events_core::{names, version};

#[cfg(feature = "generator")]
pub use diagnostics::{Diagnostic, Diagnostics, Location};
#[cfg(feature = "generator")]
pub use ir::Catalogue;
#[cfg(feature = "generator")]
pub use output::Outputs;
pub use version::OrsVersion;

/// Loads, checks and lowers the spec in `dir`: every problem of the spec, or its catalogue.
#[cfg(feature = "generator")]
pub fn compile(dir: &std::path::Path) -> Result<Catalogue, Diagnostics> {
    let spec = loader::load(dir)?;
    lower::lower(&spec)
}

/// Every output for the spec in `dir`, in memory.
#[cfg(feature = "generator")]
pub fn generate(dir: &std::path::Path) -> Result<Outputs, Diagnostics> {
    compile(dir).map(|catalogue| emit::all(&catalogue))
}
