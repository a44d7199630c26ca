//! `cargo xtask public-api`: a text summary of each library crate's public API (items and
//! signatures, one per line, sorted), rendered by the `public-api` crate from the rustdoc JSON
//! that the nightly toolchain writes, and committed under `api/`, so that every change to an
//! API shows in review. `--check` compares instead of writing, as `generate --check` does.
//!
//! The crates are the workspace members that can be published and have a library target
//! (`cargo metadata`), each documented with all its features. Blanket implementations (`From<T>
//! for T`, `Any`, ...) are left out: every type has them. Auto-trait implementations (`Send`,
//! `Sync`, ...) stay in, since losing one breaks users.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use serde_json::Value;

/// The command that refreshes the summaries, named in every failure.
pub const REFRESH: &str = "cargo xtask public-api";

/// The `public-api` release that renders the summaries, named in their headers.
const PUBLIC_API_RELEASE: &str = "0.52.1";

/// What `public-api` was asked to do.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// Compare the summaries with the crates instead of writing them.
    pub check: bool,
    /// Where the summaries are (`api/` in the workspace root when not given).
    pub dir: Option<PathBuf>,
    /// Only these crates (every library crate when empty); stale files are then not looked for.
    pub packages: Vec<String>,
}

impl Options {
    /// Reads `[--check] [--dir DIR] [-p CRATE]...`.
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--check" => options.check = true,
                "--dir" => options.dir = Some(PathBuf::from(value(&mut args, "--dir")?)),
                "-p" | "--package" => options.packages.push(value(&mut args, "-p")?),
                other => return Err(format!("unexpected argument `{other}`")),
            }
        }
        Ok(options)
    }
}

fn value(args: &mut std::slice::Iter<'_, String>, flag: &str) -> Result<String, String> {
    args.next()
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value"))
}

/// How a run ended, when it could run.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The summaries were written, or (`--check`) match the crates.
    Fresh,
    /// `--check` found differences: the report says which, and how to refresh.
    Stale(String),
}

/// A library crate of the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// The package name (`ors-events`), which names its summary file.
    pub package: String,
    /// The library target's name (`ors_events`), which names its rustdoc JSON file.
    pub target: String,
}

/// Summarises the crates `options` names and writes or checks their summaries.
pub fn run(options: &Options) -> Result<Outcome, String> {
    let metadata = cargo_metadata()?;
    let root = PathBuf::from(metadata["workspace_root"].as_str().unwrap_or("."));
    let target_dir =
        PathBuf::from(metadata["target_directory"].as_str().unwrap_or("target")).join("nightly");
    let mut libraries = libraries(&metadata);
    if !options.packages.is_empty() {
        for name in &options.packages {
            if !libraries.iter().any(|library| &library.package == name) {
                return Err(format!(
                    "`{name}` is not a publishable library crate of the workspace"
                ));
            }
        }
        libraries.retain(|library| options.packages.contains(&library.package));
    }
    let mut summaries = BTreeMap::new();
    for library in &libraries {
        let json = rustdoc_json(&root, &target_dir, library)?;
        summaries.insert(library.package.clone(), summary(&library.package, &json)?);
    }
    let dir = options.dir.clone().unwrap_or_else(|| root.join("api"));
    let complete = options.packages.is_empty();
    if options.check {
        let report = check(&dir, &summaries, complete)?;
        return Ok(if report.is_empty() {
            Outcome::Fresh
        } else {
            Outcome::Stale(report)
        });
    }
    write(&dir, &summaries, complete)?;
    Ok(Outcome::Fresh)
}

