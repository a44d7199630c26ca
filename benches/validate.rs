//! Validating and decoding an event stream: ours, the `jsonschema` peer, and the floor.
//! `cargo bench --bench validate`; the ratio table is `cargo bench --bench ratios`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use ors_events::validate::Options;

fn main() {
    divan::main();
}

fn corpus() -> &'static support::Corpus {
    static CORPUS: OnceLock<support::Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| support::corpus(20_000, 100))
}

#[divan::bench]
fn validator(bencher: Bencher) {
    let corpus = corpus();
    let options = Options::new();
    bencher
        .counter(BytesCount::new(corpus.bytes))
        .counter(ItemsCount::new(corpus.lines.len()))
        .bench(|| support::ours(&corpus.lines, &options));
}

#[divan::bench]
fn jsonschema_peer(bencher: Bencher) {
    let corpus = corpus();
    let validator = support::peer_validator();
    bencher
        .counter(BytesCount::new(corpus.bytes))
        .counter(ItemsCount::new(corpus.lines.len()))
        .bench(|| support::peer(&validator, &corpus.lines));
}

#[divan::bench]
fn floor_ignored_any(bencher: Bencher) {
    let corpus = corpus();
    bencher
        .counter(BytesCount::new(corpus.bytes))
        .counter(ItemsCount::new(corpus.lines.len()))
        .bench(|| support::floor(&corpus.lines));
}

#[divan::bench]
fn typed_decode_valid(bencher: Bencher) {
    let corpus = corpus();
    bencher
        .counter(BytesCount::new(corpus.valid_bytes))
        .counter(ItemsCount::new(corpus.valid.len()))
        .bench(|| support::typed(&corpus.valid));
}

#[divan::bench]
fn value_decode_valid(bencher: Bencher) {
    let corpus = corpus();
    bencher
        .counter(BytesCount::new(corpus.valid_bytes))
        .counter(ItemsCount::new(corpus.valid.len()))
        .bench(|| support::value(&corpus.valid));
}

#[divan::bench]
fn floor_valid(bencher: Bencher) {
    let corpus = corpus();
    bencher
        .counter(BytesCount::new(corpus.valid_bytes))
        .counter(ItemsCount::new(corpus.valid.len()))
        .bench(|| support::floor(&corpus.valid));
}
