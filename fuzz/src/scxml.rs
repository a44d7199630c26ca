//! SCXML documents from a small grammar: states with transitions whose event descriptors come
//! from the catalogue (exact, by prefix, with wildcards, quoted, misspelt, foreign), whose
//! conditions and executable content read `_event.data` in the three forms the linter knows,
//! with character references, CDATA, comments, a DTD's entities and any line end. Every document
//! it makes is well-formed XML.

use arbitrary::{Result, Unstructured};
use ors_events::lint::Catalogue;

use crate::arbitrary;

/// A well-formed SCXML document.
pub fn document(u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = Writer {
        text: String::new(),
        line_end: u.choose(&["\n", "\r\n", "\r", "\n\t"])?,
        entity: u.ratio(1, 8)?,
    };
    if u.ratio(1, 2)? {
        out.text
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.end_line();
    }
    if out.entity {
        out.text
            .push_str("<!DOCTYPE scxml [<!ENTITY ev \"interaction.added\">]>");
        out.end_line();
    }
    let prefix = *u.choose(&["", "", "s:"])?;
    let namespace = match (prefix, u.int_in_range(0..=4u8)?) {
        ("s:", _) => " xmlns:s=\"http://www.w3.org/2005/07/scxml\"",
        (_, 0) => "",
        (_, 1) => " xmlns=\"urn:other\"",
        _ => " xmlns=\"http://www.w3.org/2005/07/scxml\"",
    };
    out.text
        .push_str(&format!("<{prefix}scxml{namespace} version=\"1.0\">"));
    out.end_line();
    for _ in 0..u.int_in_range(1..=3u8)? {
        state(&mut out, u, prefix, 1)?;
    }
    out.text.push_str(&format!("</{prefix}scxml>"));
    if u.ratio(1, 2)? {
        out.end_line();
    }
    Ok(out.text)
}

struct Writer {
    text: String,
    line_end: &'static str,
    entity: bool,
}

impl Writer {
    fn end_line(&mut self) {
        self.text.push_str(self.line_end);
    }
}

fn state(out: &mut Writer, u: &mut Unstructured<'_>, prefix: &str, depth: u8) -> Result<()> {
    let kind = *u.choose(&["state", "parallel", "final"])?;
    out.text.push_str(&format!(
        "<{prefix}{kind} id=\"s{}\">",
        u.int_in_range(0..=9u8)?
    ));
    out.end_line();
    for _ in 0..u.int_in_range(0..=4u8)? {
        if depth < 3 && u.ratio(1, 5)? {
            state(out, u, prefix, depth + 1)?;
        } else {
            transition(out, u, prefix)?;
        }
    }
    out.text.push_str(&format!("</{prefix}{kind}>"));
    out.end_line();
    Ok(())
}

fn transition(out: &mut Writer, u: &mut Unstructured<'_>, prefix: &str) -> Result<()> {
    out.text.push_str(&format!("<{prefix}transition"));
    if u.ratio(7, 8)? {
        let count = u.int_in_range(1..=3u8)?;
        let descriptors: Result<Vec<String>> = (0..count).map(|_| descriptor(u)).collect();
        let mut joined = descriptors?.join(*u.choose(&[" ", "  ", "\t", "\n"])?);
        if out.entity && u.ratio(1, 4)? {
            joined = "&ev;".into();
        }
        out.text
            .push_str(&format!(" event=\"{}\"", escape(&joined, u)?));
    }
    if u.ratio(1, 2)? {
        out.text
            .push_str(&format!(" cond=\"{}\"", escape(&expression(u)?, u)?));
    }
    if u.ratio(1, 2)? {
        out.text.push_str(" target=\"s1\"");
    }
    if u.ratio(1, 3)? {
        out.text.push_str("/>");
        out.end_line();
        return Ok(());
    }
    out.text.push('>');
    out.end_line();
    for _ in 0..u.int_in_range(0..=3u8)? {
        content(out, u, prefix, 0)?;
    }
    out.text.push_str(&format!("</{prefix}transition>"));
    out.end_line();
    Ok(())
}

