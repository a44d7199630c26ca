//! The emitters: one per output, each reading only the IR. Only [`rust`] is there without the
//! `generator` feature.

#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod asyncapi;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod docs;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod json;
pub mod rust;
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub mod schema;

#[cfg(feature = "generator")]
use crate::ir::Catalogue;
#[cfg(feature = "generator")]
use crate::output::Outputs;

/// Every output of the generator for `catalogue`, by path inside `generated/`.
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub fn all(catalogue: &Catalogue) -> Outputs {
    let mut outputs = Outputs::default();
    outputs.insert(crate::output::MARKER_FILE, readme(catalogue));
    outputs.insert(CODES_FILE, codes());
    for (path, text) in schema::emit(catalogue)
        .into_iter()
        .chain(rust::emit(catalogue))
        .chain(docs::emit(catalogue))
        .chain(asyncapi::emit(catalogue))
    {
        outputs.insert(path, text);
    }
    outputs
}

/// The reference of every diagnostic code, which `spec/README.md` links to.
#[cfg(feature = "generator")]
#[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
pub const CODES_FILE: &str = "codes.md";

/// `generated/codes.md`: the registry of codes ([`crate::codes`]) as Markdown tables.
#[cfg(feature = "generator")]
fn codes() -> String {
    format!(
        "{}\n\n# Diagnostic codes\n\nEvery code `ors-events` reports about a spec or an event, with its \
         severity. Rendered from the registry in `core/src/codes.rs`, the one place their \
         meanings and severities are written; the names are stable, for scripts and editors.\n\n{}",
        crate::output::MARKER_LINE,
        crate::codes::markdown()
    )
}

/// `generated/README.md`: what this directory is, and the mark that lets `generate` replace it.
#[cfg(feature = "generator")]
fn readme(catalogue: &Catalogue) -> String {
    format!(
        "{}\n\n# generated/\n\nEverything here is made from the event catalogue in `spec/` by `ors-events generate` \
         ({} events in {} families). Do not edit these files: change the spec, run \
         `cargo run -q -p ors-events-cli -- generate`, and commit the result, so that a review shows \
         what a spec change does to every output.\n\n\
         | path | what |\n|---|---|\n\
         | `schema/ors-events.schema.json` | JSON Schema (2020-12) of every event in its SCXML envelope, for validators: it dispatches on `name` |\n\
         | `schema/ors-events.types.schema.json` | the same events as a `oneOf` union, for type generators (json-schema-to-typescript, datamodel-code-generator) |\n\
         | `schema/events/*.schema.json` | one self-contained schema per event |\n\
         | `asyncapi/ors-events.asyncapi.yaml` | AsyncAPI 3.0: a channel and a `receive` operation per family, a message per event with the JSON Schema's definitions as payloads |\n\
         | `rust/` | the Rust bindings the `ors-events` crate compiles (its build script writes the same files into `OUT_DIR`) |\n\
         | `docs/events.md` | the Markdown reference: every event, attribute, known error value, enum and version note |\n\
         | `docs/index.html` | the same as one self-contained HTML page with a filter box (also written alone by `ors-events docs`) |\n\
         | `codes.md` | every diagnostic code of the spec checks and the validator, with its severity and meaning |\n",
        crate::output::MARKER_LINE,
        catalogue.events.len(),
        catalogue.families.len()
    )
}
