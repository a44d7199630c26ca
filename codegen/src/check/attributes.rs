//! Checks of attribute lists: of events, object types and the envelope.

use std::collections::BTreeMap;

use crate::codes::SpecCode;
use crate::loader::NodePath;
use crate::names;
use crate::naming;
use crate::resolve::Index;
use crate::spec::AttributeUse;

use super::{Checker, EventContext};

/// The names of the attributes of one list seen so far.
#[derive(Default)]
struct ListNames<'i> {
    /// Wire names, where each is given.
    wire: BTreeMap<&'i str, NodePath>,
    /// Rust field names by collision key.
    rust: BTreeMap<String, (String, NodePath)>,
    /// Roles, where each is first given.
    roles: BTreeMap<String, NodePath>,
}

impl<'a> Checker<'a> {
    pub(super) fn attribute_list(
        &mut self,
        index: &Index<'_>,
        path: &NodePath,
        list: &[AttributeUse],
        context: &EventContext<'_>,
    ) {
        let mut seen = ListNames::default();
        for (i, item) in list.iter().enumerate() {
            self.attribute(index, &path.index(i), item, context, &mut seen);
        }
    }

    /// The wire name of an attribute and where it is given: its `use:` or its `name:`.
    fn attribute_name<'i>(
        &mut self,
        index: &Index<'_>,
        item_path: &NodePath,
        item: &'i AttributeUse,
        context: &EventContext<'_>,
    ) -> Option<(&'i str, NodePath)> {
        match (&item.uses, &item.name) {
            (Some(shared), None) => {
                let use_path = item_path.key("use");
                if item.ty.is_some() {
                    self.report(
                        &item_path.key("type"),
                        SpecCode::TypeOnUse,
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
                        SpecCode::UnknownAttributeRef,
                        format!("`{shared}` is not a shared attribute"),
                        Some(help),
                    );
                }
                Some((shared.as_str(), use_path))
            }
            (None, Some(name)) => {
                let local_path = item_path.key("name");
                self.role(&item_path.key("role"), item.role.as_deref());
                match &item.ty {
                    Some(ty) => self.type_ref(index, &item_path.key("type"), ty),
                    None => self.report(
                        &local_path,
                        SpecCode::MissingType,
                        format!("attribute `{name}` of {} has no `type`", context.name),
                        Some("add `type:`, or write `use:` for a shared attribute".into()),
                    ),
                }
                match &item.description {
                    Some(text) => {
                        self.nonempty(&item_path.key("description"), "attribute description", text)
                    }
                    None => self.report(
                        &local_path,
                        SpecCode::MissingKey,
                        format!(
                            "attribute `{name}` of {} has no `description`",
                            context.name
                        ),
                        None,
                    ),
                }
                Some((name.as_str(), local_path))
            }
            _ => {
                self.report(
                    item_path,
                    SpecCode::AttributeForm,
                    format!(
                        "an attribute of {} needs exactly one of `use:` and `name:`",
                        context.name
                    ),
                    Some("`use: NAME` for a shared attribute, `name: NAME` with `type:` for one of this event only".into()),
                );
                None
            }
        }
    }

    /// One attribute of a list, checked against the ones before it (`seen`).
    fn attribute<'i>(
        &mut self,
        index: &Index<'_>,
        item_path: &NodePath,
        item: &'i AttributeUse,
        context: &EventContext<'_>,
        seen: &mut ListNames<'i>,
    ) {
        let Some((name, name_path)) = self.attribute_name(index, item_path, item, context) else {
            return;
        };
        let (wire, rust, roles) = (&mut seen.wire, &mut seen.rust, &mut seen.roles);
        if let Some(first) = wire.get(name) {
            self.report_related(
                &name_path,
                SpecCode::DuplicateAttribute,
                format!("attribute `{name}` of {} is listed twice", context.name),
                Some("remove one".into()),
                (first, "first listed here".into()),
            );
            return;
        }
        wire.insert(name, name_path.clone());
        let role = match &item.uses {
            Some(shared) => {
                if item.role.is_some() {
                    self.report(
                        &item_path.key("role"),
                        SpecCode::RoleOnUse,
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
                self.report_related(
                    &name_path,
                    SpecCode::DuplicateRole,
                    format!("{} has two attributes with role `{role}`", context.name),
                    Some("an event has at most one attribute of each role".into()),
                    (first, format!("the first with role `{role}`")),
                );
            } else {
                roles.insert(role, name_path.clone());
            }
        }
        let shared_rust_name = item
            .uses
            .as_deref()
            .and_then(|shared| index.attributes.get(shared))
            .and_then(|(def, _)| def.rust_name.as_deref());
        let rust_name = naming::field(name, item.rust_name.as_deref(), shared_rust_name);
        let ident_path = if item.rust_name.is_some() {
            item_path.key("rust_name")
        } else {
            name_path.clone()
        };
        if self.identifier(&ident_path, name, &rust_name, "rust_name") {
            self.collide(rust, &ident_path, name, &rust_name, "attribute");
        }
        if let Some(text) = &item.description {
            self.nonempty(&item_path.key("description"), "attribute description", text);
        }
        self.notes(&item_path.key("notes"), &item.notes);
        if item.optional.is_some() && item.required_because.is_some() {
            self.report(
                &item_path.key("required_because"),
                SpecCode::ConflictingPresence,
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
        self.source_ref(index, &item_path.key("source"), item.source.as_deref());
        let since_path = item_path.key("since");
        if let Some(since) = self.version(&since_path, item.since.as_deref()) {
            match &context.since {
                Some(event_since) if since < *event_since => {
                    self.report(&since_path, SpecCode::SinceBeforeEvent,
                        format!("attribute `{name}` is since {since}, before its event {} (since {event_since})", context.name),
                        Some("an attribute cannot be older than its event; remove its `since`".into()));
                }
                Some(event_since) if since == *event_since => {}
                _ if item.optional.is_none() => {
                    self.report(&since_path, SpecCode::SinceRequired,
                        format!("attribute `{name}` of {} is since {since} but required: releases before {since} do not send it", context.name),
                        Some("add `optional: <why>` (e.g. older releases do not send it)".into()));
                }
                _ => {}
            }
        }
    }
}