/// Executable content that reads `_event.data`.
fn content(out: &mut Writer, u: &mut Unstructured<'_>, prefix: &str, depth: u8) -> Result<()> {
    match u.int_in_range(0..=7u8)? {
        0 | 1 if depth < 2 => {
            out.text.push_str(&format!(
                "<{prefix}if cond=\"{}\">",
                escape(&expression(u)?, u)?
            ));
            content(out, u, prefix, depth + 1)?;
            if u.ratio(1, 2)? {
                out.text.push_str(&format!(
                    "<{prefix}elseif cond=\"{}\"/>",
                    escape(&expression(u)?, u)?
                ));
            }
            out.text.push_str(&format!("</{prefix}if>"));
        }
        2 => out.text.push_str(&format!(
            "<{prefix}log label=\"l\" expr=\"{}\"/>",
            escape(&expression(u)?, u)?
        )),
        3 => out.text.push_str(&format!(
            "<{prefix}assign location=\"x\" expr=\"{}\"/>",
            escape(&expression(u)?, u)?
        )),
        4 => out.text.push_str(&format!(
            "<{prefix}send event=\"app.go\"><{prefix}param name=\"p\" expr=\"{}\"/></{prefix}send>",
            escape(&expression(u)?, u)?
        )),
        5 => out.text.push_str(&format!(
            "<{prefix}script><![CDATA[{}]]></{prefix}script>",
            expression(u)?.replace("]]>", "]] >")
        )),
        6 => out.text.push_str(&format!(
            "<{prefix}script>{}</{prefix}script>",
            escape(&expression(u)?, u)?
        )),
        _ => out
            .text
            .push_str(&format!("<!-- {} -->", expression(u)?.replace("--", "- -"))),
    }
    out.end_line();
    Ok(())
}

/// An event descriptor.
fn descriptor(u: &mut Unstructured<'_>) -> Result<String> {
    let events = Catalogue::builtin().events();
    let name = events
        .get(u.choose_index(events.len().max(1))?)
        .map_or("interaction.added", |event| event.name.as_str());
    let tokens: Vec<&str> = name.split('.').collect();
    Ok(match u.int_in_range(0..=9u8)? {
        0..=2 => name.to_owned(),
        3 => tokens[..u.int_in_range(1..=tokens.len())?].join("."),
        4 => format!(
            "{}.*",
            tokens[..u.int_in_range(1..=tokens.len())?].join(".")
        ),
        5 => format!("'{name}'"),
        6 => format!("error.{name}"),
        7 => {
            let mut misspelt = name.to_owned();
            let at = u.choose_index(misspelt.len())?;
            if misspelt.is_char_boundary(at) {
                misspelt.remove(at);
            }
            misspelt
        }
        8 => (*u.choose(&[
            "*",
            "error",
            "error.*",
            "queue.submit.done",
            "a..b",
            ".",
            "voice.*.done",
        ])?)
        .to_owned(),
        _ => word(u)?,
    })
}

/// An ECMAScript expression with reads of `_event.data`.
fn expression(u: &mut Unstructured<'_>) -> Result<String> {
    let mut text = String::new();
    for _ in 0..u.int_in_range(1..=3u8)? {
        let name = attribute(u)?;
        let read = match u.int_in_range(0..=5u8)? {
            0 | 1 => format!("_event.data.{name}"),
            2 => format!("_event.data?.{name}"),
            3 => format!("_event.data['{name}']"),
            4 => format!("_event.data[\"{name}\"]"),
            _ => format!("_event . data.{name}"),
        };
        if !text.is_empty() {
            text.push_str(u.choose(&[" && ", " || ", "\n  + ", "; "])?);
        }
        text.push_str(&read);
        if u.ratio(1, 3)? {
            text.push_str(&format!(" == '{}'", word(u)?));
        }
    }
    Ok(text)
}

/// An attribute name: one the catalogue has, or another word.
fn attribute(u: &mut Unstructured<'_>) -> Result<String> {
    let events = Catalogue::builtin().events();
    let event = events.get(u.choose_index(events.len().max(1))?);
    match event {
        Some(event) if !event.attributes.is_empty() && u.ratio(3, 4)? => {
            let index = u.choose_index(event.attributes.len())?;
            Ok(event.attributes[index].name.clone())
        }
        _ => word(u),
    }
}

/// A short word of letters, digits, dots and underscores, possibly non-ASCII.
fn word(u: &mut Unstructured<'_>) -> Result<String> {
    const LETTERS: &[char] = &['a', 'e', 'i', 'd', 'x', '.', '_', '1', 'é', 'ß', '中', 'Z'];
    let length = u.int_in_range(1..=8u8)?;
    (0..length).map(|_| u.choose(LETTERS).copied()).collect()
}

/// `text` as an attribute value: `&`, `<` and `"` escaped, and some other characters written
/// as character references, which the linter must map back to their positions.
fn escape(text: &str, u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' if text.starts_with("&ev;") => out.push('&'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '_' | '.' | 'a' | '\'' if u.ratio(1, 16)? => {
                out.push_str(&format!("&#x{:X};", u32::from(c)))
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}
