//! Spec directories built from the spec's shapes (`spec/README.md`): a catalogue file, types,
//! shared attributes and family files, with names, types, roles, versions and references drawn
//! from small pools so that they often resolve and sometimes collide, dangle or break a rule,
//! and now and then a key misspelt, missing, repeated or of the wrong shape. Rendered as YAML in
//! block or flow style, with plain, quoted or folded scalars.

use arbitrary::{Result, Unstructured};

use crate::arbitrary;

/// A YAML node.
#[derive(Debug, Clone)]
pub enum Node {
    /// A scalar, rendered plain, quoted or folded.
    Scalar(String),
    /// A mapping, in key order.
    Map(Vec<(String, Node)>),
    /// A sequence.
    List(Vec<Node>),
}

const NAMES: &[&str] = &[
    "requestid",
    "interactionid",
    "error",
    "description",
    "hints",
    "party",
    "callstate",
    "fam",
    "voice",
    "chat",
    "type",
    "self",
    "Party",
    "party_id",
    "party-id",
    "a.b",
    "x",
    "x1",
    "état",
];
const TYPES: &[&str] = &[
    "string",
    "integer",
    "boolean",
    "object",
    "array<string>",
    "array<hints>",
    "array<array<x>>",
    "hints",
    "callstate",
    "party",
    "unknown",
    "array<",
    "event_type",
];
const VERSIONS: &[&str] = &[
    "8.1.3",
    "8.1.200.73",
    "8.1.400.09",
    "8.1.4",
    "8.1.300",
    "9.0.000.01",
    "8.1",
    "x",
    "8.1.400.1234",
];
const ROLES: &[&str] = &["request-id", "interaction-id", "error", "other"];

/// The files of a spec directory, as `(file name, text)`.
pub fn spec(u: &mut Unstructured<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let mut families: Vec<String> = (0..u.int_in_range(1..=2u8)?)
        .map(|_| pick(u, &["fam", "voice", "chat", "fam", "Fam", "a.b"]))
        .collect::<Result<_>>()?;
    // A directory holds one file of a name; the catalogue may still list a family twice.
    let listed = families.clone();
    families.dedup();
    let mut files = vec![
        ("catalogue.yaml".to_owned(), catalogue(u, &listed)?),
        ("types.yaml".to_owned(), types(u)?),
        ("attributes.yaml".to_owned(), shared_attributes(u)?),
    ];
    for family_name in &families {
        files.push((format!("{family_name}.yaml"), family(u, family_name)?));
    }
    files
        .into_iter()
        .map(|(name, node)| Ok((name, render(&node, u)?.into_bytes())))
        .collect()
}

fn pick(u: &mut Unstructured<'_>, pool: &[&str]) -> Result<String> {
    Ok((*u.choose(pool)?).to_owned())
}

fn text(u: &mut Unstructured<'_>) -> Result<Node> {
    let pool = &[
        "Some text.",
        "",
        "a `code` span",
        "#not a comment",
        "key: value",
        "ü \" '",
    ];
    Ok(Node::Scalar(pick(u, pool)?))
}

/// A mapping, with now and then a key misspelt, dropped, repeated or of the wrong shape.
fn map(mut members: Vec<(&str, Node)>, u: &mut Unstructured<'_>) -> Result<Node> {
    if !members.is_empty() && u.ratio(1, 12)? {
        let at = u.choose_index(members.len())?;
        match u.int_in_range(0..=3u8)? {
            0 => members[at].0 = "descripton",
            1 => {
                members.remove(at);
            }
            2 => members.push(members[at].clone()),
            _ => members[at].1 = Node::List(vec![Node::Scalar("x".into())]),
        }
    }
    Ok(Node::Map(
        members
            .into_iter()
            .map(|(key, node)| (key.to_owned(), node))
            .collect(),
    ))
}

