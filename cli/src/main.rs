//! `ors-events`: check the ORS event catalogue and generate everything from it; validate event
//! streams, lint SCXML applications and review catalogue changes against it.
//!
//! Exit status: 0 on success, 1 when the spec has problems (or `generate --check` finds stale
//! outputs, or the input has errors), 2 for usage and I/O errors, for no spec directory where
//! one is needed, and for an output directory that another run still holds after `--wait`
//! seconds. Every runtime error is printed by [`ui::report`], as `error: ...`.
#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use ors_events::validate::dynamic::DynCatalogue;
use ors_events::validate::Options;
use ors_events_codegen::OrsVersion;

mod catalogue;
mod diff;
mod lint;
mod progress;
mod shell;
mod ui;
mod validate;

use ui::{ColorChoice, Deny, Failure, Ui};

/// How long `generate` and `docs` wait, by default, for another run writing the same directory.
const DEFAULT_WAIT_SECONDS: u64 = ors_events_codegen::output::lock::DEFAULT_WAIT.as_secs();

/// Check the ORS interaction event catalogue and generate schemas, bindings and docs from it;
/// validate event streams, lint SCXML applications and review catalogue changes against it.
///
/// `schema`, `docs`, `validate` and `lint` use the catalogue compiled into this binary unless
/// --spec names a spec directory. `check`, `generate` and `diff` need a spec directory: --spec,
/// or else `spec/` of the nearest directory at or above the current one that has
/// `spec/catalogue.yaml`.
#[derive(Parser)]
#[command(name = "ors-events", version)]
struct Cli {
    /// Print only findings, problems, errors and the requested output: no progress line and no
    /// summary line.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Colour errors and problems on standard error: `auto` when it is a terminal and NO_COLOR
    /// is unset or empty; `always` even when NO_COLOR is set.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        global = true
    )]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the spec and report every problem with its file:line:column.
    Check {
        /// The spec directory [default: spec/ found from the current directory upward]
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// Deprecated: the spec directory given without --spec.
        #[arg(hide = true, value_name = "SPEC_DIR", conflicts_with = "spec")]
        spec_dir: Option<PathBuf>,
        /// `text`: problems as rustc shows them, on standard error; `json`: one object per
        /// problem per line on standard output, and nothing else there.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write every output into the output directory, atomically.
    Generate {
        /// The spec directory [default: spec/ found from the current directory upward]
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// The output directory [default: generated/ beside that spec/]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write nothing; exit 1 when the output directory is stale.
        #[arg(long)]
        check: bool,
        /// Wait at most this long for another run writing the same directory; 0 fails at once.
        #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_WAIT_SECONDS)]
        wait: u64,
    },
    /// Validate a stream of events, one JSON envelope per line (JSON Lines).
    ///
    /// Every invalid line is reported and the stream goes on. Exit status: 0 when every event is
    /// valid (warnings are reported but pass, unless --deny warnings), 1 when any is invalid,
    /// 2 for usage or I/O errors, or the spec given with --spec has problems.
    Validate {
        /// Check against this ORS release: newer events and attributes are violations.
        #[arg(long, value_name = "V")]
        ors_version: Option<OrsVersion>,
        /// Unknown attributes, envelope fields and enum values are warnings, not violations.
        #[arg(long)]
        lenient: bool,
        /// `text`: `FILE:LINE: POINTER: message [code]` and a summary; `json`: one object per
        /// violation per line, and nothing else on standard output.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Validate against the catalogue in this spec directory instead of the compiled-in one.
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// `warnings`: warnings fail too (exit status 1).
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Validate on this many threads (default: one per available core); the output is the
        /// same, in line order, whatever the count.
        #[arg(long, value_name = "N")]
        jobs: Option<std::num::NonZeroUsize>,
        /// The file to read, or `-` for standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
    },
    /// Check SCXML applications against the catalogue: event descriptors, event names and
    /// `_event.data` reads.
    ///
    /// Every finding has its FILE:LINE:COL and a stable code. A directory is walked for
    /// `*.scxml` files and `*.xml` files whose root is `<scxml>`; `-` reads standard input. Each
    /// file takes the settings of the nearest `ors-lint.toml` at or above it. Exit status: 0
    /// without errors (warnings are reported but pass, unless --deny warnings), 1 with errors,
    /// 2 when a file cannot be read (the others are still linted), or the spec given with
    /// --spec or an `ors-lint.toml` has problems.
    Lint {
        /// Also report events and attributes that builds of this ORS release lack (a release
        /// name such as 8.1.4 is its whole 8.1.400 line; a build such as 8.1.400.20 is itself).
        #[arg(long, value_name = "V")]
        ors_version: Option<OrsVersion>,
        /// `text` for people, `json` (one object per finding per line) or `sarif` (SARIF 2.1.0).
        #[arg(long, value_enum, default_value_t = lint::Format::Text)]
        format: lint::Format,
        /// Lint against the catalogue in this spec directory instead of the compiled-in one.
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// `warnings`: warnings fail too (exit status 1).
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// SCXML files, directories to walk, or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the catalogue: the validators' document, which dispatches on
    /// `name` (generated/schema/ors-events.schema.json), or with --types the type generators'
    /// one, a union of every event (generated/schema/ors-events.types.schema.json).
    Schema {
        /// The spec directory [default: the compiled-in catalogue]
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// Keep only the events and attributes that exist in this ORS release (e.g. 8.1.3).
        #[arg(long, value_name = "V")]
        ors_version: Option<OrsVersion>,
        /// Print the document for type generators (json-schema-to-typescript,
        /// datamodel-code-generator): a `oneOf` of every event.
        #[arg(long)]
        types: bool,
    },
    /// Write the docs alone (events.md, index.html) into a docs directory, atomically.
    ///
    /// The directory must be one this command or `generate` made, or new, or empty.
    Docs {
        /// The spec directory [default: the compiled-in catalogue]
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// The docs directory [default: generated/docs/ beside the spec/ found from the current
        /// directory upward]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Wait at most this long for another run writing the same directory; 0 fails at once.
        #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_WAIT_SECONDS)]
        wait: u64,
    },
    /// Report what a change of the catalogue breaks: on the wire, for the Rust API, or nothing.
    ///
    /// OLD and NEW are each a spec directory, or else a git revision of the repository that
    /// holds the spec directory, read with git without touching the work tree (`diff main
    /// HEAD`). Exit status: 0, or 1 with --fail-on when a change of that category or a
    /// stricter one exists; 2 for errors, such as a spec with problems on either side.
    Diff {
        /// The old side: a spec directory or a git revision.
        old: String,
        /// The new side: a spec directory or a git revision.
        new: String,
        /// The spec directory whose versions git revisions name [default: spec/ found from the
        /// current directory upward]
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// `markdown`: a review comment; `json`: the change model; `text`: one line per change.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Markdown)]
        format: diff::DiffFormat,
        /// Exit with status 1 when a change of this category or a stricter one exists.
        #[arg(long, value_enum, value_name = "CATEGORY")]
        fail_on: Option<diff::FailOn>,
    },
    /// Print the completion script of a shell, to source from its startup file.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff), or write every page into a directory.
    ///
    /// `ors-events man | man -l -` shows the page of ors-events; `ors-events man check` the
    /// page of `ors-events check` (ors-events-check(1)).
    Man {
        /// The command whose page to print [default: ors-events itself]
        #[arg(value_name = "COMMAND", conflicts_with = "out")]
        command: Option<String>,
        /// Write the pages of ors-events and of every command into this directory instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// How `check` and `validate` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For tools: JSON Lines.
    Json,
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // clap prints its own help and errors while parsing, before `--color` is known: it is
    // looked up first, so that both follow it.
    let matches = Cli::command()
        .color(color_in(&args).for_clap())
        .get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
    let ui = Ui {
        quiet: cli.quiet,
        color: cli.color.enabled(),
    };
    match run(cli.command, &ui) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            ui::report(&failure, &ui);
            ExitCode::from(failure.status())
        }
    }
}

