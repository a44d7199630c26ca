//! Regenerates the Rust bindings from `spec/` into `OUT_DIR` whenever the spec changes.
fn main() {
    if let Err(problems) = ors_events_codegen::build_script::Builder::new().run() {
        eprintln!("{problems}");
        std::process::exit(1);
    }
}
