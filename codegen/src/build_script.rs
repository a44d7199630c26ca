//! The build-script mode: regenerate the Rust bindings into `OUT_DIR` on `cargo build`.
//!
//! In `build.rs`:
//!
//! ```no_run
//! if let Err(problems) = ors_events_codegen::build_script::Builder::new().run() {
//!     eprintln!("{problems}");
//!     std::process::exit(1);
//! }
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use crate::codes::SpecCode;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Configures and runs the generator from a build script.
#[derive(Debug, Clone)]
pub struct Builder {
    spec_dir: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    rerun_if_changed: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// Spec in `$CARGO_MANIFEST_DIR/spec`, output in `$OUT_DIR/rust`, with `rerun-if-changed`.
    pub fn new() -> Self {
        Builder {
            spec_dir: None,
            out_dir: None,
            rerun_if_changed: true,
        }
    }

    /// Reads the spec from `dir` instead.
    pub fn spec_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.spec_dir = Some(dir.into());
        self
    }

    /// Writes into `dir` instead of `OUT_DIR` (the files land in `dir/rust/`).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for the spec directory and every spec file.
    pub fn emit_rerun_if_changed(mut self, yes: bool) -> Self {
        self.rerun_if_changed = yes;
        self
    }

    /// Generates the bindings. A file is rewritten only when its content changes, so an
    /// unchanged spec recompiles nothing. Returns every problem of the spec otherwise.
    pub fn run(self) -> Result<(), Diagnostics> {
        let spec_dir = match self.spec_dir {
            Some(dir) => dir,
            None => env_dir("CARGO_MANIFEST_DIR")?.join("spec"),
        };
        let out_dir = match self.out_dir {
            Some(dir) => dir,
            None => env_dir("OUT_DIR")?,
        };
        let spec = crate::loader::load(&spec_dir);
        if self.rerun_if_changed {
            println!("cargo:rerun-if-changed={}", spec_dir.display());
            if let Ok(spec) = &spec {
                for file in &spec.files {
                    let name = Path::new(&file.display_path)
                        .file_name()
                        .unwrap_or_default();
                    println!("cargo:rerun-if-changed={}", spec_dir.join(name).display());
                }
            }
        }
        let catalogue = crate::compile_spec(&spec?)?;
        for (path, text) in crate::emit::rust::emit(&catalogue) {
            let target = out_dir.join(&path);
            write_if_changed(&target, &text).map_err(|err| {
                Diagnostics::from(vec![Diagnostic::unlocated(
                    SpecCode::IoError,
                    format!("cannot write {}: {err}", target.display()),
                )])
            })?;
        }
        Ok(())
    }
}

fn env_dir(variable: &str) -> Result<PathBuf, Diagnostics> {
    std::env::var_os(variable).map(PathBuf::from).ok_or_else(|| {
        Diagnostics::from(vec![Diagnostic::unlocated(
            SpecCode::IoError,
            format!("{variable} is not set: run from a build script, or set the directories on the Builder"),
        )])
    })
}

fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}
