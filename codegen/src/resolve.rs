//! Name resolution: the definitions table of a loaded spec, which the checker judges the spec
//! against and lowering reads references from.

use std::collections::BTreeMap;

use crate::codes::SpecCode;
use crate::diagnostics::Diagnostic;
use crate::loader::{diagnostic_at, related_at, NodePath};
use crate::spec::{AttributeDef, EnumDef, ObjectDef, Spec};

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
            problems.push(
                diagnostic_at(
                    spec,
                    path,
                    SpecCode::DuplicateName,
                    format!("{what} `{name}` is defined twice"),
                )
                .with_help("remove or rename one")
                .with_related(related_at(spec, first, "first defined here")),
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

/// A spec that passed every check, with its definitions table: what lowering consumes.
pub struct Resolved<'a> {
    /// The spec as loaded.
    pub spec: &'a Spec,
    /// Its definitions, by name.
    pub index: Index<'a>,
}
