//! The generator: the real spec, synthetic catalogues of 100, 1,000 and 10,000 events, the
//! build script alone, `check` on 500 and 4,000 problems and `diff` on 1,000 and 8,000 changes.
//! `cargo bench --bench codegen`.
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

/// `check` on a spec with this many located problems, reported as text.
#[divan::bench(args = [500, 4_000], sample_count = 5, sample_size = 1)]
fn check_problems(bencher: Bencher, problems: usize) {
    let spec = support::spec_dir(
        &format!("problems-{problems}"),
        ors_events_codegen::corpus::spec_with_problems(problems),
    );
    bencher
        .counter(ItemsCount::new(problems))
        .bench(|| support::check_report(&spec));
    let _ = std::fs::remove_dir_all(spec);
}

/// `diff` of two catalogues of `events` events whose docs all differ: two changes per event.
#[divan::bench(args = [500, 4_000], sample_count = 5, sample_size = 1)]
fn diff_changes(bencher: Bencher, events: usize) {
    use ors_events_codegen::corpus;
    let old = support::spec_dir(&format!("old-{events}"), corpus::synthetic_spec(events));
    let new = support::spec_dir(
        &format!("new-{events}"),
        corpus::synthetic_spec_reworded(events),
    );
    bencher
        .counter(ItemsCount::new(2 * events))
        .bench(|| support::diff_report(&old, &new));
    let _ = std::fs::remove_dir_all(old);
    let _ = std::fs::remove_dir_all(new);
}
