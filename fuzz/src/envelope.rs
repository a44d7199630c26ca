//! Valid event envelopes of the built-in catalogue, mutated: members removed, replaced by other
//! JSON values, added, and numbers and strings nudged, at places the fuzzer picks.

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use ors_events_codegen::corpus::{self, Rng};
use ors_events_codegen::Catalogue;
use serde_json::{json, Map, Value};

use crate::arbitrary;

/// The catalogue of the spec the crate was built from.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
        ors_events_codegen::compile(&spec).unwrap_or_else(|problems| panic!("{problems}"))
    })
}

/// A valid envelope of an event the fuzzer picks, then up to eight mutations of it.
pub fn mutated(u: &mut Unstructured<'_>) -> Result<Value> {
    let catalogue = catalogue();
    let event = &catalogue.events[u.choose_index(catalogue.events.len())?];
    let seed = u.arbitrary::<u64>()?;
    let text = corpus::valid(catalogue, event, &mut Rng::new(seed)).to_compact();
    let mut value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    for _ in 0..u.int_in_range(0..=8)? {
        mutate(&mut value, u)?;
    }
    Ok(value)
}

/// One mutation at one place of `value`.
fn mutate(value: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let mut paths = Vec::new();
    places(value, &mut Vec::new(), &mut paths);
    let Some(path) = paths.get(u.choose_index(paths.len().max(1))?) else {
        return Ok(());
    };
    let Some((target, parent_path)) = split(path) else {
        *value = any_json(u, 2)?;
        return Ok(());
    };
    let Some(parent) = pointer_mut(value, parent_path) else {
        return Ok(());
    };
    match u.int_in_range(0..=4u8)? {
        0 => remove(parent, target),
        1 => {
            if let Some(slot) = child_mut(parent, target) {
                *slot = any_json(u, 2)?;
            }
        }
        2 => {
            if let Value::Object(members) = parent {
                members.insert(key(u)?, any_json(u, 2)?);
            }
        }
        3 => {
            if let Some(slot) = child_mut(parent, target) {
                nudge(slot, u)?;
            }
        }
        _ => {
            // The same member again, as a copy elsewhere in the event.
            if let Some(copy) = child_mut(parent, target).map(|slot| slot.clone()) {
                if let Value::Object(members) = parent {
                    members.insert(key(u)?, copy);
                }
            }
        }
    }
    Ok(())
}

/// A step into a JSON value: a member name or an array index.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn split(path: &[Step]) -> Option<(&Step, &[Step])> {
    path.split_last()
}

/// Every member and item of `value`, as paths.
fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                path.push(Step::Key(name.clone()));
                places(member, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Step::Index(index));
                places(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter()
        .try_fold(value, |current, step| child_mut(current, step))
}

fn child_mut<'v>(value: &'v mut Value, step: &Step) -> Option<&'v mut Value> {
    match (value, step) {
        (Value::Object(members), Step::Key(name)) => members.get_mut(name),
        (Value::Array(items), Step::Index(index)) => items.get_mut(*index),
        _ => None,
    }
}

fn remove(parent: &mut Value, step: &Step) {
    match (parent, step) {
        (Value::Object(members), Step::Key(name)) => {
            members.remove(name);
        }
        (Value::Array(items), Step::Index(index)) if *index < items.len() => {
            items.remove(*index);
        }
        _ => {}
    }
}

/// A member name: one the catalogue uses, or a short arbitrary one.
fn key(u: &mut Unstructured<'_>) -> Result<String> {
    const KNOWN: &[&str] = &[
        "name",
        "data",
        "type",
        "sendid",
        "origin",
        "origintype",
        "invokeid",
        "requestid",
        "interactionid",
        "hints",
        "callstate",
        "error",
        "description",
        "partyid",
        "transcript",
        "party",
        "parties",
        "reason",
    ];
    if u.ratio(3, 4)? {
        Ok((*u.choose(KNOWN)?).to_owned())
    } else {
        u.arbitrary()
    }
}

/// Nudges a scalar: a number to a neighbour, a float or an integral float, a string to an empty
/// or upper-case or longer one, `true` to `false`.
fn nudge(slot: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let nudged = match &*slot {
        Value::Number(number) => {
            let n = number.as_i64().unwrap_or(0);
            match u.int_in_range(0..=4u8)? {
                0 => json!(n.wrapping_add(1)),
                1 => json!(n.wrapping_sub(1)),
                2 => json!(n as f64),
                3 => json!(n as f64 + 0.5),
                _ => json!(u64::MAX),
            }
        }
        Value::String(text) => match u.int_in_range(0..=3u8)? {
            0 => json!(""),
            1 => json!(text.to_uppercase()),
            2 => json!(format!("{text}{}", u.arbitrary::<char>()?)),
            _ => json!(text.len()),
        },
        Value::Bool(flag) => json!(!flag),
        other => other.clone(),
    };
    *slot = nudged;
    Ok(())
}

/// A small JSON value of any type.
pub fn any_json(u: &mut Unstructured<'_>, depth: u8) -> Result<Value> {
    let kinds = if depth == 0 { 6 } else { 8 };
    Ok(match u.int_in_range(0..=kinds - 1)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => json!(u.int_in_range(0..=60i64)?),
        4 => {
            let float: f64 = u.arbitrary()?;
            if float.is_finite() {
                json!(float)
            } else {
                json!(0.25)
            }
        }
        5 => Value::String(u.arbitrary()?),
        6 => {
            let length = u.int_in_range(0..=3usize)?;
            let items: Result<Vec<Value>> = (0..length).map(|_| any_json(u, depth - 1)).collect();
            Value::Array(items?)
        }
        _ => {
            let mut members = Map::new();
            for _ in 0..u.int_in_range(0..=3usize)? {
                members.insert(key(u)?, any_json(u, depth - 1)?);
            }
            Value::Object(members)
        }
    })
}
