//! Checks of enums, object types and type references.

use std::collections::{BTreeMap, BTreeSet};

use crate::codes::SpecCode;
use crate::loader::NodePath;
use crate::names;
use crate::naming;
use crate::resolve::{parse_type, Index, TypeExpr, BUILTIN_TYPES};
use crate::spec::{EnumDef, ObjectDef};

use super::Checker;

impl<'a> Checker<'a> {
    pub(super) fn type_ref(&mut self, index: &Index<'_>, path: &NodePath, expr: &str) {
        let Some(parsed) = parse_type(expr) else {
            self.report(path, SpecCode::UnknownType, format!("`{expr}` is not a type expression"),
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
                SpecCode::UnknownType,
                format!("unknown type `{name}`"),
                Some(help),
            );
        }
    }

    pub(super) fn enum_def(&mut self, index: &Index<'_>, path: &NodePath, item: &EnumDef) {
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
                self.report(&path.key("kind"), SpecCode::UnknownEnumKind, format!("unknown enum kind `{other}`"),
                    Some("an enum is `integer` (values with `code` and `name`) or `string` (values with `value`)".into()));
                return;
            }
        };
        if item.values.is_empty() {
            self.report(
                &path.key("values"),
                SpecCode::EmptyEnum,
                format!("enum `{}` has no values", item.name),
                None,
            );
        }
        let mut codes: BTreeMap<i64, usize> = BTreeMap::new();
        let mut wire_names: BTreeMap<&str, usize> = BTreeMap::new();
        let mut variants: BTreeMap<String, (String, NodePath)> = BTreeMap::new();
        variants.insert(
            names::collision_key(naming::RESERVED_VARIANT),
            (
                format!("the catch-all variant `{}`", naming::RESERVED_VARIANT),
                path.key("name"),
            ),
        );
        for (i, value) in item.values.iter().enumerate() {
            let value_path = path.key("values").index(i);
            let name = if integer {
                match (value.code, &value.name, &value.value) {
                    (Some(code), Some(name), None) => {
                        if let Some(first) = codes.insert(code, i) {
                            let first = path.key("values").index(first).key("code");
                            self.report_related(
                                &value_path.key("code"),
                                SpecCode::DuplicateEnumValue,
                                format!("code {code} of enum `{}` is defined twice", item.name),
                                Some("give each value its own code".into()),
                                (&first, "first defined here".into()),
                            );
                        }
                        name.as_str()
                    }
                    _ => {
                        self.report(&value_path, SpecCode::WrongEnumValue, format!("a value of integer enum `{}` needs `code` and `name`, and no `value`", item.name), None);
                        continue;
                    }
                }
            } else {
                match (value.code, &value.name, &value.value) {
                    (None, None, Some(wire)) => wire.as_str(),
                    _ => {
                        self.report(&value_path, SpecCode::WrongEnumValue, format!("a value of string enum `{}` needs `value`, and no `code` or `name`", item.name), None);
                        continue;
                    }
                }
            };
            let name_path = value_path.key(if integer { "name" } else { "value" });
            if let Some(first) = wire_names.insert(name, i) {
                let key = if integer { "name" } else { "value" };
                let first = path.key("values").index(first).key(key);
                self.report_related(
                    &name_path,
                    SpecCode::DuplicateEnumValue,
                    format!("`{name}` of enum `{}` is defined twice", item.name),
                    Some("remove one".into()),
                    (&first, "first defined here".into()),
                );
                continue;
            }
            if let Some(prefix) = &item.prefix {
                if !name.starts_with(prefix.as_str()) {
                    self.report(
                        &name_path,
                        SpecCode::PrefixMismatch,
                        format!("`{name}` does not start with the enum's prefix `{prefix}`"),
                        Some("fix the name, or the `prefix:` of the enum".into()),
                    );
                }
            }
            let rust = naming::enum_variant(name, item.prefix.as_deref());
            if self.identifier(&name_path, name, &rust, "name") {
                self.collide(&mut variants, &name_path, name, &rust, "value");
            }
        }
    }

    /// Object types may nest, but not in a cycle: the bindings could not hold one.
    pub(super) fn recursive_objects(&mut self, index: &Index<'_>) {
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
                        SpecCode::RecursiveType,
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
