//! Checking a loaded spec as a whole: references, duplicates, names, versions, result pairs.
//! Every problem is reported, each at the node it is about. A spec with no problem comes out
//! resolved ([`Resolved`]), ready for lowering.
//!
//! One module per section of the spec: `types` (enums, object types, type references),
//! `families` (families, actions, events, known errors) and `attributes` (attribute lists); and
//! `provenance`, the rule that every claim cites a source or is marked as an inference, across
//! all sections.

mod attributes;
mod families;
mod provenance;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use crate::codes::SpecCode;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::loader::{diagnostic_at, related_at, NodePath};
use crate::names;
use crate::naming;
use crate::resolve::{Index, Resolved};
use crate::spec::{AttributeDef, EnvelopeDef, FileContent, NoteDef, Spec};
use crate::version::OrsVersion;

/// Which rules a check applies besides those lowering depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The provenance rule (`uncited-claim`, `unused-source`, `stray-provenance`): every claim
    /// cites a source or is marked as an inference. It is about how the spec documents its
    /// claims, not what they mean.
    pub provenance: bool,
}

impl Rules {
    /// Every rule: what `ors-events check`, `generate` and the build script apply.
    pub const ALL: Rules = Rules { provenance: true };

    /// Only the rules lowering depends on: what `ors-events diff` applies to both sides, so that
    /// a revision written before a documentation rule existed still compares.
    pub const LOWERING: Rules = Rules { provenance: false };
}

/// Checks the whole spec with every rule: every problem found, in position order, or the
/// resolved spec.
pub fn check(spec: &Spec) -> Result<Resolved<'_>, Diagnostics> {
    check_with(spec, Rules::ALL)
}

/// Checks the whole spec with `rules`: every problem found, in position order, or the resolved
/// spec.
pub fn check_with(spec: &Spec, rules: Rules) -> Result<Resolved<'_>, Diagnostics> {
    let mut checker = Checker {
        spec,
        rules,
        problems: Vec::new(),
    };
    let index = Index::build(spec, &mut checker.problems);
    checker.check(&index);
    if checker.problems.is_empty() {
        Ok(Resolved { spec, index })
    } else {
        Err(Diagnostics::from(checker.problems))
    }
}

struct Checker<'a> {
    spec: &'a Spec,
    rules: Rules,
    problems: Vec<Diagnostic>,
}

/// Names and definitions seen so far across files, for duplicates and collisions.
#[derive(Default)]
struct Seen<'a> {
    /// Event names, where each is first defined.
    events: BTreeMap<String, NodePath>,
    /// `Event` variant names by collision key.
    variants: BTreeMap<String, (String, NodePath)>,
    /// Families, where each is named.
    families: BTreeMap<&'a str, NodePath>,
    /// Enum and object type names by collision key.
    type_names: BTreeMap<String, (String, NodePath)>,
    /// Where the envelope is first defined.
    envelope: Option<NodePath>,
}

