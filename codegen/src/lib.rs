//! The generator behind `ors-events`: it loads the ORS event catalogue from `spec/`, checks it,
//! lowers it to a small IR, and emits every output from that IR.
//!
//! The pipeline is a straight line, one module per stage:
//!
//! **[`loader`] → [`check`] → [`lower`] → [`emit`] → [`output`]**
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

pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod ir;
pub mod loader;
pub mod lower;
pub mod names;
pub mod output;
pub mod spec;
pub mod version;

pub use diagnostics::{Diagnostic, Diagnostics, Location};
pub use ir::Catalogue;
pub use output::Outputs;
pub use version::OrsVersion;

/// Loads, checks and lowers the spec in `dir`: every problem of the spec, or its catalogue.
pub fn compile(dir: &std::path::Path) -> Result<Catalogue, Diagnostics> {
    let spec = loader::load(dir)?;
    lower::lower(&spec)
}

/// Every output for the spec in `dir`, in memory.
pub fn generate(dir: &std::path::Path) -> Result<Outputs, Diagnostics> {
    compile(dir).map(|catalogue| emit::all(&catalogue))
}
