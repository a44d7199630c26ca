//! A JSON value whose object members keep the order they were added in, and its printer.
//!
//! The emitters build documents with this instead of `serde_json::Value`, whose member order
//! depends on cargo features (`preserve_order`) that another crate may switch on: our output must
//! be byte-identical in every build.

/// A JSON value with ordered object members.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in insertion order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An empty object.
    pub fn object() -> Self {
        Json::Object(Vec::new())
    }

    /// A string value.
    pub fn str(text: impl Into<String>) -> Self {
        Json::Str(text.into())
    }

    /// Adds a member (objects only; a no-op on other values) and returns the object.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.push(key, value);
        self
    }

    /// Adds a member when `value` is `Some`.
    pub fn with_opt(self, key: impl Into<String>, value: Option<Json>) -> Self {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Adds a member in place (objects only).
    pub fn push(&mut self, key: impl Into<String>, value: Json) {
        if let Json::Object(members) = self {
            members.push((key.into(), value));
        }
    }

    /// The member `key` of an object.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(members) => members
                .iter_mut()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The document on one line, without spaces.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write_compact(&mut out);
        out
    }

    fn write_compact(&self, out: &mut String) {
        match self {
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, key);
                    out.push(':');
                    value.write_compact(out);
                }
                out.push('}');
            }
            scalar => scalar.write(out, 0),
        }
    }

    /// The document, pretty-printed with two-space indents and a final newline.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => out.push_str(&value.to_string()),
            Json::Str(text) => write_string(out, text),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// Serializes members in their order, so any serde format writes the document as printed here
/// (the AsyncAPI emitter writes YAML with `yaml_serde`).
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Int(value) => serializer.serialize_i64(*value),
            Json::Str(text) => serializer.serialize_str(text),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Writes `text` as a JSON string literal: quotes, backslashes and control characters escaped.
fn write_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::Value::String(text.to_owned()).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_in_insertion_order_and_escapes() {
        let doc = Json::object()
            .with("z", Json::Int(1))
            .with(
                "a",
                Json::Array(vec![Json::Bool(true), Json::str("q\"\\\u{1}</script>")]),
            )
            .with("e", Json::object());
        let text = doc.to_pretty();
        assert_eq!(
            text,
            "{\n  \"z\": 1,\n  \"a\": [\n    true,\n    \"q\\\"\\\\\\u0001</script>\"\n  ],\n  \"e\": {}\n}\n"
        );
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(parsed["a"][1], "q\"\\\u{1}</script>");
    }

    #[test]
    fn serializes_as_it_prints() {
        let doc = Json::object()
            .with("z", Json::Int(-1))
            .with("a", Json::Array(vec![Json::Bool(false), Json::str("x")]))
            .with("e", Json::object());
        let value = serde_json::to_value(&doc).unwrap_or_default();
        assert_eq!(
            value,
            serde_json::json!({"z": -1, "a": [false, "x"], "e": {}})
        );
        assert_eq!(
            serde_json::to_string(&doc).unwrap_or_default(),
            doc.to_compact()
        );
    }
}
