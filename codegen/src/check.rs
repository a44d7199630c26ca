//! Checking a loaded spec as a whole: references, duplicates, names, versions, result pairs.
//! Every problem is reported, each at the node it is about.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::loader::{diagnostic_at, NodePath};
use crate::names;
use crate::spec::{AttributeDef, AttributeUse, EnumDef, FileContent, NoteDef, ObjectDef, Spec};
use crate::version::OrsVersion;

/// The name the forward-compatible catch-all variant of every generated enum takes.
pub const RESERVED_VARIANT: &str = "Unrecognized";

/// Types every spec may use without defining them.
pub const BUILTIN_TYPES: &[&str] = &["string", "integer", "boolean", "object"];

/// A type expression as written: a name, or `array<T>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    /// A builtin, enum or object type name.
    Named(String),
    /// An array of the element type.
    Array(Box<TypeExpr>),
}

/// Parses `string`, `callstate` or `array<chatmessage>`.
pub fn parse_type(expr: &str) -> Option<TypeExpr> {
    let expr = expr.trim();
    if let Some(inner) = expr
        .strip_prefix("array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return parse_type(inner).map(|item| TypeExpr::Array(Box::new(item)));
    }
    let valid = !expr.is_empty() && expr.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then(|| TypeExpr::Named(expr.to_owned()))
}

/// Where each named definition of the spec is (first definition wins), for lookups by name.
pub struct Index<'a> {
    /// Source ids.
    pub sources: BTreeMap<&'a str, NodePath>,
    /// Enums by name.
    pub enums: BTreeMap<&'a str, (&'a EnumDef, NodePath)>,
    /// Object types by name.
    pub objects: BTreeMap<&'a str, (&'a ObjectDef, NodePath)>,
    /// Shared attributes by name.
    pub attributes: BTreeMap<&'a str, (&'a AttributeDef, NodePath)>,
    /// The declared family order, if any, and where it is.
    pub family_order: Option<(&'a [String], NodePath)>,
}

impl<'a> Index<'a> {
    /// Indexes `spec`, reporting duplicate definitions into `problems`.
    pub fn build(spec: &'a Spec, problems: &mut Vec<Diagnostic>) -> Self {
        let mut index = Index {
            sources: BTreeMap::new(),
            enums: BTreeMap::new(),
            objects: BTreeMap::new(),
            attributes: BTreeMap::new(),
            family_order: None,
        };
        let mut duplicate = |path: &NodePath, what: &str, name: &str, first: &NodePath| {
            let first = crate::loader::locate(spec, first);
            problems.push(
                diagnostic_at(
                    spec,
                    path,
                    "duplicate-name",
                    format!("{what} `{name}` is defined twice"),
                )
                .with_help(format!(
                    "the first definition is at {first}; remove or rename one"
                )),
            );
        };
        for (file_index, file) in spec.files.iter().enumerate() {
            let root = NodePath::root(file_index);
            let content = &file.content;
            for (i, source) in content.sources.iter().enumerate() {
                let path = root.key("sources").index(i).key("id");
                match index.sources.get(source.id.as_str()) {
                    Some(first) => duplicate(&path, "source", &source.id, first),
                    None => {
                        index.sources.insert(&source.id, path);
                    }
                }
            }
            for (i, item) in content.enums.iter().enumerate() {
                let path = root.key("enums").index(i).key("name");
                let first = index.enums.get(item.name.as_str()).map(|(_, p)| p.clone());
                let first = first.or_else(|| {
                    index
                        .objects
                        .get(item.name.as_str())
                        .map(|(_, p)| p.clone())
                });
                match first {
                    Some(first) => duplicate(&path, "type", &item.name, &first),
                    None => {
                        index.enums.insert(&item.name, (item, path));
                    }
                }
            }
            for (i, item) in content.objects.iter().enumerate() {
                let path = root.key("objects").index(i).key("name");
                let first = index
                    .objects
                    .get(item.name.as_str())
                    .map(|(_, p)| p.clone());
                let first =
                    first.or_else(|| index.enums.get(item.name.as_str()).map(|(_, p)| p.clone()));
                match first {
                    Some(first) => duplicate(&path, "type", &item.name, &first),
                    None => {
                        index.objects.insert(&item.name, (item, path));
                    }
                }
            }
            for (i, item) in content.attributes.iter().enumerate() {
                let path = root.key("attributes").index(i).key("name");
                match index.attributes.get(item.name.as_str()) {
                    Some((_, first)) => {
                        duplicate(&path, "shared attribute", &item.name, &first.clone())
                    }
                    None => {
                        index.attributes.insert(&item.name, (item, path));
                    }
                }
            }
            if !content.families.is_empty() {
                let path = root.key("families");
                match &index.family_order {
                    Some((_, first)) => duplicate(&path, "list", "families", &first.clone()),
                    None => index.family_order = Some((&content.families, path)),
                }
            }
        }
        index
    }

