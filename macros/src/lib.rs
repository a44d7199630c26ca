//! Derive macros that give ORS event types their behaviour.
//!
//! The derives land with the Rust bindings; this crate is the place they will live.
#![forbid(unsafe_code)]