fn list(
    u: &mut Unstructured<'_>,
    max: u8,
    mut item: impl FnMut(&mut Unstructured<'_>) -> Result<Node>,
) -> Result<Node> {
    let count = u.int_in_range(0..=max)?;
    Ok(Node::List(
        (0..count).map(|_| item(u)).collect::<Result<_>>()?,
    ))
}

fn catalogue(u: &mut Unstructured<'_>, families: &[String]) -> Result<Node> {
    let family_list = Node::List(families.iter().map(|f| Node::Scalar(f.clone())).collect());
    let source = map(
        vec![("id", Node::Scalar("src".into())), ("title", text(u)?)],
        u,
    )?;
    let field = map(
        vec![
            ("name", Node::Scalar(pick(u, &["type", "sendid", "name"])?)),
            (
                "type",
                Node::Scalar(pick(u, &["event_type", "string", "integer"])?),
            ),
            ("description", text(u)?),
            ("optional", text(u)?),
        ],
        u,
    )?;
    let envelope = map(
        vec![
            ("description", text(u)?),
            ("fields", Node::List(vec![field])),
        ],
        u,
    )?;
    map(
        vec![
            ("families", family_list),
            ("sources", Node::List(vec![source])),
            ("envelope", envelope),
        ],
        u,
    )
}

fn types(u: &mut Unstructured<'_>) -> Result<Node> {
    let enums = list(u, 2, |u| {
        let integer = u.arbitrary::<bool>()?;
        let values = list(u, 3, |u| {
            let value = if integer {
                vec![
                    ("code", Node::Scalar(u.int_in_range(-2..=3i8)?.to_string())),
                    (
                        "name",
                        Node::Scalar(pick(u, &["Code_A", "Code_B", "self", "Code_A"])?),
                    ),
                ]
            } else {
                vec![(
                    "value",
                    Node::Scalar(pick(u, &["platform", "internal", "x", ""])?),
                )]
            };
            map(value, u)
        })?;
        map(
            vec![
                (
                    "name",
                    Node::Scalar(pick(u, &["callstate", "event_type", "cause", "hints"])?),
                ),
                (
                    "kind",
                    Node::Scalar(if integer { "integer" } else { "string" }.into()),
                ),
                ("description", text(u)?),
                ("values", values),
            ],
            u,
        )
    })?;
    let objects = list(u, 2, |u| {
        let members = list(u, 2, attribute_use)?;
        map(
            vec![
                (
                    "name",
                    Node::Scalar(pick(u, &["hints", "party", "callstate"])?),
                ),
                ("open", Node::Scalar(pick(u, &["true", "false", "yes"])?)),
                ("description", text(u)?),
                ("members", members),
            ],
            u,
        )
    })?;
    map(vec![("enums", enums), ("objects", objects)], u)
}

fn shared_attributes(u: &mut Unstructured<'_>) -> Result<Node> {
    let attributes = list(u, 4, |u| {
        let mut members = vec![
            ("name", Node::Scalar(pick(u, NAMES)?)),
            ("type", Node::Scalar(pick(u, TYPES)?)),
            ("description", text(u)?),
        ];
        if u.ratio(1, 2)? {
            members.push(("role", Node::Scalar(pick(u, ROLES)?)));
        }
        map(members, u)
    })?;
    map(vec![("attributes", attributes)], u)
}

/// An attribute entry: `use: NAME` or its own `name` and `type`, with optional extras.
fn attribute_use(u: &mut Unstructured<'_>) -> Result<Node> {
    let mut members = if u.ratio(1, 2)? {
        vec![("use", Node::Scalar(pick(u, NAMES)?))]
    } else {
        vec![
            ("name", Node::Scalar(pick(u, NAMES)?)),
            ("type", Node::Scalar(pick(u, TYPES)?)),
            ("description", text(u)?),
        ]
    };
    if u.ratio(1, 3)? {
        members.push(("optional", text(u)?));
    }
    if u.ratio(1, 4)? {
        members.push(("since", Node::Scalar(pick(u, VERSIONS)?)));
    }
    if u.ratio(1, 8)? {
        members.push((
            "rust_name",
            Node::Scalar(pick(u, &["Other", "r#type", "x"])?),
        ));
    }
    if u.ratio(1, 8)? {
        let note = map(
            vec![
                ("kind", Node::Scalar(pick(u, &["quirk", "usage", "other"])?)),
                ("text", text(u)?),
            ],
            u,
        )?;
        members.push(("notes", Node::List(vec![note])));
    }
    map(members, u)
}

fn result_side(u: &mut Unstructured<'_>, error: bool) -> Result<Node> {
    let mut members = vec![
        ("description", text(u)?),
        ("attributes", list(u, 4, attribute_use)?),
    ];
    if error && u.ratio(1, 2)? {
        let errors = list(u, 2, |u| {
            map(
                vec![
                    (
                        "value",
                        Node::Scalar(pick(u, &["timeout", "unknown", "timeout"])?),
                    ),
                    ("description", text(u)?),
                    ("source", Node::Scalar(pick(u, &["src", "nowhere"])?)),
                ],
                u,
            )
        })?;
        members.push(("errors", errors));
    }
    if u.ratio(1, 5)? {
        members.push(("since", Node::Scalar(pick(u, VERSIONS)?)));
    }
    map(members, u)
}

fn family(u: &mut Unstructured<'_>, name: &str) -> Result<Node> {
    let header = map(
        vec![
            ("name", Node::Scalar(name.to_owned())),
            ("title", text(u)?),
            ("description", text(u)?),
        ],
        u,
    )?;
    let actions = list(u, 2, |u| {
        let mut members = vec![
            (
                "name",
                Node::Scalar(pick(u, &["hold", "make", "hold", "Hold", "a.b"])?),
            ),
            ("description", text(u)?),
        ];
        if u.ratio(4, 5)? {
            members.push(("done", result_side(u, false)?));
        }
        if u.ratio(4, 5)? {
            members.push(("error", result_side(u, true)?));
        }
        map(members, u)
    })?;
    let events = list(u, 2, |u| {
        let event_name = match u.int_in_range(0..=3u8)? {
            0 => format!("{name}.added"),
            1 => format!("{name}.hold.done"),
            2 => format!("error.{name}.x"),
            _ => pick(u, &["other.added", "fam..x", "fam.Added"])?,
        };
        let mut members = vec![
            ("name", Node::Scalar(event_name)),
            ("description", text(u)?),
            ("attributes", list(u, 4, attribute_use)?),
        ];
        if u.ratio(1, 4)? {
            members.push(("since", Node::Scalar(pick(u, VERSIONS)?)));
        }
        map(members, u)
    })?;
    map(
        vec![("family", header), ("actions", actions), ("events", events)],
        u,
    )
}

/// Renders `node` as a YAML document.
pub fn render(node: &Node, u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::new();
    block(node, 0, &mut out, u)?;
    Ok(out)
}

fn block(node: &Node, indent: usize, out: &mut String, u: &mut Unstructured<'_>) -> Result<()> {
    let pad = " ".repeat(indent);
    match node {
        Node::Map(members) => {
            for (key, value) in members {
                out.push_str(&format!("{pad}{key}:"));
                value_after_key(value, indent, out, u)?;
            }
        }
        Node::List(items) => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                value_after_key(item, indent, out, u)?;
            }
        }
        Node::Scalar(text) => out.push_str(&format!("{pad}{}\n", scalar(text, u)?)),
    }
    Ok(())
}