    /// Every type name a spec may use.
    pub fn type_names(&self) -> impl Iterator<Item = &str> + '_ {
        BUILTIN_TYPES
            .iter()
            .copied()
            .chain(self.enums.keys().copied())
            .chain(self.objects.keys().copied())
    }
}

/// The done and error event names of an action.
pub fn result_event_names(family: &str, action: &str) -> (String, String) {
    (
        format!("{family}.{action}.done"),
        format!("error.{family}.{action}"),
    )
}

/// Checks the whole spec and returns every problem found, in position order.
pub fn check(spec: &Spec) -> Diagnostics {
    let mut checker = Checker {
        spec,
        problems: Vec::new(),
    };
    let index = Index::build(spec, &mut checker.problems);
    checker.check(&index);
    Diagnostics::from(checker.problems)
}

struct Checker<'a> {
    spec: &'a Spec,
    problems: Vec<Diagnostic>,
}

/// What the checker knows of one event while checking its attributes.
struct EventContext<'e> {
    name: &'e str,
    since: Option<OrsVersion>,
}

impl<'a> Checker<'a> {
    fn report(
        &mut self,
        path: &NodePath,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        let mut diagnostic = diagnostic_at(self.spec, path, code, message);
        diagnostic.help = help;
        self.problems.push(diagnostic);
    }

