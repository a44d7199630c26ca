//! The floors of the whole-process comparison: reads JSON Lines and skips each line's document
//! (`IgnoredAny`) with `serde_json`, or with `sonic-rs` (a SIMD JSON parser), as fast as each
//! can merely read the bytes; prints the number of lines it could not read.
//!
//! ```sh
//! taskset -c 0 target/release/examples/skim serde_json events.jsonl
//! taskset -c 0 target/release/examples/skim sonic-rs events.jsonl
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};

use serde::de::IgnoredAny;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [engine, path] = &args[..] else {
        eprintln!("usage: skim serde_json|sonic-rs FILE");
        std::process::exit(2);
    };
    let skip: fn(&[u8]) -> bool = match engine.as_str() {
        "serde_json" => |line| serde_json::from_slice::<IgnoredAny>(line).is_ok(),
        "sonic-rs" => |line| sonic_rs::from_slice::<IgnoredAny>(line).is_ok(),
        _ => {
            eprintln!("unknown engine {engine}");
            std::process::exit(2);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut line = Vec::new();
    let mut malformed = 0u64;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if !skip(&line) {
            malformed += 1;
        }
    }
    println!("{malformed} malformed");
    Ok(())
}