/// A value after `key:` or `-`: inline (a scalar, or a collection in flow style) or as a block.
fn value_after_key(
    node: &Node,
    indent: usize,
    out: &mut String,
    u: &mut Unstructured<'_>,
) -> Result<()> {
    match node {
        Node::Scalar(text) => out.push_str(&format!(" {}\n", scalar(text, u)?)),
        Node::List(items) if items.is_empty() => out.push_str(" []\n"),
        Node::Map(members) if members.is_empty() => out.push_str(" {}\n"),
        collection if u.ratio(1, 6)? => out.push_str(&format!(" {}\n", flow(collection))),
        collection => {
            out.push('\n');
            block(collection, indent + 2, out, u)?;
        }
    }
    Ok(())
}

fn flow(node: &Node) -> String {
    match node {
        Node::Scalar(text) => format!("{text:?}"),
        Node::List(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Node::Map(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(key, value)| format!("{key}: {}", flow(value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A scalar plain when YAML allows it and the fuzzer likes, else double-quoted.
fn scalar(text: &str, u: &mut Unstructured<'_>) -> Result<String> {
    let plain = !text.is_empty()
        && !text.starts_with([
            '#', '`', '"', '\'', '-', '[', '{', '&', '*', '!', '|', '>', '%', '@',
        ])
        && !text.contains(": ")
        && !text.contains(" #");
    Ok(match u.int_in_range(0..=3u8)? {
        0 | 1 if plain => text.to_owned(),
        2 if !text.contains('\'') => format!("'{text}'"),
        _ => format!("{text:?}"),
    })
}
