//! Typed events, validators and tools for the Genesys Orchestration Server (ORS) interaction
//! event catalogue.
//!
//! The catalogue lives in `spec/` as YAML; everything else (the JSON Schema in
//! `generated/schema/`, and the bindings and validators that follow) is generated from it by the
//! `ors-events` command-line tool (`cargo run --features cli -- generate`).
#![forbid(unsafe_code)]
