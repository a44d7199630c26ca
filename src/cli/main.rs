//! `ors-events`: check the ORS event catalogue and generate everything from it.
//!
//! Exit status: 0 on success, 1 when the spec has problems (or `generate --check` finds stale
//! outputs), 2 for usage and I/O errors, and for an output directory that another run still
//! holds after `--wait` seconds.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use ors_events::validate::dynamic::DynCatalogue;
use ors_events::validate::Options;
use ors_events_codegen::{emit, Catalogue, Diagnostics, OrsVersion, SpecCode};

mod diff;
mod lint;
mod validate;

/// How long `generate` and `docs` wait, by default, for another run writing the same directory.
const DEFAULT_WAIT_SECONDS: u64 = ors_events_codegen::output::lock::DEFAULT_WAIT.as_secs();

/// Check the ORS interaction event catalogue and generate schemas, bindings and docs from it.
#[derive(Parser)]
#[command(name = "ors-events", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the spec and report every problem with its file:line:column.
    Check {
        /// The spec directory [default: spec/ of the workspace]
        spec: Option<PathBuf>,
        /// Colour the problems: `auto` when standard error is a terminal and NO_COLOR is unset.
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// `text`: problems as rustc shows them, on standard error; `json`: one object per
        /// problem per line on standard output, and nothing else there.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write every output into the output directory, atomically.
    Generate {
        /// The spec directory [default: spec/ of the workspace]
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The output directory [default: generated/ of the workspace]
        #[arg(long)]
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
    /// valid, 1 when any is invalid, 2 for usage or I/O errors.
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
    /// `*.scxml` files and `*.xml` files whose root is <scxml>; `-` reads standard input. Each
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
        deny: Option<lint::Deny>,
        /// SCXML files, directories to walk, or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the catalogue: the validators' document, which dispatches on
    /// `name` (generated/schema/ors-events.schema.json), or with --types the type generators'
    /// one, a union of every event (generated/schema/ors-events.types.schema.json).
    Schema {
        /// The spec directory [default: spec/ of the workspace]
        #[arg(long)]
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
        /// The spec directory [default: spec/ of the workspace]
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The docs directory [default: generated/docs/ of the workspace]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Wait at most this long for another run writing the same directory; 0 fails at once.
        #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_WAIT_SECONDS)]
        wait: u64,
    },
    /// Report what a change of the catalogue breaks: on the wire, for the Rust API, or nothing.
    ///
    /// OLD and NEW are each a spec directory, or else a git revision of this repository whose
    /// spec/ is read with git without touching the work tree (`diff main HEAD`). Exit status:
    /// 0, or 1 with --fail-on when a change of that category or a stricter one exists; 2 for
    /// errors, such as a spec with problems on either side.
    Diff {
        /// The old side: a spec directory or a git revision.
        old: String,
        /// The new side: a spec directory or a git revision.
        new: String,
        /// `markdown`: a review comment; `json`: the change model; `text`: one line per change.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Markdown)]
        format: diff::DiffFormat,
        /// Exit with status 1 when a change of this category or a stricter one exists.
        #[arg(long, value_enum, value_name = "CATEGORY")]
        fail_on: Option<diff::FailOn>,
    },
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For tools: JSON Lines.
    Json,
}

/// When `check` colours its problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// When standard error is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Always, even when NO_COLOR is set.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to standard error.
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
                !no_color && std::io::stderr().is_terminal()
            }
        }
    }
}

