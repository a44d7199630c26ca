//! The generator: the real spec, synthetic catalogues of 100, 1,000 and 10,000 events, and the
//! build script alone. `cargo bench --bench codegen`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod support;

use divan::counter::ItemsCount;
use divan::Bencher;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn real_spec_all_outputs(bencher: Bencher) {
    let spec = support::workspace().join("spec");
    bencher
        .counter(ItemsCount::new(60usize))
        .bench(|| support::codegen(&spec));
}

#[divan::bench(args = [100, 1_000, 10_000], sample_count = 3, sample_size = 1)]
fn synthetic_all_outputs(bencher: Bencher, events: usize) {
    let spec = support::synthetic_spec_dir(events);
    bencher
        .counter(ItemsCount::new(events))
        .bench(|| support::codegen(&spec));
    let _ = std::fs::remove_dir_all(spec);
}

#[divan::bench(sample_count = 10)]
fn build_script_real_spec(bencher: Bencher) {
    let spec = support::workspace().join("spec");
    let out = std::env::temp_dir().join(format!("ors-events-bench-out-{}", std::process::id()));
    bencher.bench(|| support::build_script(&spec, &out));
    let _ = std::fs::remove_dir_all(out);
}
