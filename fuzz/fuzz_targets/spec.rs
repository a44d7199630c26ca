//! The spec loader and checker. Modes: (0) arbitrary bytes as the only spec file; (1) arbitrary
//! bytes in place of one file of the real spec; (2) a spec built from the spec's shapes.
//!
//! Asserted: loading and checking never panic; every diagnostic names a file of the input (or
//! the spec directory) at a line and column inside that file (lines broken as YAML breaks them,
//! at `\r` too), and has a code; a small input gives
//! the same diagnostics twice; a spec that checks emits every output deterministically, and its
//! JSON outputs parse.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use ors_events_codegen::{emit, loader, Diagnostics};
use ors_events_fuzz::{inside_yaml, mode, spec_yaml, text_of};

/// The real spec, compiled in: (file name, bytes).
const REAL: &[(&str, &[u8])] = &[
    (
        "attributes.yaml",
        include_bytes!("../../spec/attributes.yaml"),
    ),
    (
        "catalogue.yaml",
        include_bytes!("../../spec/catalogue.yaml"),
    ),
    ("chat.yaml", include_bytes!("../../spec/chat.yaml")),
    (
        "interaction.yaml",
        include_bytes!("../../spec/interaction.yaml"),
    ),
    ("msgbased.yaml", include_bytes!("../../spec/msgbased.yaml")),
    ("types.yaml", include_bytes!("../../spec/types.yaml")),
    ("voice.yaml", include_bytes!("../../spec/voice.yaml")),
];

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = mode(data, 3) else {
        return;
    };
    let files: Vec<(String, Vec<u8>)> = match mode {
        0 => vec![("catalogue.yaml".into(), rest.to_vec())],
        1 => {
            let Some((which, bytes)) = rest.split_first() else {
                return;
            };
            let replaced = usize::from(*which) % REAL.len();
            REAL.iter()
                .enumerate()
                .map(|(index, (name, text))| {
                    let text = if index == replaced { bytes } else { text };
                    ((*name).to_owned(), text.to_vec())
                })
                .collect()
        }
        _ => match spec_yaml::spec(&mut Unstructured::new(rest)) {
            Ok(files) => files,
            Err(_) => return,
        },
    };
    let first = compile(&files);
    // Twice, to see the same verdict; not for the whole real spec, which loads slowly.
    if mode != 1 {
        match (&first, &compile(&files)) {
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "diagnostics differ"),
            (Ok(_), Ok(_)) => {}
            _ => panic!("one run accepted the spec and the other did not"),
        }
    }
    match first {
        Err(problems) => check_locations(&problems, &files),
        // The whole real spec emits slowly; a small one is emitted every time.
        Ok(catalogue) if mode != 1 || catalogue.events.len() < 20 => {
            let outputs = emit::all(&catalogue);
            assert_eq!(
                outputs,
                emit::all(&catalogue),
                "emitting is not deterministic"
            );
            for (path, text) in outputs.iter() {
                if path.ends_with(".json") {
                    if let Err(err) = serde_json::from_str::<serde_json::Value>(text) {
                        panic!("{path} is not JSON: {err}");
                    }
                }
            }
        }
        Ok(_) => {}
    }
});

fn compile(files: &[(String, Vec<u8>)]) -> Result<ors_events_codegen::Catalogue, Diagnostics> {
    let spec = loader::load_texts("spec", files.to_vec())?;
    ors_events_codegen::compile_spec(&spec)
}

/// Every diagnostic lies inside the file it names, or names the spec directory at 1:1. Texts in
/// memory have no unreadable directory, so every problem has a location.
fn check_locations(problems: &Diagnostics, files: &[(String, Vec<u8>)]) {
    assert!(!problems.is_empty(), "rejected without a diagnostic");
    for problem in problems.iter() {
        let Some(location) = &problem.location else {
            panic!("{problem}\nhas no location");
        };
        assert!(!problem.code.as_str().is_empty() && !problem.message.is_empty());
        let file = files
            .iter()
            .find(|(name, _)| location.file == format!("spec/{name}"));
        match file {
            Some((_, bytes)) => assert!(
                inside_yaml(text_of(bytes), location.line, location.column),
                "{problem}\nlies outside its file"
            ),
            None => assert!(
                location.file == "spec" && (location.line, location.column) == (1, 1),
                "{problem}\nnames no file of the spec"
            ),
        }
    }
}