fn cargo_metadata() -> Result<Value, String> {
    let output = Command::new("cargo")
        .args(["metadata", "--format-version", "1", "--no-deps", "--locked"])
        .output()
        .map_err(|err| format!("cannot run cargo metadata: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("cargo metadata printed no JSON: {err}"))
}

/// The workspace members that can be published (`publish` is not `false`) and have a library
/// target, a proc-macro one included, sorted by package name.
pub fn libraries(metadata: &Value) -> Vec<Library> {
    let members: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .map(|ids| ids.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut libraries: Vec<Library> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|package| {
            package["id"]
                .as_str()
                .is_some_and(|id| members.contains(&id))
        })
        .filter(|package| {
            package["publish"]
                .as_array()
                .is_none_or(|registries| !registries.is_empty())
        })
        .filter_map(|package| {
            let target = package["targets"].as_array()?.iter().find(|target| {
                target["kind"].as_array().is_some_and(|kinds| {
                    kinds
                        .iter()
                        .any(|kind| matches!(kind.as_str(), Some("lib" | "rlib" | "proc-macro")))
                })
            })?;
            Some(Library {
                package: package["name"].as_str()?.to_owned(),
                target: target["name"].as_str()?.replace('-', "_"),
            })
        })
        .collect();
    libraries.sort_by(|a, b| a.package.cmp(&b.package));
    libraries
}

/// Runs `cargo +nightly rustdoc` for `library` with every feature, writing its JSON into
/// `target_dir/doc/`, and returns that file. `target_dir` is `nightly/` in the target
/// directory: the nightly's artifacts do not displace the stable toolchain's, and CI's docs.rs
/// check (`scripts/check-docsrs.sh`) reuses them.
fn rustdoc_json(root: &Path, target_dir: &Path, library: &Library) -> Result<PathBuf, String> {
    let output = Command::new("cargo")
        .args([
            "+nightly",
            "rustdoc",
            "--quiet",
            "--locked",
            "--lib",
            "--all-features",
            "-p",
        ])
        .arg(&library.package)
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .args(["--", "-Z", "unstable-options", "--output-format", "json"])
        // The stable toolchain that runs this task must not stand in for the nightly one.
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("RUSTDOCFLAGS")
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .map_err(|err| format!("cannot run cargo +nightly rustdoc: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo +nightly rustdoc -p {} failed (rustdoc JSON needs the nightly toolchain: rustup toolchain list):\n{}",
            library.package,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(target_dir
        .join("doc")
        .join(format!("{}.json", library.target)))
}

#[derive(Deserialize)]
struct Format {
    format_version: u32,
}

/// The summary of `package` from its rustdoc JSON: a header, then one item per line.
pub fn summary(package: &str, json: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(json)
        .map_err(|err| format!("cannot read {}: {err}", json.display()))?;
    let format: Format = serde_json::from_str(&text)
        .map_err(|err| format!("{}: not rustdoc JSON: {err}", json.display()))?;
    if format.format_version != rustdoc_types::FORMAT_VERSION {
        return Err(format!(
            "{}: the nightly toolchain writes rustdoc JSON format {}, and public-api {PUBLIC_API_RELEASE} reads format {}: \
             pin the public-api release that reads format {} in xtask/Cargo.toml, then run `{REFRESH}`",
            json.display(),
            format.format_version,
            rustdoc_types::FORMAT_VERSION,
            format.format_version
        ));
    }
    let api = public_api::Builder::from_rustdoc_json(json)
        .omit_blanket_impls(true)
        .build()
        .map_err(|err| format!("{}: {err}", json.display()))?;
    Ok(format!(
        "# The public API of {package} with all features: items and signatures, sorted, rendered from\n\
         # rustdoc JSON by public-api {PUBLIC_API_RELEASE} (blanket implementations left out). Do not edit:\n\
         # refresh with `{REFRESH}`, so that a review shows every change to the API.\n{api}"
    ))
}

/// The lines only in `old` (`-`) and only in `new` (`+`), each side in its order; a line that
/// is in both as often is not shown.
pub fn difference(old: &str, new: &str) -> Vec<String> {
    fn counts(text: &str) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for line in text.lines() {
            *counts.entry(line).or_insert(0) += 1;
        }
        counts
    }
    fn only(text: &str, mut spare: HashMap<&str, usize>, sign: char) -> Vec<String> {
        let mut lines = Vec::new();
        for line in text.lines() {
            match spare.get_mut(line) {
                Some(count) if *count > 0 => *count -= 1,
                _ => lines.push(format!("{sign} {line}")),
            }
        }
        lines
    }
    let mut lines = only(old, counts(new), '-');
    lines.extend(only(new, counts(old), '+'));
    lines
}

/// The most lines of difference shown per crate.
const SHOWN: usize = 60;

/// What differs between the summaries in `dir` and `summaries`: an empty report when nothing
/// does. With `complete`, a summary file of no crate is a difference too.
pub fn check(
    dir: &Path,
    summaries: &BTreeMap<String, String>,
    complete: bool,
) -> Result<String, String> {
    let mut report = String::new();
    for (package, summary) in summaries {
        let path = dir.join(format!("{package}.txt"));
        let Ok(committed) = std::fs::read_to_string(&path) else {
            let _ = writeln!(
                report,
                "{}: missing (the public API of {package})",
                path.display()
            );
            continue;
        };
        if committed == *summary {
            continue;
        }
        let lines = difference(&committed, summary);
        let _ = writeln!(
            report,
            "{}: the public API of {package} changed ({} lines):",
            path.display(),
            lines.len()
        );
        for line in lines.iter().take(SHOWN) {
            let _ = writeln!(report, "  {line}");
        }
        if lines.len() > SHOWN {
            let _ = writeln!(report, "  ... and {} more", lines.len() - SHOWN);
        }
    }
    if complete {
        for stale in stale_files(dir, summaries)? {
            let _ = writeln!(
                report,
                "{}: no library crate of the workspace has this name",
                stale.display()
            );
        }
    }
    if !report.is_empty() {
        let _ = writeln!(
            report,
            "error: the public API summaries are stale. Review the change above (is it meant, and is the version bumped \
             as semver asks?), then run `{REFRESH}` and commit what it writes."
        );
    }
    Ok(report)
}

/// `*.txt` files in `dir` that name no crate of `summaries`, sorted.
fn stale_files(dir: &Path, summaries: &BTreeMap<String, String>) -> Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(format!("cannot read {}: {err}", dir.display())),
    };
    let mut stale = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
            .path();
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        if path.extension().is_some_and(|ext| ext == "txt") && !summaries.contains_key(stem) {
            stale.push(path);
        }
    }
    stale.sort();
    Ok(stale)
}

/// Writes each summary that changed into `dir` and, with `complete`, removes the summaries of
/// crates that are gone. Prints one line per crate.
pub fn write(
    dir: &Path,
    summaries: &BTreeMap<String, String>,
    complete: bool,
) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    for (package, summary) in summaries {
        let path = dir.join(format!("{package}.txt"));
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == *summary);
        if !unchanged {
            std::fs::write(&path, summary)
                .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        }
        let items = summary
            .lines()
            .filter(|line| !line.starts_with("# "))
            .count();
        println!(
            "{}: {items} items{}",
            path.display(),
            if unchanged { "" } else { " (written)" }
        );
    }
    if complete {
        for stale in stale_files(dir, summaries)? {
            std::fs::remove_file(&stale)
                .map_err(|err| format!("cannot remove {}: {err}", stale.display()))?;
            println!("{}: removed (no such crate)", stale.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
