//! The ratio table: ours against the `jsonschema` peer and the floor, measured in one run.
//! `cargo bench --bench ratios` (set ORS_BENCH_EVENTS to change the corpus size, default
//! 100,000 events with 10 % invalid).
//!
//! `ORS_BENCH_ONLY=NAME` runs one measure once and prints nothing, for instruction counts:
//! `valgrind --tool=callgrind target/release/deps/ratios-… --bench` with NAME one of
//! `validator`, `jsonschema`, `floor`, `floor-simd`, `typed`, `typed-ref`, `floor-valid`,
//! `validator-valid`,
//! `validator-invalid`, `none` (the corpus alone, to subtract).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use ors_events::validate::Options;

/// The median of `samples` timings of `run`, after one warm-up run.
fn measure<T>(samples: usize, mut run: impl FnMut() -> T) -> Duration {
    black_box(run());
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

struct Row {
    name: &'static str,
    time: Duration,
    events: usize,
    bytes: usize,
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and wants it quick.
    let benching = std::env::args().any(|arg| arg == "--bench");
    let events: usize = std::env::var("ORS_BENCH_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if benching { 100_000 } else { 2_000 });
    let samples = if benching { 7 } else { 1 };
    let corpus = support::corpus(events, 100);
    let options = Options::new();
    let peer = support::peer_validator();
    if let Ok(only) = std::env::var("ORS_BENCH_ONLY") {
        black_box(match only.as_str() {
            "validator" => support::ours(&corpus.lines, &options),
            "validator-valid" => support::ours(&corpus.valid, &options),
            "validator-invalid" => support::ours(&corpus.invalid, &options),
            "jsonschema" => support::peer(&peer, &corpus.lines),
            "floor" => support::floor(&corpus.lines),
            "floor-simd" => support::floor_simd(&corpus.lines),
            "floor-valid" => support::floor(&corpus.valid),
            "typed" => support::typed(&corpus.valid),
            "typed-ref" => support::typed_ref(&corpus.valid),
            "none" => 0,
            other => panic!("unknown measure {other}"),
        });
        return;
    }

    // Every path must reach the same verdicts on the same bytes, or the comparison is void.
    let invalid = support::ours(&corpus.lines, &options);
    assert_eq!(
        invalid,
        support::peer(&peer, &corpus.lines),
        "the validator and the peer disagree"
    );
    assert_eq!(
        support::typed(&corpus.valid),
        0,
        "a valid event failed to decode"
    );
    assert_eq!(
        support::typed_ref(&corpus.valid),
        0,
        "a valid event failed to decode as a view"
    );

    let all = |name, time| Row {
        name,
        time,
        events: corpus.lines.len(),
        bytes: corpus.bytes,
    };
    let valid = |name, time| Row {
        name,
        time,
        events: corpus.valid.len(),
        bytes: corpus.valid_bytes,
    };
    let validator = measure(samples, || support::ours(&corpus.lines, &options));
    let jsonschema = measure(samples, || support::peer(&peer, &corpus.lines));
    let floor = measure(samples, || support::floor(&corpus.lines));
    let floor_simd = measure(samples, || support::floor_simd(&corpus.lines));
    let validator_valid = measure(samples, || support::ours(&corpus.valid, &options));
    let validator_invalid = measure(samples, || support::ours(&corpus.invalid, &options));
    let typed = measure(samples, || support::typed(&corpus.valid));
    let typed_ref = measure(samples, || support::typed_ref(&corpus.valid));
    let typed_slice = measure(samples, || support::typed_from_slice(&corpus.valid));
    let value = measure(samples, || support::value(&corpus.valid));
    let floor_valid = measure(samples, || support::floor(&corpus.valid));

    let spec = support::workspace().join("spec");
    let codegen_real = measure(samples, || support::codegen(&spec));
    let out = std::env::temp_dir().join(format!("ors-events-ratios-out-{}", std::process::id()));
    let build_script = measure(samples, || support::build_script(&spec, &out));
    let _ = std::fs::remove_dir_all(&out);
    let sizes: &[usize] = if benching {
        &[100, 1_000, 10_000]
    } else {
        &[100, 1_000]
    };
    let mut synthetic = Vec::new();
    for &size in sizes {
        let dir = support::synthetic_spec_dir(size);
        let codegen_samples = if size >= 10_000 {
            3.min(samples)
        } else {
            samples
        };
        synthetic.push((size, measure(codegen_samples, || support::codegen(&dir))));
        let _ = std::fs::remove_dir_all(dir);
    }

    let rows = [
        all("validator, bytes to full report", validator),
        all("jsonschema peer: bytes to Value, is_valid", jsonschema),
        all("floor: IgnoredAny", floor),
        all("SIMD floor: sonic-rs IgnoredAny", floor_simd),
        valid("validator (valid events)", validator_valid),
        Row {
            name: "validator (invalid events)",
            time: validator_invalid,
            events: corpus.invalid.len(),
            bytes: corpus.invalid.iter().map(Vec::len).sum(),
        },
        valid("typed decode: Event::from_json (valid events)", typed),
        valid(
            "typed decode: EventRef::from_json (valid events)",
            typed_ref,
        ),
        valid(
            "typed decode: serde_json::from_slice::<Event> (valid events)",
            typed_slice,
        ),
        valid("decode into serde_json::Value (valid events)", value),
        valid("floor: IgnoredAny (valid events)", floor_valid),
    ];
    println!(
        "corpus: {} events ({} invalid, seed {:#x}), {:.1} MB; {} samples, median\n",
        corpus.lines.len(),
        invalid,
        support::SEED,
        corpus.bytes as f64 / 1e6,
        samples
    );
    println!("| measure | time | ns per event | MB/s |");
    println!("|---|---:|---:|---:|");
    for row in &rows {
        let seconds = row.time.as_secs_f64();
        println!(
            "| {} | {:.1} ms | {:.0} | {:.0} |",
            row.name,
            seconds * 1e3,
            seconds * 1e9 / row.events as f64,
            row.bytes as f64 / 1e6 / seconds
        );
    }
    println!(
        "| codegen, real spec (60 events), all outputs | {:.1} ms | | |",
        codegen_real.as_secs_f64() * 1e3
    );
    println!(
        "| build script alone, real spec | {:.1} ms | | |",
        build_script.as_secs_f64() * 1e3
    );
    for (size, time) in &synthetic {
        println!(
            "| codegen, synthetic {size} events, all outputs | {:.1} ms | | |",
            time.as_secs_f64() * 1e3
        );
    }

    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!("\n| ratio | value | target |");
    println!("|---|---:|---|");
    println!(
        "| validator / jsonschema | {:.3} ({:.1}x faster) | at least 4x faster |",
        ratio(validator, jsonschema),
        ratio(jsonschema, validator)
    );
    println!(
        "| validator / floor | {:.2} | at most 1.0 (whole process: scripts/bench-validate.sh) |",
        ratio(validator, floor)
    );
    println!(
        "| validator / SIMD floor | {:.2} | (reference) |",
        ratio(validator, floor_simd)
    );
    let per_event = |time: Duration, events: usize| time.as_secs_f64() / events as f64;
    println!(
        "| invalid event / valid event (validator) | {:.2} | at most 2 |",
        per_event(validator_invalid, corpus.invalid.len())
            / per_event(validator_valid, corpus.valid.len())
    );
    println!(
        "| typed decode, borrowed (EventRef) / floor | {:.2} | at most 1.3 |",
        ratio(typed_ref, floor_valid)
    );
    println!(
        "| typed decode, owned (Event) / floor | {:.2} | (the owned API, kept) |",
        ratio(typed, floor_valid)
    );
    println!(
        "| Value decode / floor | {:.2} | (reference) |",
        ratio(value, floor_valid)
    );
    if let (Some((_, one_k)), Some((_, ten_k))) = (
        synthetic.iter().find(|(n, _)| *n == 1_000),
        synthetic.iter().find(|(n, _)| *n == 10_000),
    ) {
        println!(
            "| codegen 10k / 1k | {:.1} | at most 11 |",
            ratio(*ten_k, *one_k)
        );
    }
}
