//! The provenance rule: in a catalogue that declares sources, every claim it adds says where it
//! comes from or that it is the catalogue's own inference, and every declared source is cited.
//!
//! The claims are the values of an `errors:` entry, the value set of an enum and the reason an
//! attribute is `optional:`. Each cites the source it rests on with `source: ID`, or is marked
//! `inferred: true`, or both (an inference drawn from a source). A catalogue that declares no
//! source transcribes none: its texts are its own definitions, there is nothing to cite, and the
//! rule does not apply to it. Provenance keys that back nothing (`source:` or `inferred:` on an
//! attribute with no presence reason, `inferred:` on an enum value with no description) are
//! reported in every catalogue (`stray-provenance`). A `source:` that names no declared source is
//! reported by the section checks (`unknown-source`), like every other reference.
//!
//! The rule is about how the spec documents its claims, not about what they mean: lowering does
//! not need it, and [`super::Rules`] can leave it out.

use crate::codes::SpecCode;
use std::collections::BTreeSet;

use crate::loader::NodePath;
use crate::naming;
use crate::resolve::Index;
use crate::spec::{AttributeUse, FileContent, KnownErrorDef};

use super::Checker;

/// A claim the rule judges: where it is, what it is, and whether it cites or is marked.
struct Claim {
    path: NodePath,
    what: String,
    backed: bool,
}

/// A provenance key that backs nothing: where it is, and what the message and help say.
struct Stray {
    path: NodePath,
    message: String,
    help: &'static str,
}

/// Every claim of the spec, every source id it cites and every stray provenance key, gathered
/// in one walk.
#[derive(Default)]
struct Walk<'a> {
    claims: Vec<Claim>,
    cited: BTreeSet<&'a str>,
    strays: Vec<Stray>,
}

impl<'a> Walk<'a> {
    fn cite(&mut self, source: Option<&'a str>) {
        if let Some(source) = source {
            self.cited.insert(source);
        }
    }

    fn claim(&mut self, path: NodePath, what: String, source: Option<&'a str>, inferred: bool) {
        self.cite(source);
        self.claims.push(Claim {
            path,
            what,
            backed: source.is_some() || inferred,
        });
    }

    /// The attributes of `owner` (an event, an object type or the envelope) at `path`.
    fn attributes(&mut self, path: &NodePath, list: &'a [AttributeUse], owner: &str) {
        for (i, item) in list.iter().enumerate() {
            let source = item.source.as_deref();
            let name = item.uses.as_deref().or(item.name.as_deref());
            let name = name.unwrap_or_default();
            if item.optional.is_some() {
                self.claim(
                    path.index(i).key("optional"),
                    format!("the reason why attribute `{name}` of {owner} is optional"),
                    source,
                    item.inferred,
                );
                continue;
            }
            self.cite(source);
            let stray = match (source, item.inferred) {
                _ if item.required_because.is_some() => None,
                (Some(_), _) => Some("source"),
                (None, true) => Some("inferred"),
                (None, false) => None,
            };
            if let Some(key) = stray {
                self.strays.push(Stray {
                    path: path.index(i).key(key),
                    message: format!(
                        "`{key}:` of attribute `{name}` of {owner} backs no presence reason"
                    ),
                    help: "`source:` and `inferred:` of an attribute back its `optional:` or `required_because:` reason; give the reason, or remove them",
                });
            }
        }
    }

    /// The `errors:` entries of event `event` at `path`.
    fn known_errors(&mut self, path: &NodePath, list: &'a [KnownErrorDef], event: &str) {
        for (i, known) in list.iter().enumerate() {
            self.claim(
                path.index(i).key("value"),
                format!("known error `{}` of `{event}`", known.value),
                known.source.as_deref(),
                known.inferred,
            );
        }
    }

    /// Every claim and citation of one file, whose root is `root`.
    fn file(&mut self, root: &NodePath, content: &'a FileContent) {
        if let Some(envelope) = &content.envelope {
            self.cite(envelope.source.as_deref());
            let fields = root.key("envelope").key("fields");
            self.attributes(&fields, &envelope.fields, "the envelope");
        }
        for (i, item) in content.enums.iter().enumerate() {
            let path = root.key("enums").index(i);
            self.claim(
                path.key("name"),
                format!("the value set of enum `{}`", item.name),
                item.source.as_deref(),
                item.inferred,
            );
            for (j, value) in item.values.iter().enumerate() {
                if value.inferred && value.description.is_none() {
                    let shown = value.value.as_deref().or(value.name.as_deref());
                    self.strays.push(Stray {
                        path: path.key("values").index(j).key("inferred"),
                        message: format!(
                            "`inferred:` of value `{}` of enum `{}` marks no description",
                            shown.unwrap_or_default(),
                            item.name
                        ),
                        help: "`inferred: true` marks a value's description as the catalogue's own reading; add the description, or remove the mark",
                    });
                }
            }
        }
        for (i, item) in content.objects.iter().enumerate() {
            self.cite(item.source.as_deref());
            let members = root.key("objects").index(i).key("members");
            let owner = format!("object type `{}`", item.name);
            self.attributes(&members, &item.members, &owner);
        }
        // Without a family header the events have no names; the checker reports that file.
        let Some(family) = &content.family else {
            return;
        };
        for (i, action) in content.actions.iter().enumerate() {
            let path = root.key("actions").index(i);
            let (done, error) = naming::result_events(&family.name, &action.name);
            for (side, result, event) in [
                ("done", &action.done, done),
                ("error", &action.error, error),
            ] {
                let Some(result) = result else { continue };
                let side_path = path.key(side);
                let owner = format!("`{event}`");
                self.attributes(&side_path.key("attributes"), &result.attributes, &owner);
                let known = result.errors.as_deref().unwrap_or_default();
                self.known_errors(&side_path.key("errors"), known, &event);
            }
        }
        for (i, event) in content.events.iter().enumerate() {
            let path = root.key("events").index(i).key("attributes");
            self.attributes(&path, &event.attributes, &format!("`{}`", event.name));
        }
    }
}

impl Checker<'_> {
    /// Applies the provenance rule to the whole spec (see the module's documentation).
    pub(super) fn provenance(&mut self, index: &Index<'_>) {
        if !self.rules.provenance {
            return;
        }
        let spec = self.spec;
        let mut walk = Walk::default();
        for (file_index, file) in spec.files.iter().enumerate() {
            walk.file(&NodePath::root(file_index), &file.content);
        }
        for stray in &walk.strays {
            self.report(
                &stray.path,
                SpecCode::StrayProvenance,
                stray.message.clone(),
                Some(stray.help.into()),
            );
        }
        if index.sources.is_empty() {
            return;
        }
        let declared: Vec<&str> = index.sources.keys().copied().collect();
        let declared = declared.join("`, `");
        for claim in walk.claims.iter().filter(|claim| !claim.backed) {
            self.report(
                &claim.path,
                SpecCode::UncitedClaim,
                format!(
                    "{} cites no source and is not marked as an inference",
                    claim.what
                ),
                Some(format!(
                    "cite the source it rests on with `source: ID` (declared: `{declared}`), or mark it as the catalogue's own inference with `inferred: true`"
                )),
            );
        }
        for (id, path) in &index.sources {
            if !walk.cited.contains(id) {
                self.report(
                    path,
                    SpecCode::UnusedSource,
                    format!("source `{id}` is declared but nothing cites it"),
                    Some(format!(
                        "cite it with `source: {id}` where the catalogue relies on it, or remove it"
                    )),
                );
            }
        }
    }
}
