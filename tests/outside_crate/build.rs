//! Generates the bindings of this crate's own catalogue, as the `ors-events` docs say.
fn main() {
    if let Err(problems) = ors_events_codegen::build_script::Builder::new()
        .spec_dir("catalogue")
        .run()
    {
        eprintln!("{problems}");
        std::process::exit(1);
    }
}
