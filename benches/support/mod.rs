//! What the benchmarks measure, shared by the divan benches and the ratio table.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use ors_events::validate::{validate, Options};
use ors_events_codegen::corpus::{self, Flaw};
use serde::de::IgnoredAny;

/// The seed of every benchmark corpus.
pub const SEED: u64 = 0x0125_2026;

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An event stream: its lines, and which are valid.
pub struct Corpus {
    /// One envelope per line, without newlines.
    pub lines: Vec<Vec<u8>>,
    /// The valid lines only.
    pub valid: Vec<Vec<u8>>,
    /// The invalid lines only.
    pub invalid: Vec<Vec<u8>>,
    /// Total bytes of `lines`.
    pub bytes: usize,
    /// Total bytes of `valid`.
    pub valid_bytes: usize,
}

/// `count` realistic events across all 60 kinds, `invalid_per_mille` of them invalid in every
/// way the corpus generator knows, deterministic for [`SEED`].
pub fn corpus(count: usize, invalid_per_mille: u32) -> Corpus {
    let catalogue = ors_events_codegen::compile(&workspace().join("spec")).expect("the spec");
    let mut lines = Vec::with_capacity(count);
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for sample in corpus::stream(&catalogue, SEED, count, invalid_per_mille) {
        let line = sample.line().into_bytes();
        if sample.flaw == Flaw::None {
            valid.push(line.clone());
        } else {
            invalid.push(line.clone());
        }
        lines.push(line);
    }
    let bytes = lines.iter().map(Vec::len).sum();
    let valid_bytes = valid.iter().map(Vec::len).sum();
    Corpus {
        lines,
        valid,
        invalid,
        bytes,
        valid_bytes,
    }
}

/// Our validator, bytes to a full report; returns the number of invalid events.
pub fn ours(lines: &[Vec<u8>], options: &Options) -> usize {
    lines
        .iter()
        .filter(|line| !validate(line, options).is_valid())
        .count()
}

/// The peer: the `jsonschema` crate on the exported schema, compiled once.
pub fn peer_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(workspace().join("generated/schema/ors-events.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// The peer's path: bytes parsed into a `serde_json::Value`, then `is_valid` (its fastest way
/// to a verdict); returns the number of invalid events.
pub fn peer(validator: &jsonschema::Validator, lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(
            |line| match serde_json::from_slice::<serde_json::Value>(line) {
                Ok(value) => !validator.is_valid(&value),
                Err(_) => true,
            },
        )
        .count()
}

/// The floor: reading every byte once, as `serde_json` does for `IgnoredAny`.
pub fn floor(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| serde_json::from_slice::<IgnoredAny>(line).is_err())
        .count()
}

/// The SIMD floor: `sonic-rs` skipping every line (`IgnoredAny`).
pub fn floor_simd(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| sonic_rs::from_slice::<IgnoredAny>(line).is_err())
        .count()
}

/// Typed decode into `Event` with [`ors_events::Event::from_json`]; returns the number that failed.
pub fn typed(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| ors_events::Event::from_json(line).is_err())
        .count()
}

/// Typed decode into the borrowed view, [`ors_events::EventRef::from_json`]; returns the number
/// that failed.
pub fn typed_ref(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| ors_events::EventRef::from_json(line).is_err())
        .count()
}

/// Typed decode into `Event` with `serde_json::from_slice`; returns the number that failed.
pub fn typed_from_slice(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| serde_json::from_slice::<ors_events::Event>(line).is_err())
        .count()
}

/// Decode into `serde_json::Value`; returns the number that failed.
pub fn value(lines: &[Vec<u8>]) -> usize {
    lines
        .iter()
        .filter(|line| serde_json::from_slice::<serde_json::Value>(line).is_err())
        .count()
}

/// A synthetic spec of about `events` events, written into a fresh directory.
pub fn synthetic_spec_dir(events: usize) -> PathBuf {
    spec_dir(&format!("spec-{events}"), corpus::synthetic_spec(events))
}

/// `files` written into a fresh temporary directory named after `name`.
pub fn spec_dir(name: &str, files: Vec<(String, String)>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ors-events-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// What `ors-events check` does with a broken spec: load and check it, and render every
/// problem as text; returns the length of the text.
pub fn check_report(spec: &Path) -> usize {
    match ors_events_codegen::compile(spec) {
        Ok(_) => panic!("the spec has no problems"),
        Err(problems) => problems.render(false).len(),
    }
}

/// What `ors-events diff OLD NEW --format text` does: load, check and lower both sides,
/// compare them and render the report; returns the number of changes.
pub fn diff_report(old: &Path, new: &Path) -> usize {
    use ors_events_codegen::diff::{diff, Report, Side};
    let old_catalogue = ors_events_codegen::compile(old).expect("a clean spec");
    let new_catalogue = ors_events_codegen::compile(new).expect("a clean spec");
    let changes = diff(
        Side {
            catalogue: &old_catalogue,
        },
        Side {
            catalogue: &new_catalogue,
        },
    );
    let count = changes.len();
    let report = Report::new("old", "new", changes);
    assert!(!report.to_text().is_empty());
    count
}

/// The whole generator on `spec`: load, check, lower and every emitter, in memory.
pub fn codegen(spec: &Path) -> usize {
    ors_events_codegen::generate(spec)
        .expect("a clean spec")
        .len()
}

/// The build script's work alone: the Rust bindings of `spec`, written into `out`.
pub fn build_script(spec: &Path, out: &Path) {
    ors_events_codegen::build_script::Builder::new()
        .spec_dir(spec)
        .out_dir(out)
        .emit_rerun_if_changed(false)
        .run()
        .expect("a clean spec");
}
