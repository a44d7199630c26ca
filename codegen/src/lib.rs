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
//! # Features
//!
//! - `rust`: [`loader`], [`check`], [`lower`], [`ir`], [`emit::rust`] and [`build_script`]:
//!   the Rust bindings and nothing else. The build script of `ors-events` uses only this, so a
//!   library user of `ors-events` compiles no JSON Schema, docs or diff code, nor askama.
//! - `generator` (default): `rust` and every other output ([`emit::schema`], [`emit::docs`],
//!   [`emit::asyncapi`], [`emit::all`]), [`output`] (atomic writes of `generated/`), [`diff`] and [`corpus`].
//!
//! With neither, the crate is only the re-exports below; no one needs that configuration.
//!
//! [`version`] (the ORS version type), [`names`] (name rules and suggestions) and [`codes`]
//! (the registry of diagnostic codes) are re-exported from `ors-events-core`, which the
//! `ors-events` runtime and derive macros share with the generator.
//!
//! ```no_run
//! # #[cfg(feature = "generator")]
//! # fn main() -> Result<(), String> {
//! use std::path::Path;
//!
//! let spec = ors_events_codegen::loader::load(Path::new("spec")).map_err(|problems| problems.to_string())?;
//! let resolved = ors_events_codegen::check::check(&spec).map_err(|problems| problems.to_string())?;
//! let catalogue = ors_events_codegen::lower::lower(&resolved);
//! let outputs = ors_events_codegen::emit::all(&catalogue);
//! outputs.write_atomic(Path::new("generated")).map_err(|err| err.to_string())?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "generator"))]
//! # fn main() {}
//! ```
#![forbid(unsafe_code)]
// docs.rs builds with `--cfg docsrs` on nightly: feature-gated items say which feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]
// The links above name modules of the `generator` feature.
#![cfg_attr(not(feature = "generator"), allow(rustdoc::broken_intra_doc_links))]

#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod build_script;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod check;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod corpus;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod diagnostics;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod diff;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod emit;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod ir;
#[cfg(feature = "rust")]
mod lines;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod loader;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod lower;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod naming;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod output;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod resolve;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub mod spec;

/// ORS version numbers, name rules and the registry of diagnostic codes live in
/// `ors-events-core`, which the `ors-events` runtime and derive macros share with the generator;
/// they are re-exported here under their old paths.
pub use ors_events_core::{codes, names, version};

#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub use codes::SpecCode;
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub use diagnostics::{Diagnostic, Diagnostics, Location, Related, Span};
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub use ir::Catalogue;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub use output::Outputs;
pub use version::OrsVersion;

/// Loads, checks and lowers the spec in `dir`: every problem of the spec, or its catalogue.
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub fn compile(dir: &std::path::Path) -> Result<Catalogue, Diagnostics> {
    compile_spec(&loader::load(dir)?)
}

/// Checks and lowers a loaded spec: every problem of the spec, or its catalogue.
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub fn compile_spec(spec: &spec::Spec) -> Result<Catalogue, Diagnostics> {
    compile_spec_with(spec, check::Rules::ALL)
}

/// Checks a loaded spec with `rules` and lowers it: every problem found, or its catalogue.
#[cfg(feature = "rust")]
#[cfg_attr(docsrs, doc(cfg(feature = "rust")))]
pub fn compile_spec_with(spec: &spec::Spec, rules: check::Rules) -> Result<Catalogue, Diagnostics> {
    check::check_with(spec, rules).map(|resolved| lower::lower(&resolved))
}

/// Every output for the spec in `dir`, in memory.
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub fn generate(dir: &std::path::Path) -> Result<Outputs, Diagnostics> {
    compile(dir).map(|catalogue| emit::all(&catalogue))
}