/// What the checker knows of one event while checking its attributes.
struct EventContext<'e> {
    name: &'e str,
    since: Option<OrsVersion>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, path: &NodePath, code: SpecCode, message: String, help: Option<String>) {
        let mut diagnostic = diagnostic_at(self.spec, path, code, message);
        diagnostic.help = help;
        self.problems.push(diagnostic);
    }

    /// Reports a problem at `path` that involves the node `other` too (an earlier definition),
    /// shown as a second snippet labelled `label`.
    fn report_related(
        &mut self,
        path: &NodePath,
        code: SpecCode,
        message: String,
        help: Option<String>,
        (other, label): (&NodePath, String),
    ) {
        self.report(path, code, message, help);
        if let Some(diagnostic) = self.problems.last_mut() {
            diagnostic.related.push(related_at(self.spec, other, label));
        }
    }

    fn check(&mut self, index: &Index<'a>) {
        let mut seen = Seen::default();
        for (file_index, file) in self.spec.files.iter().enumerate() {
            let root = NodePath::root(file_index);
            let content = &file.content;
            self.definitions(index, &root, content, &mut seen);
            self.family_file(
                index,
                &root,
                content,
                &mut seen.events,
                &mut seen.variants,
                &mut seen.families,
            );
        }
        self.recursive_objects(index);
        self.family_order(index, &seen.families);
        self.provenance(index);
    }

    /// Sources, the envelope, enums, object types and shared attributes of one file.
    fn definitions(
        &mut self,
        index: &Index<'a>,
        root: &NodePath,
        content: &'a FileContent,
        seen: &mut Seen<'a>,
    ) {
        for (i, source) in content.sources.iter().enumerate() {
            let path = root.key("sources").index(i);
            self.nonempty(&path.key("title"), "source title", &source.title);
        }
        if let Some(def) = &content.envelope {
            self.envelope(index, &root.key("envelope"), def, &mut seen.envelope);
        }
        for (i, item) in content.enums.iter().enumerate() {
            let path = root.key("enums").index(i);
            self.enum_def(index, &path, item);
            self.type_name(
                &mut seen.type_names,
                &path,
                item.rust_name.as_deref(),
                &item.name,
            );
        }
        for (i, item) in content.objects.iter().enumerate() {
            let path = root.key("objects").index(i);
            self.nonempty(
                &path.key("description"),
                "object description",
                &item.description,
            );
            self.source_ref(index, &path.key("source"), item.source.as_deref());
            let context = EventContext {
                name: &item.name,
                since: None,
            };
            self.attribute_list(index, &path.key("members"), &item.members, &context);
            self.type_name(
                &mut seen.type_names,
                &path,
                item.rust_name.as_deref(),
                &item.name,
            );
        }
        for (i, item) in content.attributes.iter().enumerate() {
            self.shared_attribute(index, &root.key("attributes").index(i), item);
        }
    }

    fn envelope(
        &mut self,
        index: &Index<'a>,
        path: &NodePath,
        def: &EnvelopeDef,
        first_seen: &mut Option<NodePath>,
    ) {
        if let Some(first) = first_seen {
            self.report_related(
                path,
                SpecCode::DuplicateName,
                "the envelope is defined twice".into(),
                Some("keep one envelope".into()),
                (first, "first defined here".into()),
            );
        } else {
            *first_seen = Some(path.clone());
        }
        self.nonempty(
            &path.key("description"),
            "envelope description",
            &def.description,
        );
        self.source_ref(index, &path.key("source"), def.source.as_deref());
        let context = EventContext {
            name: "the envelope",
            since: None,
        };
        self.attribute_list(index, &path.key("fields"), &def.fields, &context);
        for reserved in ["name", "data"] {
            if let Some(i) = def
                .fields
                .iter()
                .position(|f| f.name.as_deref() == Some(reserved))
            {
                self.report(
                    &path.key("fields").index(i).key("name"),
                    SpecCode::DuplicateAttribute,
                    format!(
                        "`{reserved}` is part of every envelope and cannot be listed as a field"
                    ),
                    None,
                );
            }
        }
    }

    fn shared_attribute(&mut self, index: &Index<'a>, path: &NodePath, item: &AttributeDef) {
        self.nonempty(
            &path.key("description"),
            "attribute description",
            &item.description,
        );
        self.type_ref(index, &path.key("type"), &item.ty);
        self.role(&path.key("role"), item.role.as_deref());
        self.notes(&path.key("notes"), &item.notes);
        let rust = naming::field(&item.name, item.rust_name.as_deref(), None);
        let key = if item.rust_name.is_some() {
            "rust_name"
        } else {
            "name"
        };
        self.identifier(&path.key(key), &item.name, &rust, "rust_name");
    }

    /// The declared family order lists every family once, and no other.
    fn family_order(&mut self, index: &Index<'a>, families: &BTreeMap<&'a str, NodePath>) {
        let Some((order, path)) = &index.family_order else {
            return;
        };
        let mut listed = BTreeSet::new();
        for (i, name) in order.iter().enumerate() {
            if !listed.insert(name.as_str()) {
                self.report(
                    &path.index(i),
                    SpecCode::DuplicateName,
                    format!("family `{name}` is listed twice"),
                    None,
                );
            } else if !families.contains_key(name.as_str()) {
                self.report(
                    &path.index(i),
                    SpecCode::UnknownFamily,
                    format!("family `{name}` is listed but no file defines it"),
                    Some(
                        "add a family file with `family: {{ name: ... }}`, or remove the name"
                            .into(),
                    ),
                );
            }
        }
        for (name, family_path) in families {
            if !listed.contains(name) {
                self.report_related(
                    family_path,
                    SpecCode::UnlistedFamily,
                    format!("family `{name}` is not in the `families` list"),
                    Some(format!("add `{name}` to the `families` list")),
                    (path, "the `families` list".into()),
                );
            }
        }
    }

    fn nonempty(&mut self, path: &NodePath, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                path,
                SpecCode::EmptyText,
                format!("the {what} is empty"),
                Some("say what it is; readers of the docs see it".into()),
            );
        }
    }

    fn notes(&mut self, path: &NodePath, notes: &[NoteDef]) {
        for (i, note) in notes.iter().enumerate() {
            if note.kind != "quirk" && note.kind != "usage" {
                self.report(
                    &path.index(i).key("kind"),
                    SpecCode::UnknownNoteKind,
                    format!("unknown note kind `{}`", note.kind),
                    Some("a note is a `quirk` of the source page or `usage` advice".into()),
                );
            }
            self.nonempty(&path.index(i).key("text"), "note", &note.text);
        }
    }

    fn role(&mut self, path: &NodePath, role: Option<&str>) {
        if let Some(role) = role {
            if crate::ir::Role::from_spec(role).is_none() {
                self.report(
                    path,
                    SpecCode::UnknownRole,
                    format!("unknown role `{role}`"),
                    Some("a role is `request-id`, `interaction-id` or `error`".into()),
                );
            }
        }
    }

    fn source_ref(&mut self, index: &Index<'_>, path: &NodePath, source: Option<&str>) {
        if let Some(source) = source {
            if !index.sources.contains_key(source) {
                let help = match names::closest(source, index.sources.keys().copied()) {
                    Some(near) => {
                        format!("did you mean `{near}`? Sources are listed under `sources:`")
                    }
                    None => "sources are listed under `sources:` in catalogue.yaml".into(),
                };
                self.report(
                    path,
                    SpecCode::UnknownSource,
                    format!("unknown source `{source}`"),
                    Some(help),
                );
            }
        }
    }

    fn version(&mut self, path: &NodePath, text: Option<&str>) -> Option<OrsVersion> {
        let text = text?;
        match text.parse::<OrsVersion>() {
            Ok(version) => Some(version),
            Err(err) => {
                self.report(path, SpecCode::InvalidVersion, err.to_string(),
                    Some("write an ORS build such as \"8.1.400.09\" or a release such as \"8.1.3\", quoted".into()));
                None
            }
        }
    }

    /// Checks that `rust` (derived from `name`, or given as `rust_name`) is a usable identifier.
    fn identifier(&mut self, path: &NodePath, name: &str, rust: &str, override_key: &str) -> bool {
        match names::identifier_problem(rust) {
            None => true,
            Some(problem) => {
                let code = if problem.contains("keyword") {
                    SpecCode::RustKeyword
                } else {
                    SpecCode::InvalidName
                };
                self.report(
                    path,
                    code,
                    format!("`{name}` cannot be a Rust name (`{rust}`): {problem}"),
                    Some(format!(
                        "give it another Rust name with `{override_key}:`, or rename it"
                    )),
                );
                false
            }
        }
    }

    fn type_name(
        &mut self,
        seen: &mut BTreeMap<String, (String, NodePath)>,
        path: &NodePath,
        rust_name: Option<&str>,
        name: &str,
    ) {
        let rust = naming::type_name(name, rust_name);
        let name_path = path.key(if rust_name.is_some() {
            "rust_name"
        } else {
            "name"
        });
        if self.identifier(&name_path, name, &rust, "rust_name") {
            self.collide(seen, &name_path, name, &rust, "type");
        }
    }

    /// Reports `name` when its Rust form collides with one seen before.
    fn collide(
        &mut self,
        seen: &mut BTreeMap<String, (String, NodePath)>,
        path: &NodePath,
        name: &str,
        rust: &str,
        what: &str,
    ) {
        let key = names::collision_key(rust);
        if let Some((first_name, first_path)) = seen.get(&key) {
            let first = (first_path, format!("`{first_name}` is here"));
            self.report_related(path, SpecCode::NameCollision,
                format!("{what} `{name}` collides with `{first_name}` after case conversion (both become `{key}`)"),
                Some("rename one, or set `rust_name:`".into()), first);
        } else {
            seen.insert(key, (name.to_owned(), path.clone()));
        }
    }
}
