//! Workspace tasks that belong to no published crate, run as `cargo xtask TASK` (an alias in
//! `.cargo/config.toml`).
//!
//! - `public-api [--check] [--dir DIR] [-p CRATE]...`: writes a summary of each library crate's
//!   public API to `api/CRATE.txt`, from rustdoc JSON; with `--check`, writes nothing and fails
//!   when a summary differs from the crate, showing the difference.

use std::process::ExitCode;

mod api_summary;

const USAGE: &str = "usage: cargo xtask public-api [--check] [--dir DIR] [-p CRATE]...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if task != "public-api" {
        eprintln!("error: no task `{task}`\n{USAGE}");
        return ExitCode::from(2);
    }
    let options = match api_summary::Options::parse(rest) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match api_summary::run(&options) {
        Ok(api_summary::Outcome::Fresh) => ExitCode::SUCCESS,
        Ok(api_summary::Outcome::Stale(report)) => {
            eprint!("{report}");
            ExitCode::from(1)
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