/// A failed command: its message and exit status.
struct Failure {
    status: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure {
            status: 2,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("{}", failure.message);
            }
            ExitCode::from(failure.status)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Check {
            spec,
            color,
            format,
        } => {
            let spec = spec_dir(spec)?;
            let catalogue = match format {
                Format::Text => compile_with(&spec, color.enabled())?,
                Format::Json => ors_events_codegen::compile(&spec).map_err(|problems| {
                    print!("{}", problems.to_json_lines());
                    let count = problems.len();
                    let plural = if count == 1 { "" } else { "s" };
                    Failure {
                        status: status_of(&problems),
                        message: format!("{count} problem{plural} found in the spec"),
                    }
                })?,
            };
            let attributes: usize = catalogue.events.iter().map(|e| e.attributes.len()).sum();
            let summary = format!(
                "{}: ok ({} events in {} families, {} attributes, {} enums)",
                spec.display(),
                catalogue.events.len(),
                catalogue.families.len(),
                attributes,
                catalogue.enums.len()
            );
            // Standard output holds only the problems in JSON.
            match format {
                Format::Text => println!("{summary}"),
                Format::Json => eprintln!("{summary}"),
            }
            Ok(())
        }
        Command::Generate {
            spec,
            out,
            check,
            wait,
        } => {
            let spec = spec_dir(spec)?;
            let out = match out {
                Some(out) => out,
                None => workspace()?.join("generated"),
            };
            let outputs = emit::all(&compile(&spec)?);
            if check {
                return outputs
                    .ensure(&out, false)
                    .map_err(|message| Failure { status: 1, message });
            }
            write(&outputs, &out, wait)
        }
        Command::Validate {
            ors_version,
            lenient,
            format,
            spec,
            jobs,
            file,
        } => {
            let options = Options {
                ors_version,
                lenient,
            };
            let jobs = jobs.unwrap_or_else(ors_events::validate::available_jobs);
            match spec {
                // A catalogue read now is interpreted; the compiled-in one runs its generated checks.
                Some(dir) => {
                    let catalogue = DynCatalogue::from_ir(&compile_for_use(&dir)?);
                    validate::run(&catalogue, &file, &options, format, jobs)
                }
                None => validate::run(&ors_events::Catalogue, &file, &options, format, jobs),
            }
        }
        Command::Lint {
            ors_version,
            format,
            spec,
            deny,
            files,
        } => {
            let catalogue = lint::catalogue(spec.as_deref())?;
            let request = lint::Request {
                paths: &files,
                ors_version,
                format,
                deny,
            };
            lint::run(&catalogue, &request)
        }
        Command::Schema {
            spec,
            ors_version,
            types,
        } => {
            let catalogue = compile(&spec_dir(spec)?)?;
            let document = if types {
                emit::schema::types_schema
            } else {
                emit::schema::catalogue_schema
            };
            let schema = match &ors_version {
                Some(version) => document(&catalogue.at_version(version), Some(version)),
                None => document(&catalogue, None),
            };
            print!("{}", schema.to_pretty());
            Ok(())
        }
        Command::Docs { spec, out, wait } => {
            let catalogue = compile(&spec_dir(spec)?)?;
            let out = match out {
                Some(out) => out,
                None => workspace()?.join("generated").join(emit::docs::DIR),
            };
            write(&emit::docs::outputs(&catalogue), &out, wait)
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on,
        } => diff::run(&old, &new, format, fail_on),
    }
}

/// Writes `outputs` into `out` atomically, waiting up to `wait` seconds for another run that is
/// writing it. Every failure, a lock still held after the wait included, is exit status 2.
fn write(outputs: &ors_events_codegen::Outputs, out: &Path, wait: u64) -> Result<(), Failure> {
    outputs
        .write_atomic_waiting(out, Duration::from_secs(wait))
        .map_err(|err| {
            let hint = if err.kind() == std::io::ErrorKind::WouldBlock {
                "\n(--wait SECONDS waits longer)"
            } else {
                ""
            };
            Failure::usage(format!("cannot write {}: {err}{hint}", out.display()))
        })?;
    eprintln!("wrote {} files to {}", outputs.len(), out.display());
    Ok(())
}

/// The catalogue of `spec` for `validate` and `lint`, which take a spec only to use it: a spec
/// with problems is a usage error (exit 2), since exit 1 reports the input.
fn compile_for_use(spec: &Path) -> Result<Catalogue, Failure> {
    ors_events_codegen::compile(spec).map_err(|problems| Failure {
        status: 2,
        message: format!("the spec {} has problems:\n\n{problems}", spec.display()),
    })
}

/// The catalogue of `spec`, or its problems (coloured as [`ColorChoice::Auto`] says).
fn compile(spec: &Path) -> Result<Catalogue, Failure> {
    compile_with(spec, ColorChoice::Auto.enabled())
}

/// The catalogue of `spec`, or its problems, with colours when `color` is set.
fn compile_with(spec: &Path, color: bool) -> Result<Catalogue, Failure> {
    ors_events_codegen::compile(spec).map_err(|problems| Failure {
        status: status_of(&problems),
        message: problems.render(color),
    })
}

/// 2 when the spec could not be read, 1 when it has problems.
fn status_of(problems: &Diagnostics) -> u8 {
    if problems.iter().any(|p| p.code == SpecCode::IoError) {
        2
    } else {
        1
    }
}

fn spec_dir(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    match given {
        Some(dir) => Ok(dir),
        None => Ok(workspace()?.join("spec")),
    }
}

/// The nearest directory at or above the current one with `spec/catalogue.yaml`, else the
/// workspace this binary was built from.
fn workspace() -> Result<PathBuf, Failure> {
    let has_spec = |dir: &Path| dir.join("spec").join("catalogue.yaml").is_file();
    if let Ok(current) = std::env::current_dir() {
        if let Some(found) = current.ancestors().find(|dir| has_spec(dir)) {
            return Ok(found.to_path_buf());
        }
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR"));
    if has_spec(built_from) {
        return Ok(built_from.to_path_buf());
    }
    Err(Failure::usage(
        "no spec/catalogue.yaml here or above; give the spec directory explicitly",
    ))
}
