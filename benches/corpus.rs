//! Writes deterministic corpora: an event stream as JSON Lines, or a synthetic spec. It lives
//! beside the benchmarks it feeds, as the example `corpus`.
//!
//! ```sh
//! cargo run --release --example corpus -- events 100000 > events.jsonl     # 10 % invalid
//! cargo run --release --example corpus -- events 100000 --invalid 0 --seed 7 > valid.jsonl
//! cargo run --release --example corpus -- spec 10000 target/spec-10k      # a synthetic spec
//! cargo run --release --example corpus -- reworded 4000 target/new-4k     # its docs reworded
//! cargo run --release --example corpus -- problems 4000 target/bad-4k     # 4,000 problems
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use ors_events_codegen::corpus;

fn usage() -> ! {
    eprintln!(
        "usage: corpus events COUNT [--invalid PER_MILLE] [--seed N] | corpus spec|reworded EVENTS DIR | corpus problems COUNT DIR"
    );
    std::process::exit(2)
}

fn main() -> std::io::Result<()> {
    match run() {
        // A reader that stops early (`| head`) is not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn run() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |index: usize| -> u64 {
        args.get(index)
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| usage())
    };
    let option = |name: &str, default: u64| -> u64 {
        match args.iter().position(|arg| arg == name) {
            Some(at) => number(at + 1),
            None => default,
        }
    };
    match args.first().map(String::as_str) {
        Some("events") => {
            let spec = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec");
            let catalogue =
                ors_events_codegen::compile(&spec).unwrap_or_else(|problems| panic!("{problems}"));
            let per_mille = u32::try_from(option("--invalid", 100)).unwrap_or_else(|_| usage());
            let stdout = std::io::stdout();
            let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
            for sample in corpus::stream(
                &catalogue,
                option("--seed", 0x0125_2026),
                number(1) as usize,
                per_mille,
            ) {
                out.write_all(sample.line().as_bytes())?;
                out.write_all(b"\n")?;
            }
            out.flush()
        }
        Some("spec") => write_spec(corpus::synthetic_spec(number(1) as usize), args.get(2)),
        Some("problems") => write_spec(corpus::spec_with_problems(number(1) as usize), args.get(2)),
        Some("reworded") => write_spec(
            corpus::synthetic_spec_reworded(number(1) as usize),
            args.get(2),
        ),
        _ => usage(),
    }
}

/// Writes `files` into the directory `dir`.
fn write_spec(files: Vec<(String, String)>, dir: Option<&String>) -> std::io::Result<()> {
    let dir = PathBuf::from(dir.unwrap_or_else(|| usage()));
    std::fs::create_dir_all(&dir)?;
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}
