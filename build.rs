//! Regenerates the Rust bindings from `spec/` into `OUT_DIR` whenever the spec changes, and lists
//! the spec files for `SPEC_FILES` (feature `spec`).
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    if let Err(problems) = ors_events_codegen::build_script::Builder::new().run() {
        eprintln!("{problems}");
        std::process::exit(1);
    }
    if let Err(err) = write_spec_files() {
        eprintln!("cannot list the spec files: {err}");
        std::process::exit(1);
    }
}

/// Writes `OUT_DIR/spec_files.rs`: the name and text (`include_str!`) of every `*.yaml` and
/// `*.yml` file of `spec/`, in name order, as the generator's loader reads them.
fn write_spec_files() -> std::io::Result<()> {
    let var = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .unwrap_or_default()
    };
    let spec = var("CARGO_MANIFEST_DIR").join("spec");
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(&spec)? {
        let path = entry?.path();
        let yaml = path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml");
        if let (true, Some(name)) = (yaml && path.is_file(), path.file_name()) {
            files.push((name.to_string_lossy().into_owned(), path.clone()));
        }
    }
    files.sort();
    let mut code = String::from("&[\n");
    for (name, path) in &files {
        let path = path
            .to_str()
            .ok_or_else(|| std::io::Error::other(format!("{} is not UTF-8", path.display())))?;
        let _ = writeln!(code, "    ({name:?}, include_str!({path:?})),");
    }
    code.push_str("]\n");
    std::fs::write(var("OUT_DIR").join("spec_files.rs"), code)
}
