//! The commands on the catalogue itself (`check`, `generate`, `schema`, `docs`), and where a
//! command's catalogue comes from: a spec directory, given with `--spec` or found from the
//! current directory upward, or the catalogue compiled into this binary. Nothing here knows
//! where the binary was built.

use std::path::{Path, PathBuf};
use std::time::Duration;

use ors_events_codegen::{emit, loader, Catalogue, Diagnostics, OrsVersion, Outputs, SpecCode};

use crate::ui::{write_stdout, Failure, Ui};
use crate::Format;

/// The file that marks a spec directory.
const MARKER: &str = "catalogue.yaml";

/// The nearest directory at or above the current one that has `spec/catalogue.yaml`: the
/// workspace whose `spec/` and `generated/` commands use by default. `instead` says what to
/// give when there is none (`--spec DIR`).
pub fn workspace(instead: &str) -> Result<PathBuf, Failure> {
    let current = std::env::current_dir()
        .map_err(|err| Failure::usage(format!("cannot read the current directory: {err}")))?;
    current
        .ancestors()
        .find(|dir| dir.join("spec").join(MARKER).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            Failure::usage(format!(
                "no spec directory: there is no spec/{MARKER} in {} or above it; run \
                 ors-events in a checkout of the catalogue, or give {instead}",
                current.display()
            ))
        })
}

/// `given`, or else `spec/` of the [`workspace`].
pub fn spec_dir(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    match given {
        Some(dir) => Ok(dir),
        None => Ok(workspace("--spec DIR")?.join("spec")),
    }
}

/// The catalogue compiled into this binary, lowered again from the spec text it was generated
/// from (`ors_events::SPEC_FILES`), for the outputs the bindings do not carry.
pub fn compiled_in() -> Result<Catalogue, Failure> {
    let files = ors_events::SPEC_FILES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect();
    loader::load_texts("spec", files)
        .and_then(|spec| ors_events_codegen::compile_spec(&spec))
        .map_err(|problems| {
            Failure::error(
                2,
                format!("the compiled-in catalogue does not load (a bug):\n\n{problems}"),
            )
        })
}

/// The catalogue of `spec`, or the compiled-in one; problems as [`compile`] reports them.
fn spec_or_compiled_in(spec: Option<&Path>, ui: &Ui) -> Result<Catalogue, Failure> {
    match spec {
        Some(dir) => compile(dir, ui),
        None => compiled_in(),
    }
}

/// The catalogue of `spec`, or its problems: exit status 1, or 2 when it cannot be read.
pub fn compile(spec: &Path, ui: &Ui) -> Result<Catalogue, Failure> {
    ors_events_codegen::compile(spec)
        .map_err(|problems| Failure::problems(status_of(&problems), problems.render(ui.color)))
}

/// The catalogue of `spec` for `validate` and `lint`, which take a spec only to use it: a spec
/// with problems is a usage error (exit 2), since exit 1 reports the input.
pub fn compile_for_use(spec: &Path, ui: &Ui) -> Result<Catalogue, Failure> {
    ors_events_codegen::compile(spec).map_err(|problems| {
        Failure::usage(format!(
            "the spec {} has problems:\n\n{}",
            spec.display(),
            problems.render(ui.color)
        ))
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

/// `ors-events check`: every problem of the spec, as text on standard error or as JSON Lines on
/// standard output; a one-line summary when it is clean.
pub fn check(spec: Option<PathBuf>, format: Format, ui: &Ui) -> Result<(), Failure> {
    let spec = spec_dir(spec)?;
    let catalogue = match format {
        Format::Text => compile(&spec, ui)?,
        Format::Json => match ors_events_codegen::compile(&spec) {
            Ok(catalogue) => catalogue,
            Err(problems) => {
                write_stdout(problems.to_json_lines().as_bytes())?;
                let count = problems.len();
                let plural = if count == 1 { "" } else { "s" };
                return Err(Failure::verdict(
                    status_of(&problems),
                    format!("{count} problem{plural} found in the spec"),
                ));
            }
        },
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
        Format::Text if !ui.quiet => write_stdout(format!("{summary}\n").as_bytes()),
        Format::Text => Ok(()),
        Format::Json => {
            ui.summary(&summary);
            Ok(())
        }
    }
}

/// `ors-events generate`: every output into `out` (default: `generated/` of the workspace), or
/// with `check` a comparison with what is there.
pub fn generate(
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    check: bool,
    wait: u64,
    ui: &Ui,
) -> Result<(), Failure> {
    let spec = spec_dir(spec)?;
    let out = match out {
        Some(out) => out,
        None => workspace("--out DIR")?.join("generated"),
    };
    let outputs = emit::all(&compile(&spec, ui)?);
    if check {
        return outputs
            .ensure(&out, false)
            .map_err(|message| Failure::error(1, message));
    }
    write(&outputs, &out, wait, ui)
}

/// `ors-events schema`: one of the two catalogue documents, narrowed to a release if asked.
pub fn schema(
    spec: Option<PathBuf>,
    ors_version: Option<OrsVersion>,
    types: bool,
    ui: &Ui,
) -> Result<(), Failure> {
    let catalogue = spec_or_compiled_in(spec.as_deref(), ui)?;
    let document = if types {
        emit::schema::types_schema
    } else {
        emit::schema::catalogue_schema
    };
    let schema = match &ors_version {
        Some(version) => document(&catalogue.at_version(version), Some(version)),
        None => document(&catalogue, None),
    };
    write_stdout(schema.to_pretty().as_bytes())
}

/// `ors-events docs`: the Markdown and HTML docs into `out` (default: `generated/docs/` of the
/// workspace).
pub fn docs(
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    wait: u64,
    ui: &Ui,
) -> Result<(), Failure> {
    let catalogue = spec_or_compiled_in(spec.as_deref(), ui)?;
    let out = match out {
        Some(out) => out,
        None => workspace("--out DIR")?
            .join("generated")
            .join(emit::docs::DIR),
    };
    write(&emit::docs::outputs(&catalogue), &out, wait, ui)
}

/// Writes `outputs` into `out` atomically, waiting up to `wait` seconds for another run that is
/// writing it. Every failure, a lock still held after the wait included, is exit status 2.
fn write(outputs: &Outputs, out: &Path, wait: u64, ui: &Ui) -> Result<(), Failure> {
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
    ui.summary(&format!(
        "wrote {} files to {}",
        outputs.len(),
        out.display()
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_catalogue_lowers_again() {
        let catalogue = compiled_in().unwrap_or_else(|_| panic!("the compiled-in spec loads"));
        assert_eq!(catalogue.events.len(), ors_events::EventName::ALL.len());
    }
}
