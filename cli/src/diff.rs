//! `ors-events diff OLD NEW`: what a change of the catalogue breaks, as a review comment.
//!
//! Each side is a spec directory (when a directory of that path exists) or else a git revision
//! of the workspace's repository, whose `spec/` is read with `git ls-tree` and `git cat-file`:
//! the work tree, the index and the refs are never touched. The comparison itself is
//! `ors_events_codegen::diff`.

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

use ors_events_codegen::check::Rules;
use ors_events_codegen::diff::{self, Category, Report, Side};
use ors_events_codegen::loader::{self, MAX_FILE_BYTES};
use ors_events_codegen::spec::Spec;
use ors_events_codegen::{Catalogue, Diagnostics};

use super::{workspace, Failure};

/// How `diff` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A review comment: summary counts, then breaking changes first, each with its location.
    Markdown,
    /// The change model, for tools.
    Json,
    /// One line per change, then the counts.
    Text,
}

/// The category from which `diff` exits with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Changes that break the wire.
    Wire,
    /// Changes that break the Rust API or the wire.
    RustApi,
    /// Any change.
    Any,
}

impl FailOn {
    fn category(self) -> Category {
        match self {
            FailOn::Wire => Category::Wire,
            FailOn::RustApi => Category::RustApi,
            FailOn::Any => Category::DocsOnly,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            FailOn::Wire => "wire",
            FailOn::RustApi => "rust-api",
            FailOn::Any => "any",
        }
    }
}

/// Compares the catalogues of `old` and `new`, prints the report in `format` and fails with
/// status 1 when `fail_on` is given and a change of that category or a stricter one exists.
pub fn run(
    old: &str,
    new: &str,
    format: DiffFormat,
    fail_on: Option<FailOn>,
) -> Result<(), Failure> {
    let before = Loaded::open(old, "old")?;
    let after = Loaded::open(new, "new")?;
    let changes = diff::diff(before.side(), after.side());
    let report = Report::new(before.label, after.label, changes);
    let text = match format {
        DiffFormat::Markdown => report.to_markdown(),
        DiffFormat::Json => report.to_json(),
        DiffFormat::Text => report.to_text(),
    };
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice; the status still tells the verdict.
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            return Err(Failure::usage(format!("cannot write the report: {err}")));
        }
        _ => {}
    }
    if let Some(fail_on) = fail_on {
        let count = report.breaking(fail_on.category());
        if count > 0 {
            let what = match fail_on {
                FailOn::Any => String::new(),
                _ => format!(" of category {} or stricter", fail_on.as_str()),
            };
            return Err(Failure {
                status: 1,
                message: format!(
                    "{count} change{}{what} (--fail-on {})",
                    if count == 1 { "" } else { "s" },
                    fail_on.as_str()
                ),
            });
        }
    }
    Ok(())
}

/// One side, loaded and lowered.
struct Loaded {
    label: String,
    catalogue: Catalogue,
}

impl Loaded {
    /// Loads `arg`, the `which` (`old` or `new`) side: a directory if one exists at that path,
    /// else a git revision.
    fn open(arg: &str, which: &str) -> Result<Loaded, Failure> {
        let path = Path::new(arg);
        let (label, spec) = if path.is_dir() {
            (arg.to_owned(), loader::load(path))
        } else {
            revision(arg, which)?
        };
        let problems = |problems: Diagnostics| Failure {
            status: 2,
            message: format!("the {which} spec ({label}) has problems:\n\n{problems}"),
        };
        let spec = spec.map_err(problems)?;
        // The provenance rule documents claims and changes no catalogue: a revision from before
        // it still compares.
        let catalogue =
            ors_events_codegen::compile_spec_with(&spec, Rules::LOWERING).map_err(problems)?;
        Ok(Loaded { label, catalogue })
    }

    fn side(&self) -> Side<'_> {
        Side {
            catalogue: &self.catalogue,
        }
    }
}

/// The label and spec of `spec/` at git revision `rev` of the workspace's repository.
fn revision(rev: &str, which: &str) -> Result<(String, Result<Spec, Diagnostics>), Failure> {
    let neither = |detail: &str| {
        Failure::usage(format!(
            "the {which} side `{rev}` is neither a directory nor a git revision{detail}"
        ))
    };
    if rev.is_empty() || rev.starts_with('-') || rev.contains('\0') {
        return Err(neither(""));
    }
    let root = workspace()?;
    let resolve = |candidate: &str| {
        git(
            &root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{candidate}^{{commit}}"),
            ],
        )
        .ok()
        .map(|out| String::from_utf8_lossy(&out).trim().to_owned())
        .filter(|commit| !commit.is_empty())
    };
    let commit = match resolve(rev) {
        Some(commit) => commit,
        None => {
            // A fresh clone of another branch has `main` only as `origin/main`.
            let remote = format!("origin/{rev}");
            match resolve(&remote) {
                Some(commit) => {
                    eprintln!("note: `{rev}` is not a local revision; using `{remote}`");
                    commit
                }
                None => {
                    return Err(neither(&format!(
                        " of {} (in a shallow clone, fetch it first: `git fetch origin {rev}`)",
                        root.display()
                    )))
                }
            }
        }
    };
    let short = git(&root, &["rev-parse", "--short", &commit])
        .map(|out| String::from_utf8_lossy(&out).trim().to_owned())
        .unwrap_or_else(|_| commit.clone());
    let label = if short == rev {
        rev.to_owned()
    } else {
        format!("{rev} ({short})")
    };
    let cannot = |err: String| Failure::usage(format!("cannot read spec/ at {label}: {err}"));
    let listing = git(&root, &["ls-tree", "-z", "-l", &commit, "--", "spec/"]).map_err(cannot)?;
    let mut files = Vec::new();
    for entry in listing.split(|byte| *byte == 0) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, object, size] = fields.as_slice() else {
            continue;
        };
        let name = path.rsplit('/').next().unwrap_or(path).to_owned();
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        // Regular files only: symlinks and submodules are not spec files.
        if *kind != "blob" || !(*mode == "100644" || *mode == "100755") || !is_yaml {
            continue;
        }
        if size.parse::<u64>().is_ok_and(|size| size > MAX_FILE_BYTES) {
            return Err(Failure::usage(format!(
                "spec/{name} at {label} is {size} bytes, more than the {MAX_FILE_BYTES} a spec file may have"
            )));
        }
        let bytes = git(&root, &["cat-file", "blob", object]).map_err(cannot)?;
        files.push((name, bytes));
    }
    if files.is_empty() {
        return Err(Failure::usage(format!(
            "there is no spec/*.yaml at {label} in {}",
            root.display()
        )));
    }
    Ok((label, loader::load_texts("spec", files)))
}

/// Runs `git -C root args` and gives its standard output, or its standard error as the error.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|err| format!("cannot run git: {err}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(if message.is_empty() {
            format!("git {} failed ({})", args.join(" "), output.status)
        } else {
            message
        })
    }
}
