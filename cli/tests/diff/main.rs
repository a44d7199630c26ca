//! `ors-events diff`: one before/after pair of specs per change kind (the real spec and a copy
//! with one small edit), with the exact findings, their categories and locations; then the
//! command line: git revisions, formats and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../tests/support/mod.rs"]
mod support;

mod attributes;
mod cli;
mod docs;
mod events;
mod reports;
mod types;

use std::path::{Path, PathBuf};

use ors_events_codegen::diff::{self, Report, Side};
use serde_json::{json, Value};
use support::{copy_spec, edit, position_of, TempDir};

/// Two copies of the real spec, `old/spec` and `new/spec`, for a test to edit.
struct Pair {
    _dir: TempDir,
    old: PathBuf,
    new: PathBuf,
}

impl Pair {
    fn new() -> Self {
        let dir = TempDir::new("diff");
        let old = copy_spec(&dir.path().join("old"));
        let new = copy_spec(&dir.path().join("new"));
        Pair {
            _dir: dir,
            old,
            new,
        }
    }

    fn side(&self, side: &str) -> &Path {
        match side {
            "old" => &self.old,
            _ => &self.new,
        }
    }

    /// Replaces the one `from` in `file` of the `side` spec with `to`.
    fn edit(&self, side: &str, file: &str, from: &str, to: &str) -> &Self {
        edit(&self.side(side).join(file), from, to);
        self
    }

    /// The report from old to new.
    fn report(&self) -> Report {
        let (old, new) = (compile(&self.old), compile(&self.new));
        let changes = diff::diff(Side { catalogue: &old }, Side { catalogue: &new });
        Report::new("old", "new", changes)
    }

    /// The findings from old to new as the JSON report has them, without `message` and `why`
    /// (which follow from the kind and are checked once below).
    fn findings(&self) -> Vec<Value> {
        let report = serde_json::to_value(self.report()).unwrap();
        report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| {
                let mut finding = finding.clone();
                let members = finding.as_object_mut().unwrap();
                assert!(members.remove("message").unwrap().is_string());
                assert!(members.remove("why").unwrap().is_string());
                finding
            })
            .collect()
    }

    /// The location of `value`, found inside the one occurrence of `context` in `file` of the
    /// `side` spec.
    fn at(&self, side: &str, file: &str, context: &str, value: &str) -> Value {
        let (line, column) = position_of(&self.side(side).join(file), context);
        let before = &context[..context.find(value).expect("value in its context")];
        let (line, column) = match before.rsplit_once('\n') {
            Some((above, last)) => (
                line + above.matches('\n').count() + 1,
                last.chars().count() + 1,
            ),
            None => (line, column + before.chars().count()),
        };
        json!({ "side": side, "file": format!("spec/{file}"), "line": line, "column": column })
    }
}

fn compile(dir: &Path) -> ors_events_codegen::Catalogue {
    ors_events_codegen::compile(dir).unwrap_or_else(|problems| panic!("{problems}"))
}

fn event(name: &str) -> Value {
    json!({ "type": "event", "name": name })
}

// ---------------------------------------------------------------------------------------------
// Edits that tests of more than one module make.

/// The `heldpartystate` attribute of `interaction.onmerge`, to remove.
const HELDPARTYSTATE: &str = "      - name: heldpartystate
        type: string
        description: The state of the held party of the primary/consultation call pair.
";

/// A pair with one change of each strictness: a wire break, a Rust API break, a docs change.
fn mixed_pair() -> Pair {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - { code: 50, name: CallStateHeld }\n",
        "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
    )
    .edit(
        "new",
        "interaction.yaml",
        "      - name: divertingresource\n",
        "      - name: divertingresource\n        rust_name: diverting_resource\n",
    )
    .edit(
        "new",
        "interaction.yaml",
        "The interaction has been diverted.",
        "The interaction has been deflected.",
    );
    pair
}
