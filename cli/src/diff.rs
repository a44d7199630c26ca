//! `ors-events diff OLD NEW`: what a change of the catalogue breaks, as a review comment.
//!
//! Each side is a spec directory (when a directory of that path exists) or else a git revision
//! of the repository that holds the spec directory (`--spec`, or `spec/` found from the current
//! directory upward), whose version of that directory is read with `git ls-tree` and
//! `git cat-file`: the work tree, the index and the refs are never touched. The comparison
//! itself is `ors_events_codegen::diff`.

use std::path::{Path, PathBuf};
use std::process::Command;

use ors_events_codegen::check::Rules;
use ors_events_codegen::diff::{self, Category, Report, Side};
use ors_events_codegen::loader::{self, MAX_FILE_BYTES};
use ors_events_codegen::spec::Spec;
use ors_events_codegen::{Catalogue, Diagnostics};

use crate::catalogue::spec_dir;
use crate::ui::{write_stdout, Failure, Ui};

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

/// What the command line asks of `diff`.
pub struct Request {
    /// The old side: a spec directory or a git revision.
    pub old: String,
    /// The new side.
    pub new: String,
    /// `--spec`: the spec directory whose versions revisions name.
    pub spec: Option<PathBuf>,
    /// How to report.
    pub format: DiffFormat,
    /// `--fail-on`.
    pub fail_on: Option<FailOn>,
}

/// Compares the catalogues of the two sides, prints the report and fails with status 1 when
/// `--fail-on` is given and a change of that category or a stricter one exists.
pub fn run(request: Request, ui: &Ui) -> Result<(), Failure> {
    let Request {
        old,
        new,
        spec,
        format,
        fail_on,
    } = request;
    let before = Loaded::open(&old, "old", spec.as_deref(), ui)?;
    let after = Loaded::open(&new, "new", spec.as_deref(), ui)?;
    let changes = diff::diff(before.side(), after.side());
    let report = Report::new(before.label, after.label, changes);
    let text = match format {
        DiffFormat::Markdown => report.to_markdown(),
        DiffFormat::Json => report.to_json(),
        DiffFormat::Text => report.to_text(),
    };
    // A closed pipe (`| head`) is no error; the status still tells the verdict.
    write_stdout(text.as_bytes())?;
    if let Some(fail_on) = fail_on {
        let count = report.breaking(fail_on.category());
        if count > 0 {
            let what = match fail_on {
                FailOn::Any => String::new(),
                _ => format!(" of category {} or stricter", fail_on.as_str()),
            };
            return Err(Failure::verdict(
                1,
                format!(
                    "{count} change{}{what} (--fail-on {})",
                    if count == 1 { "" } else { "s" },
                    fail_on.as_str()
                ),
            ));
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
    /// else a git revision of the spec directory `spec` (`None`: the one found from the
    /// current directory upward).
    fn open(arg: &str, which: &str, spec: Option<&Path>, ui: &Ui) -> Result<Loaded, Failure> {
        let path = Path::new(arg);
        let (label, spec) = if path.is_dir() {
            (arg.to_owned(), loader::load(path))
        } else {
            revision(&spec_dir(spec.map(Path::to_path_buf))?, arg, which)?
        };
        let problems = |problems: Diagnostics| {
            Failure::usage(format!(
                "the {which} spec ({label}) has problems:\n\n{}",
                problems.render(ui.color)
            ))
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

/// The label and spec of the spec directory `spec` at git revision `rev` of the repository that
/// holds it (the same path, relative to the repository's root).
fn revision(
    spec: &Path,
    rev: &str,
    which: &str,
) -> Result<(String, Result<Spec, Diagnostics>), Failure> {
    let neither = |detail: &str| {
        Failure::usage(format!(
            "the {which} side `{rev}` is neither a directory nor a git revision{detail}"
        ))
    };
    if rev.is_empty() || rev.starts_with('-') || rev.contains('\0') {
        return Err(neither(""));
    }
    // Git runs in the spec directory, so that `ls-tree` lists that directory at the revision.
    let root = spec;
    let resolve = |candidate: &str| {
        git(
            root,
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
                        " of the repository of {} (in a shallow clone, fetch it first: \
                         `git fetch origin {rev}`)",
                        root.display()
                    )))
                }
            }
        }
    };
    let short = git(root, &["rev-parse", "--short", &commit])
        .map(|out| String::from_utf8_lossy(&out).trim().to_owned())
        .unwrap_or_else(|_| commit.clone());
    let label = if short == rev {
        rev.to_owned()
    } else {
        format!("{rev} ({short})")
    };
    // Reports name the spec files as the directory's own name has them: `spec/voice.yaml`.
    let dir_name = spec
        .file_name()
        .map_or_else(|| "spec".into(), |name| name.to_string_lossy());
    let cannot = |err: String| Failure::usage(format!("cannot read {dir_name}/ at {label}: {err}"));
    let listing = git(root, &["ls-tree", "-z", "-l", &commit, "--", "."]).map_err(cannot)?;
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
                "{dir_name}/{name} at {label} is {size} bytes, more than the {MAX_FILE_BYTES} a spec file may have"
            )));
        }
        let bytes = git(root, &["cat-file", "blob", object]).map_err(cannot)?;
        files.push((name, bytes));
    }
    if files.is_empty() {
        return Err(Failure::usage(format!(
            "there is no {dir_name}/*.yaml at {label} in the repository of {}",
            root.display()
        )));
    }
    Ok((label, loader::load_texts(&dir_name, files)))
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
