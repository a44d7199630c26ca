//! Checks of family files: the family, its actions and result pairs, its events, known errors.

use std::collections::{BTreeMap, BTreeSet};

use crate::codes::SpecCode;
use crate::loader::NodePath;
use crate::names;
use crate::naming;
use crate::resolve::Index;
use crate::spec::{ActionDef, AttributeUse, EventDef, FamilyDef, FileContent};

use super::{Checker, EventContext};

/// The names a family's events take, checked for duplicates and collisions as they come.
struct EventNames<'s> {
    /// Event names of the whole spec, where each is first defined.
    events: &'s mut BTreeMap<String, NodePath>,
    /// `Event` variant names of the whole spec, by collision key.
    variants: &'s mut BTreeMap<String, (String, NodePath)>,
    /// Type names within the family's module, by collision key.
    types: BTreeMap<String, (String, NodePath)>,
}

impl<'a> Checker<'a> {
    pub(super) fn family_file(
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
                    SpecCode::MissingFamily,
                    format!("this file has `{first}:` but no `family:` header"),
                    Some("add `family: { name: ..., title: ..., description: ... }`".into()),
                );
            }
            return;
        };
        self.family_header(&root.key("family"), family, families);
        let mut names = EventNames {
            events,
            variants,
            types: BTreeMap::new(),
        };
        for (i, action) in content.actions.iter().enumerate() {
            let path = root.key("actions").index(i);
            self.action(index, &family.name, &path, action, &mut names);
        }
        // Each action also names a marker type in the family's module (`Hold` for `hold`).
        let markers: BTreeMap<String, &str> = content
            .actions
            .iter()
            .map(|action| {
                let marker = naming::action_marker(&action.name);
                (names::collision_key(&marker), action.name.as_str())
            })
            .collect();
        for (i, event) in content.events.iter().enumerate() {
            let path = root.key("events").index(i);
            self.async_event(index, &family.name, &path, event, &markers, &mut names);
        }
    }

    fn family_header(
        &mut self,
        family_path: &NodePath,
        family: &'a FamilyDef,
        families: &mut BTreeMap<&'a str, NodePath>,
    ) {
        let name = family.name.as_str();
        if let Some(first) = families.get(name) {
            self.report_related(
                &family_path.key("name"),
                SpecCode::DuplicateName,
                format!("family `{name}` is defined twice"),
                Some("define each family in one file".into()),
                (first, "first defined here".into()),
            );
        } else {
            families.insert(name, family_path.key("name"));
        }
        if !names::is_event_name(name) || name.contains('.') || name == "error" {
            self.report(
                &family_path.key("name"),
                SpecCode::InvalidName,
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
    }

    /// Records event `event` (of Rust type `type_name` in its module), reporting a duplicate or
    /// a name collision at `path`.
    fn new_event(
        &mut self,
        names: &mut EventNames<'_>,
        event: &str,
        type_name: &str,
        path: &NodePath,
    ) {
        if let Some(first) = names.events.get(event) {
            let first = (&first.clone(), "first defined here".into());
            self.report_related(
                path,
                SpecCode::DuplicateEvent,
                format!("event `{event}` is defined twice"),
                Some("remove one".into()),
                first,
            );
            return;
        }
        names.events.insert(event.to_owned(), path.clone());
        self.collide(&mut names.types, path, event, type_name, "event");
        let view = naming::borrowed_type(type_name);
        self.collide(
            &mut names.types,
            path,
            event,
            &view,
            "event's borrowed view",
        );
        let variant = naming::event_variant(event);
        self.collide(names.variants, path, event, &variant, "event");
    }

    /// An action and its result pair.
    fn action(
        &mut self,
        index: &Index<'a>,
        family: &str,
        path: &NodePath,
        action: &'a ActionDef,
        names: &mut EventNames<'_>,
    ) {
        let name_path = path.key("name");
        if !names::is_event_name(&action.name) || action.name.contains('.') {
            self.report(
                &name_path,
                SpecCode::InvalidName,
                format!("`{}` is not an action name", action.name),
                Some("an action name is one lowercase word, such as `hold`".into()),
            );
            return;
        }
        self.nonempty(
            &path.key("description"),
            "action description",
            &action.description,
        );
        self.notes(&path.key("notes"), &action.notes);
        let action_since = self.version(&path.key("since"), action.since.as_deref());
        let (done_name, error_name) = naming::result_events(family, &action.name);
        let missing: Vec<&str> = [
            ("done", action.done.is_none()),
            ("error", action.error.is_none()),
        ]
        .iter()
        .filter(|(_, missing)| *missing)
        .map(|(side, _)| *side)
        .collect();
        if !missing.is_empty() {
            self.report(
                &name_path,
                SpecCode::IncompleteResultPair,
                format!(
                    "action `{}` has no `{}` side: it needs both `{done_name}` and `{error_name}`",
                    action.name,
                    missing.join("` and `")
                ),
                Some("add the missing side, or make the event asynchronous under `events:`".into()),
            );
        }
        let (done_type, error_type) = naming::result_types(&action.name);
        for (side, result, event_name, type_name) in [
            ("done", &action.done, &done_name, done_type),
            ("error", &action.error, &error_name, error_type),
        ] {
            let Some(result) = result else { continue };
            self.new_event(names, event_name, &type_name, &name_path);
            let side_path = path.key(side);
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

    /// An asynchronous event of family `family`; `markers` are the family's action marker types
    /// by collision key.
    fn async_event(
        &mut self,
        index: &Index<'a>,
        family: &str,
        path: &NodePath,
        event: &'a EventDef,
        markers: &BTreeMap<String, &str>,
        names: &mut EventNames<'_>,
    ) {
        let name_path = path.key("name");
        if !names::is_event_name(&event.name) {
            self.report(&name_path, SpecCode::InvalidName, format!("`{}` is not an event name", event.name),
                Some("an event name is dot-separated lowercase words, such as `interaction.udata.changed`".into()));
            return;
        }
        let prefix = format!("{family}.");
        let Some(rest) = event.name.strip_prefix(&prefix) else {
            self.report(&name_path, SpecCode::WrongFamily, format!("event `{}` is in the `{family}` family file but does not start with `{prefix}`", event.name),
                Some("move it to its family's file, or fix its name".into()));
            return;
        };
        if rest.ends_with(".done") {
            self.report(
                &name_path,
                SpecCode::WrongFamily,
                format!("event `{}` looks like a result event", event.name),
                Some("describe it as an action with `done:` and `error:` sides".into()),
            );
        }
        let type_name = naming::async_type(family, &event.name);
        if let Some(action) = markers.get(&names::collision_key(&type_name)) {
            self.report(
                &name_path,
                SpecCode::NameCollision,
                format!("event `{}` collides with the marker type of action `{action}` after case conversion", event.name),
                Some("rename the event or the action".into()),
            );
        }
        self.new_event(names, &event.name, &type_name, &name_path);
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

    pub(super) fn known_errors(
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
                SpecCode::MisplacedErrors,
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
                SpecCode::MisplacedErrors,
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
                        SpecCode::DuplicateEnumValue,
                        format!("known error `{form}` of `{event}` is listed twice"),
                        None,
                    );
                }
            }
            if value.value.is_empty() {
                self.report(
                    &path.key("value"),
                    SpecCode::EmptyText,
                    "a known error value is empty".into(),
                    None,
                );
            }
            self.nonempty(
                &path.key("description"),
                "known error description",
                &value.description,
            );
            self.source_ref(index, &path.key("source"), value.source.as_deref());
        }
    }
}
