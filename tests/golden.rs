//! Golden test: `generated/` must be exactly what the spec generates, byte for byte.
//! Refresh with `cargo run -q -p ors-events-cli -- generate`, or `UPDATE_GOLDEN=1` on this test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;

use support::{copy_spec, copy_tree, edit, workspace, TempDir};

fn outputs_of(spec: &std::path::Path) -> ors_events_codegen::Outputs {
    ors_events_codegen::generate(spec).unwrap_or_else(|problems| panic!("{problems}"))
}

#[test]
fn generated_matches_the_spec() {
    let outputs = outputs_of(&workspace().join("spec"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if let Err(message) = outputs.ensure(&workspace().join("generated"), update) {
        panic!("{message}");
    }
}

#[test]
fn generation_is_deterministic() {
    let spec = workspace().join("spec");
    assert_eq!(outputs_of(&spec), outputs_of(&spec));
}

#[test]
fn a_spec_change_makes_the_golden_check_fail_and_says_how_to_refresh() {
    let dir = TempDir::new("golden");
    let spec = copy_spec(dir.path());
    edit(
        &spec.join("chat.yaml"),
        "Refresh the transcript object",
        "Reload the transcript object",
    );
    edit(
        &spec.join("voice.yaml"),
        "description: The request succeeded and the call, with",
        "description: The request succeeded and the phone call, with",
    );
    let generated = dir.path().join("generated");
    copy_tree(&workspace().join("generated"), &generated, &[]);
    let message = outputs_of(&spec).ensure(&generated, false).unwrap_err();
    assert!(
        message.contains("changed: schema/events/voice.createcall.done.schema.json"),
        "{message}"
    );
    assert!(
        message.contains("cargo run -q -p ors-events-cli -- generate"),
        "{message}"
    );
    assert!(
        message.contains("+| meaning | The request succeeded and the phone call"),
        "{message}"
    );

    // A file that the spec no longer generates is stale too.
    fs::write(generated.join("schema/events/gone.schema.json"), "{}").unwrap();
    let message = outputs_of(&workspace().join("spec"))
        .ensure(&generated, false)
        .unwrap_err();
    assert!(
        message.contains("not generated (stale): schema/events/gone.schema.json"),
        "{message}"
    );

    // Update mode rewrites the directory, after which it is fresh.
    outputs_of(&spec).ensure(&generated, true).unwrap();
    outputs_of(&spec).ensure(&generated, false).unwrap();
}