    fn check(&mut self, index: &Index<'a>) {
        let mut events: BTreeMap<String, NodePath> = BTreeMap::new();
        let mut variants: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        let mut families: BTreeMap<&str, NodePath> = BTreeMap::new();
        let mut type_names: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        let mut envelope: Option<NodePath> = None;

        for (file_index, file) in self.spec.files.iter().enumerate() {
            let root = NodePath::root(file_index);
            let content = &file.content;
            for (i, source) in content.sources.iter().enumerate() {
                let path = root.key("sources").index(i);
                self.nonempty(&path.key("title"), "source title", &source.title);
            }
            if let Some(def) = &content.envelope {
                let path = root.key("envelope");
                if let Some(first) = &envelope {
                    let first = crate::loader::locate(self.spec, first);
                    self.report(
                        &path,
                        "duplicate-name",
                        "the envelope is defined twice".into(),
                        Some(format!("the first definition is at {first}")),
                    );
                } else {
                    envelope = Some(path.clone());
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
                        self.report(&path.key("fields").index(i).key("name"), "duplicate-attribute",
                            format!("`{reserved}` is part of every envelope and cannot be listed as a field"), None);
                    }
                }
            }
            for (i, item) in content.enums.iter().enumerate() {
                let path = root.key("enums").index(i);
                self.enum_def(index, &path, item);
                self.type_name(
                    &mut type_names,
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
                    &mut type_names,
                    &path,
                    item.rust_name.as_deref(),
                    &item.name,
                );
            }
            for (i, item) in content.attributes.iter().enumerate() {
                let path = root.key("attributes").index(i);
                self.nonempty(
                    &path.key("description"),
                    "attribute description",
                    &item.description,
                );
                self.type_ref(index, &path.key("type"), &item.ty);
                self.role(&path.key("role"), item.role.as_deref());
                self.notes(&path.key("notes"), &item.notes);
                let rust = item
                    .rust_name
                    .clone()
                    .unwrap_or_else(|| names::snake_case(&item.name));
                self.identifier(
                    &path.key(if item.rust_name.is_some() {
                        "rust_name"
                    } else {
                        "name"
                    }),
                    &item.name,
                    &rust,
                    "rust_name",
                );
            }
            self.family_file(
                index,
                &root,
                content,
                &mut events,
                &mut variants,
                &mut families,
            );
        }
        self.recursive_objects(index);
        if let Some((order, path)) = &index.family_order {
            let mut seen = BTreeSet::new();
            for (i, name) in order.iter().enumerate() {
                if !seen.insert(name.as_str()) {
                    self.report(
                        &path.index(i),
                        "duplicate-name",
                        format!("family `{name}` is listed twice"),
                        None,
                    );
                } else if !families.contains_key(name.as_str()) {
                    self.report(
                        &path.index(i),
                        "unknown-family",
                        format!("family `{name}` is listed but no file defines it"),
                        Some(
                            "add a family file with `family: {{ name: ... }}`, or remove the name"
                                .into(),
                        ),
                    );
                }
            }
            for (name, family_path) in &families {
                if !seen.contains(name) {
                    self.report(
                        family_path,
                        "unlisted-family",
                        format!("family `{name}` is not in the `families` list"),
                        Some(format!(
                            "add `{name}` to the `families` list in {}",
                            crate::loader::locate(self.spec, path).file
                        )),
                    );
                }
            }
        }
    }

    fn nonempty(&mut self, path: &NodePath, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                path,
                "empty-text",
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
                    "unknown-note-kind",
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
                    "unknown-role",
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
                    "unknown-source",
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
                self.report(path, "invalid-version", err.to_string(),
                    Some("write an ORS build such as \"8.1.400.09\" or a release such as \"8.1.3\", quoted".into()));
                None
            }
        }
    }

    fn type_ref(&mut self, index: &Index<'_>, path: &NodePath, expr: &str) {
        let Some(parsed) = parse_type(expr) else {
            self.report(path, "unknown-type", format!("`{expr}` is not a type expression"),
                Some("a type is `string`, `integer`, `boolean`, `object`, `array<T>`, or an enum or object name".into()));
            return;
        };
        let mut named = &parsed;
        while let TypeExpr::Array(item) = named {
            named = item;
        }
        let TypeExpr::Named(name) = named else { return };
        let known = BUILTIN_TYPES.contains(&name.as_str())
            || index.enums.contains_key(name.as_str())
            || index.objects.contains_key(name.as_str());
        if !known {
            let help = match names::closest(name, index.type_names()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "known types: {}",
                    index.type_names().collect::<Vec<_>>().join(", ")
                ),
            };
            self.report(
                path,
                "unknown-type",
                format!("unknown type `{name}`"),
                Some(help),
            );
        }
    }

    /// Checks that `rust` (derived from `name`, or given as `rust_name`) is a usable identifier.
    fn identifier(&mut self, path: &NodePath, name: &str, rust: &str, override_key: &str) -> bool {
        match names::identifier_problem(rust) {
            None => true,
            Some(problem) => {
                let code = if problem.contains("keyword") {
                    "rust-keyword"
                } else {
                    "invalid-name"
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
        let rust = rust_name.map_or_else(|| names::pascal_case(name), str::to_owned);
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
            let first = crate::loader::locate(self.spec, first_path);
            self.report(path, "name-collision",
                format!("{what} `{name}` collides with `{first_name}` after case conversion (both become `{key}`)"),
                Some(format!("`{first_name}` is at {first}; rename one, or set `rust_name:`")));
        } else {
            seen.insert(key, (name.to_owned(), path.clone()));
        }
    }

    fn enum_def(&mut self, index: &Index<'_>, path: &NodePath, item: &EnumDef) {
        self.nonempty(
            &path.key("description"),
            "enum description",
            &item.description,
        );
        self.source_ref(index, &path.key("source"), item.source.as_deref());
        self.notes(&path.key("notes"), &item.notes);
        let integer = match item.kind.as_str() {
            "integer" => true,
            "string" => false,
            other => {
                self.report(&path.key("kind"), "unknown-enum-kind", format!("unknown enum kind `{other}`"),
                    Some("an enum is `integer` (values with `code` and `name`) or `string` (values with `value`)".into()));
                return;
            }
        };
        if item.values.is_empty() {
            self.report(
                &path.key("values"),
                "empty-enum",
                format!("enum `{}` has no values", item.name),
                None,
            );
        }
        let mut codes: BTreeMap<i64, usize> = BTreeMap::new();
        let mut wire_names: BTreeMap<&str, usize> = BTreeMap::new();
        let mut variants: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        variants.insert(
            names::collision_key(RESERVED_VARIANT),
            (
                format!("the catch-all variant `{RESERVED_VARIANT}`"),
                path.key("name"),
            ),
        );
        for (i, value) in item.values.iter().enumerate() {
            let value_path = path.key("values").index(i);
            let name = if integer {
                match (value.code, &value.name, &value.value) {
                    (Some(code), Some(name), None) => {
                        if let Some(first) = codes.insert(code, i) {
                            self.report(
                                &value_path.key("code"),
                                "duplicate-enum-value",
                                format!("code {code} of enum `{}` is defined twice", item.name),
                                Some(format!("the first is value #{}", first + 1)),
                            );
                        }
                        name.as_str()
                    }
                    _ => {
                        self.report(&value_path, "wrong-enum-value", format!("a value of integer enum `{}` needs `code` and `name`, and no `value`", item.name), None);
                        continue;
                    }
                }
            } else {
                match (value.code, &value.name, &value.value) {
                    (None, None, Some(wire)) => wire.as_str(),
                    _ => {
                        self.report(&value_path, "wrong-enum-value", format!("a value of string enum `{}` needs `value`, and no `code` or `name`", item.name), None);
                        continue;
                    }
                }
            };
            let name_path = value_path.key(if integer { "name" } else { "value" });
            if let Some(first) = wire_names.insert(name, i) {
                self.report(
                    &name_path,
                    "duplicate-enum-value",
                    format!("`{name}` of enum `{}` is defined twice", item.name),
                    Some(format!("the first is value #{}", first + 1)),
                );
                continue;
            }
            let stripped = match &item.prefix {
                Some(prefix) => match name.strip_prefix(prefix.as_str()) {
                    Some(rest) => rest,
                    None => {
                        self.report(
                            &name_path,
                            "prefix-mismatch",
                            format!("`{name}` does not start with the enum's prefix `{prefix}`"),
                            Some("fix the name, or the `prefix:` of the enum".into()),
                        );
                        name
                    }
                },
                None => name,
            };
            let rust = names::pascal_case(stripped);
            if self.identifier(&name_path, name, &rust, "name") {
                self.collide(&mut variants, &name_path, name, &rust, "value");
            }
        }
    }

    fn family_file(
        &mut self,
        index: &Index<'a>,
        root: &NodePath,
        content: &'a FileContent,
        events: &mut BTreeMap<String, NodePath>,
        variants: &mut BTreeMap<String, (String, NodePath)>,
        families: &mut BTreeMap<&'a str, NodePath>,
    ) {
        let Some(family) = &content.family else {
            if let Some(first) = content
                .actions
                .first()
                .map(|_| "actions")
                .or(content.events.first().map(|_| "events"))
            {
                self.report(
                    &root.key(first),
                    "missing-family",
                    format!("this file has `{first}:` but no `family:` header"),
                    Some("add `family: { name: ..., title: ..., description: ... }`".into()),
                );
            }
            return;
        };
        let family_path = root.key("family");
        let name = family.name.as_str();
        if let Some(first) = families.get(name) {
            let first = crate::loader::locate(self.spec, first);
            self.report(
                &family_path.key("name"),
                "duplicate-name",
                format!("family `{name}` is defined twice"),
                Some(format!("the first definition is at {first}")),
            );
        } else {
            families.insert(name, family_path.key("name"));
        }
        if !names::is_event_name(name) || name.contains('.') || name == "error" {
            self.report(
                &family_path.key("name"),
                "invalid-name",
                format!("`{name}` is not a family name"),
                Some(
                    "a family name is one lowercase word, such as `voice`, and not `error`".into(),
                ),
            );
        } else {
            self.identifier(&family_path.key("name"), name, name, "name");
        }
        self.nonempty(
            &family_path.key("description"),
            "family description",
            &family.description,
        );
        self.notes(&family_path.key("notes"), &family.notes);

        let mut type_names: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        let mut new_event =
            |checker: &mut Self, event: &str, type_name: String, path: &NodePath| {
                if let Some(first) = events.get(event) {
                    let first = crate::loader::locate(checker.spec, first);
                    checker.report(
                        path,
                        "duplicate-event",
                        format!("event `{event}` is defined twice"),
                        Some(format!("the first definition is at {first}; remove one")),
                    );
                    return;
                }
                events.insert(event.to_owned(), path.clone());
                checker.collide(&mut type_names, path, event, &type_name, "event");
                checker.collide(variants, path, event, &names::pascal_case(event), "event");
            };

        for (i, action) in content.actions.iter().enumerate() {
            let path = root.key("actions").index(i);
            let name_path = path.key("name");
            if !names::is_event_name(&action.name) || action.name.contains('.') {
                self.report(
                    &name_path,
                    "invalid-name",
                    format!("`{}` is not an action name", action.name),
                    Some("an action name is one lowercase word, such as `hold`".into()),
                );
                continue;
            }
            self.nonempty(
                &path.key("description"),
                "action description",
                &action.description,
            );
            self.notes(&path.key("notes"), &action.notes);
            let action_since = self.version(&path.key("since"), action.since.as_deref());
            let (done_name, error_name) = result_event_names(name, &action.name);
            let missing: Vec<&str> = [
                ("done", action.done.is_none()),
                ("error", action.error.is_none()),
            ]
            .iter()
            .filter(|(_, missing)| *missing)
            .map(|(side, _)| *side)
            .collect();
            if !missing.is_empty() {
                self.report(&name_path, "incomplete-result-pair",
                    format!("action `{}` has no `{}` side: it needs both `{done_name}` and `{error_name}`", action.name, missing.join("` and `")),
                    Some("add the missing side, or make the event asynchronous under `events:`".into()));
            }
            let pascal = names::pascal_case(&action.name);
            for (side, result, event_name, type_name) in [
                ("done", &action.done, &done_name, format!("{pascal}Done")),
                (
                    "error",
                    &action.error,
                    &error_name,
                    format!("{pascal}Error"),
                ),
            ] {
                let Some(result) = result else { continue };
                let side_path = path.key(side);
                new_event(self, event_name, type_name, &name_path);
                self.nonempty(
                    &side_path.key("description"),
                    "event description",
                    &result.description,
                );
                self.notes(&side_path.key("notes"), &result.notes);
                let since = self
                    .version(&side_path.key("since"), result.since.as_deref())
                    .or(action_since);
                let context = EventContext {
                    name: event_name,
                    since,
                };
                self.attribute_list(
                    index,
                    &side_path.key("attributes"),
                    &result.attributes,
                    &context,
                );
                if let Some(known) = &result.errors {
                    self.known_errors(
                        index,
                        &side_path,
                        side,
                        event_name,
                        known,
                        &result.attributes,
                    );
                }
            }
        }

        // Each action also names a marker type in the family's module (`Hold` for `hold`).
        let markers: BTreeMap<String, &str> = content
            .actions
            .iter()
            .map(|action| (names::collision_key(&action.name), action.name.as_str()))
            .collect();
        let prefix = format!("{name}.");
        for (i, event) in content.events.iter().enumerate() {
            let path = root.key("events").index(i);
            let name_path = path.key("name");
            if !names::is_event_name(&event.name) {
                self.report(&name_path, "invalid-name", format!("`{}` is not an event name", event.name),
                    Some("an event name is dot-separated lowercase words, such as `interaction.udata.changed`".into()));
                continue;
            }
            let Some(rest) = event.name.strip_prefix(&prefix) else {
                self.report(&name_path, "wrong-family", format!("event `{}` is in the `{name}` family file but does not start with `{prefix}`", event.name),
                    Some("move it to its family's file, or fix its name".into()));
                continue;
            };
            if rest.ends_with(".done") {
                self.report(
                    &name_path,
                    "wrong-family",
                    format!("event `{}` looks like a result event", event.name),
                    Some("describe it as an action with `done:` and `error:` sides".into()),
                );
            }
            if let Some(action) = markers.get(&names::collision_key(rest)) {
                self.report(
                    &name_path,
                    "name-collision",
                    format!("event `{}` collides with the marker type of action `{action}` after case conversion", event.name),
                    Some("rename the event or the action".into()),
                );
            }
            new_event(self, &event.name, names::pascal_case(rest), &name_path);
            self.nonempty(
                &path.key("description"),
                "event description",
                &event.description,
            );
            self.notes(&path.key("notes"), &event.notes);
            let since = self.version(&path.key("since"), event.since.as_deref());
            let context = EventContext {
                name: &event.name,
                since,
            };
            self.attribute_list(index, &path.key("attributes"), &event.attributes, &context);
        }
    }

    fn known_errors(
        &mut self,
        index: &Index<'_>,
        side_path: &NodePath,
        side: &str,
        event: &str,
        known: &[crate::spec::KnownErrorDef],
        attributes: &[AttributeUse],
    ) {
        let errors_path = side_path.key("errors");
        if side != "error" {
            self.report(
                &errors_path,
                "misplaced-errors",
                format!("`{event}` is a done event; known `error` values belong on the error side"),
                None,
            );
            return;
        }
        let has_error_role = attributes.iter().any(|a| {
            let role = match &a.uses {
                Some(shared) => index
                    .attributes
                    .get(shared.as_str())
                    .and_then(|(def, _)| def.role.as_deref()),
                None => a.role.as_deref(),
            };
            role == Some("error")
        });
        if !has_error_role {
            self.report(
                &errors_path,
                "misplaced-errors",
                format!(
                    "`{event}` lists known error values but has no attribute with `role: error`"
                ),
                Some("add `- use: error` to its attributes".into()),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, value) in known.iter().enumerate() {
            let path = errors_path.index(i);
            for form in std::iter::once(value.value.clone())
                .chain(value.states.iter().map(|s| format!("{}.{s}", value.value)))
            {
                if !seen.insert(form.clone()) {
                    self.report(
                        &path.key("value"),
                        "duplicate-enum-value",
                        format!("known error `{form}` of `{event}` is listed twice"),
                        None,
                    );
                }
            }
            if value.value.is_empty() {
                self.report(
                    &path.key("value"),
                    "empty-text",
                    "a known error value is empty".into(),
                    None,
                );
            }
            self.nonempty(
                &path.key("description"),
                "known error description",
                &value.description,
            );
            self.source_ref(index, &path.key("source"), Some(&value.source));
        }
    }

    fn attribute_list(
        &mut self,
        index: &Index<'_>,
        path: &NodePath,
        list: &[AttributeUse],
        context: &EventContext<'_>,
    ) {
        let mut wire: BTreeMap<&str, NodePath> = BTreeMap::new();
        let mut rust: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        let mut roles: BTreeMap<String, NodePath> = BTreeMap::new();
        for (i, item) in list.iter().enumerate() {
            let item_path = path.index(i);
            let (name, name_path) = match (&item.uses, &item.name) {
                (Some(shared), None) => {
                    let use_path = item_path.key("use");
                    if item.ty.is_some() {
                        self.report(
                            &item_path.key("type"),
                            "type-on-use",
                            format!("`use: {shared}` takes its type from the shared attribute"),
                            Some("remove `type:`, or define a local attribute with `name:`".into()),
                        );
                    }
                    if !index.attributes.contains_key(shared.as_str()) {
                        let help = match names::closest(shared, index.attributes.keys().copied()) {
                            Some(near) => format!("did you mean `{near}`? Shared attributes are defined in attributes.yaml"),
                            None => "shared attributes are defined in attributes.yaml; for an attribute of this event only, write `name:` and `type:`".into(),
                        };
                        self.report(
                            &use_path,
                            "unknown-attribute-ref",
                            format!("`{shared}` is not a shared attribute"),
                            Some(help),
                        );
                    }
                    (shared.as_str(), use_path)
                }
                (None, Some(name)) => {
                    let local_path = item_path.key("name");
                    self.role(&item_path.key("role"), item.role.as_deref());
                    match &item.ty {
                        Some(ty) => self.type_ref(index, &item_path.key("type"), ty),
                        None => self.report(
                            &local_path,
                            "missing-type",
                            format!("attribute `{name}` of {} has no `type`", context.name),
                            Some("add `type:`, or write `use:` for a shared attribute".into()),
                        ),
                    }
                    match &item.description {
                        Some(text) => self.nonempty(
                            &item_path.key("description"),
                            "attribute description",
                            text,
                        ),
                        None => self.report(
                            &local_path,
                            "missing-key",
                            format!(
                                "attribute `{name}` of {} has no `description`",
                                context.name
                            ),
                            None,
                        ),
                    }
                    (name.as_str(), local_path)
                }
                _ => {
                    self.report(&item_path, "attribute-form", format!("an attribute of {} needs exactly one of `use:` and `name:`", context.name),
                        Some("`use: NAME` for a shared attribute, `name: NAME` with `type:` for one of this event only".into()));
                    continue;
                }
            };
            if let Some(first) = wire.get(name) {
                let first = crate::loader::locate(self.spec, first);
                self.report(
                    &name_path,
                    "duplicate-attribute",
                    format!("attribute `{name}` of {} is listed twice", context.name),
                    Some(format!("the first is at {first}; remove one")),
                );
                continue;
            }
            wire.insert(name, name_path.clone());
            let role = match &item.uses {
                Some(shared) => {
                    if item.role.is_some() {
                        self.report(
                            &item_path.key("role"),
                            "role-on-use",
                            format!("`use: {shared}` takes its role from the shared attribute"),
                            Some("remove `role:` here, or set it on the shared attribute".into()),
                        );
                    }
                    index
                        .attributes
                        .get(shared.as_str())
                        .and_then(|(def, _)| def.role.clone())
                }
                None => item.role.clone(),
            };
            if let Some(role) = role {
                if let Some(first) = roles.get(&role) {
                    let first = crate::loader::locate(self.spec, first);
                    self.report(
                        &name_path,
                        "duplicate-role",
                        format!("{} has two attributes with role `{role}`", context.name),
                        Some(format!(
                            "the first is at {first}; an event has at most one attribute of each role"
                        )),
                    );
                } else {
                    roles.insert(role, name_path.clone());
                }
            }
            let rust_name = item.rust_name.clone().unwrap_or_else(|| {
                index
                    .attributes
                    .get(name)
                    .and_then(|(def, _)| def.rust_name.clone())
                    .unwrap_or_else(|| names::snake_case(name))
            });
            let ident_path = if item.rust_name.is_some() {
                item_path.key("rust_name")
            } else {
                name_path.clone()
            };
            if self.identifier(&ident_path, name, &rust_name, "rust_name") {
                self.collide(&mut rust, &ident_path, name, &rust_name, "attribute");
            }
            if let Some(text) = &item.description {
                self.nonempty(&item_path.key("description"), "attribute description", text);
            }
            self.notes(&item_path.key("notes"), &item.notes);
            if item.optional.is_some() && item.required_because.is_some() {
                self.report(
                    &item_path.key("required_because"),
                    "conflicting-presence",
                    format!("attribute `{name}` is both optional and required"),
                    Some("keep `optional:` or `required_because:`, not both".into()),
                );
            }
            if let Some(reason) = &item.optional {
                self.nonempty(
                    &item_path.key("optional"),
                    "reason an attribute is optional",
                    reason,
                );
            }
            let since_path = item_path.key("since");
            if let Some(since) = self.version(&since_path, item.since.as_deref()) {
                match &context.since {
                    Some(event_since) if since < *event_since => {
                        self.report(&since_path, "since-before-event",
                            format!("attribute `{name}` is since {since}, before its event {} (since {event_since})", context.name),
                            Some("an attribute cannot be older than its event; remove its `since`".into()));
                    }
                    Some(event_since) if since == *event_since => {}
                    _ if item.optional.is_none() => {
                        self.report(&since_path, "since-required",
                            format!("attribute `{name}` of {} is since {since} but required: releases before {since} do not send it", context.name),
                            Some("add `optional: <why>` (e.g. older releases do not send it)".into()));
                    }
                    _ => {}
                }
            }
        }
    }

    /// Object types may nest, but not in a cycle: the bindings could not hold one.
    fn recursive_objects(&mut self, index: &Index<'_>) {
        fn object_refs<'x>(def: &'x ObjectDef) -> impl Iterator<Item = String> + 'x {
            def.members.iter().filter_map(|member| {
                let mut expr = parse_type(member.ty.as_deref()?)?;
                while let TypeExpr::Array(item) = expr {
                    expr = *item;
                }
                match expr {
                    TypeExpr::Named(name) => Some(name),
                    TypeExpr::Array(_) => None,
                }
            })
        }
        for (name, (def, path)) in &index.objects {
            let mut stack: Vec<String> = object_refs(def).collect();
            let mut seen = BTreeSet::new();
            while let Some(next) = stack.pop() {
                if next == *name {
                    self.report(
                        path,
                        "recursive-type",
                        format!("object type `{name}` contains itself"),
                        Some("break the cycle with an open `object` member".into()),
                    );
                    break;
                }
                if seen.insert(next.clone()) {
                    if let Some((inner, _)) = index.objects.get(next.as_str()) {
                        stack.extend(object_refs(inner));
                    }
                }
            }
        }
    }
}