/// The `--color` of `args` (the last one wins, as clap takes it), or `auto`.
fn color_in(args: &[OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--color" => words.next(),
            other => other
                .strip_prefix("--color=")
                .map(|value| value.to_owned().into()),
        };
        if let Some(parsed) = value.and_then(|value| ColorChoice::from_str(&value, false).ok()) {
            choice = parsed;
        }
    }
    choice
}

fn run(command: Command, ui: &Ui) -> Result<(), Failure> {
    match command {
        Command::Check {
            spec,
            spec_dir,
            format,
        } => {
            if spec_dir.is_some() {
                ui.warning("`check SPEC_DIR` is deprecated; use `check --spec SPEC_DIR`");
            }
            catalogue::check(spec.or(spec_dir), format, ui)
        }
        Command::Generate {
            spec,
            out,
            check,
            wait,
        } => catalogue::generate(spec, out, check, wait, ui),
        Command::Validate {
            ors_version,
            lenient,
            format,
            spec,
            deny,
            jobs,
            file,
        } => {
            let options = Options {
                ors_version,
                lenient,
            };
            let request = validate::Request {
                file: &file,
                options: &options,
                format,
                deny,
                jobs: jobs.unwrap_or_else(ors_events::validate::available_jobs),
            };
            match spec {
                // A catalogue read now is interpreted; the compiled-in one runs its generated checks.
                Some(dir) => {
                    let read = DynCatalogue::from_ir(&catalogue::compile_for_use(&dir, ui)?);
                    validate::run(&read, &request, ui)
                }
                None => validate::run(&ors_events::Catalogue, &request, ui),
            }
        }
        Command::Lint {
            ors_version,
            format,
            spec,
            deny,
            files,
        } => {
            let catalogue = lint::catalogue(spec.as_deref(), ui)?;
            let request = lint::Request {
                paths: &files,
                ors_version,
                format,
                deny,
            };
            lint::run(&catalogue, &request, ui)
        }
        Command::Schema {
            spec,
            ors_version,
            types,
        } => catalogue::schema(spec, ors_version, types, ui),
        Command::Docs { spec, out, wait } => catalogue::docs(spec, out, wait, ui),
        Command::Diff {
            old,
            new,
            spec,
            format,
            fail_on,
        } => {
            let request = diff::Request {
                old,
                new,
                spec,
                format,
                fail_on,
            };
            diff::run(request, ui)
        }
        Command::Completions { shell } => shell::completions(shell, &mut Cli::command()),
        Command::Man { command, out } => match out {
            Some(dir) => shell::write_man_pages(Cli::command(), &dir, ui),
            None => shell::man_page(Cli::command(), command.as_deref()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_color_is_found_before_parsing() {
        let color = |words: &[&str]| color_in(&args(words));
        assert_eq!(color(&["ors-events", "check"]), ColorChoice::Auto);
        assert_eq!(
            color(&["ors-events", "--color", "never", "check"]),
            ColorChoice::Never
        );
        assert_eq!(
            color(&["ors-events", "check", "--color=always"]),
            ColorChoice::Always
        );
        assert_eq!(
            color(&[
                "ors-events",
                "--color=never",
                "lint",
                "--color",
                "always",
                "x"
            ]),
            ColorChoice::Always
        );
        // After `--`, and for a value clap will refuse, nothing changes.
        assert_eq!(
            color(&["ors-events", "lint", "--", "--color=never"]),
            ColorChoice::Auto
        );
        assert_eq!(
            color(&["ors-events", "--color", "sometimes"]),
            ColorChoice::Auto
        );
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
