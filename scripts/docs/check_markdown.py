#!/usr/bin/env python3
"""Checks generated/docs/events.md with a CommonMark parser (markdown-it-py, CommonMark preset
plus GFM pipe tables), against the JSON Schema of the catalogue.

- the only raw HTML is the generated-file comment at the top: no HTML block or inline HTML
  anywhere else, and the rendered page uses only the elements Markdown itself makes;
- every table row has as many cells as its header (pipes escaped with a backslash do not count);
- every event of the schema has its own heading, and its attribute table lists exactly the
  schema's attributes, with the schema's required ones marked "yes";
- the three hints enums (the enum members of the `hints` object) list every code and name;
- every link inside the document points at a heading (GitHub's heading anchors).

Usage: check_markdown.py EVENTS_MD SCHEMA RENDERED_HTML
Writes the rendered HTML to RENDERED_HTML. Exit status 0 when every check passes, 1 otherwise.
"""

import json
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt

ALLOWED_ELEMENTS = {
    "h1", "h2", "h3", "h4", "p", "ul", "li", "code", "a", "strong", "em",
    "table", "thead", "tbody", "tr", "th", "td",
}


class Failed(Exception):
    """A check failed."""


def check(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what)
    if not condition:
        raise Failed(what)


class Elements(HTMLParser):
    """The element names of an HTML text, and its comments."""

    def __init__(self):
        super().__init__()
        self.names = set()
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)

    def handle_comment(self, data):
        self.comments += 1


def inline_text(token):
    """What a reader sees of an inline token: text and code."""
    return "".join(
        child.content for child in (token.children or []) if child.type in ("text", "code_inline")
    )


def codes(token):
    return [child.content for child in (token.children or []) if child.type == "code_inline"]


def slugger():
    seen = {}

    def slug(text):
        base = "".join(
            "-" if c == " " else c
            for c in text.lower()
            if c == " " or c == "-" or c == "_" or c.isalnum()
        )
        result = base
        while result in seen:
            seen[base] += 1
            result = f"{base}-{seen[base]}"
        seen[result] = 0
        return result

    return slug


def split_row(line):
    """Cells of a pipe-table row, splitting at pipes not escaped by a backslash."""
    line = line.strip()
    cells, current, i = [], "", 1
    while i < len(line) - 1:
        c = line[i]
        if c == "\\" and i + 1 < len(line) - 1:
            current += line[i : i + 2]
            i += 2
            continue
        if c == "|":
            cells.append(current)
            current = ""
        else:
            current += c
        i += 1
    cells.append(current)
    return cells


def tables(tokens):
    """Each table as (first source line, header cells, rows of cells), from the token stream."""
    found = []
    i = 0
    while i < len(tokens):
        if tokens[i].type != "table_open":
            i += 1
            continue
        start = tokens[i].map[0]
        header, rows, row = [], [], None
        i += 1
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                row = []
            elif token.type == "inline":
                row.append(token)
            elif token.type == "tr_close":
                if header:
                    rows.append(row)
                else:
                    header = row
            i += 1
        found.append((start, header, rows))
    return found


def find_ref(node):
    """The first `$ref` in a schema node (directly, or inside `allOf` and the like)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return node["$ref"]
        values = node.values()
    elif isinstance(node, list):
        values = node
    else:
        return None
    for value in values:
        found = find_ref(value)
        if found:
            return found
    return None


def events_of(schema):
    events = {}
    for definition in schema["$defs"].values():
        name = definition.get("properties", {}).get("name", {}).get("const")
        if name is not None:
            data = definition["properties"]["data"]
            events[name] = (list(data.get("properties", {})), set(data.get("required", [])))
    return events


def run(markdown_path, schema_path, rendered_path):
    with open(markdown_path, encoding="utf-8") as source:
        text = source.read()
    with open(schema_path, encoding="utf-8") as source:
        schema = json.load(source)
    events = events_of(schema)
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(text)
    rendered = md.render(text)
    with open(rendered_path, "w", encoding="utf-8") as out:
        out.write(rendered)
    print(f"parsed {markdown_path} ({len(text.splitlines())} lines) with markdown-it-py (CommonMark + tables)")

    # Raw HTML: only the header comment.
    html_blocks = [t for t in tokens if t.type == "html_block"]
    check(
        len(html_blocks) == 1 and tokens[0].type == "html_block"
        and html_blocks[0].content.startswith("<!-- Generated by"),
        "the only HTML block is the generated-file comment on the first line",
    )
    inline_html = [c for t in tokens if t.type == "inline" for c in (t.children or []) if c.type == "html_inline"]
    check(inline_html == [], f"no inline HTML ({len(inline_html)} found)")
    elements = Elements()
    elements.feed(rendered)
    check(
        elements.names <= ALLOWED_ELEMENTS and elements.comments == 1,
        f"the rendered HTML has only Markdown's elements: {sorted(elements.names)}",
    )

    # Tables: cell counts in the source.
    lines = text.splitlines()
    all_tables = tables(tokens)
    for start, header, rows in all_tables:
        end = start + 2 + len(rows)
        widths = {len(split_row(line)) for line in lines[start:end]}
        if widths != {len(header)}:
            check(False, f"line {start + 1}: rows of {sorted(widths)} cells under a header of {len(header)}")
    check(True, f"{len(all_tables)} tables, every row as wide as its header")

    # Headings and anchors.
    slug = slugger()
    anchors = set()
    headings = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            anchors.add(slug(inline_text(inline)))
            headings.append((token.tag, inline, i))
    h4 = {tuple(codes(inline)): index for tag, inline, index in headings if tag == "h4"}
    names = sorted(code[0] for code in h4 if len(code) == 1)
    check(names == sorted(events), f"all {len(events)} events of the schema have their own heading")

    # Each event's attribute table.
    table_at = {start: (header, rows) for start, header, rows in all_tables}
    checked = 0
    for name, (attributes, required) in events.items():
        index = h4[(name,)]
        end = next((i for tag, _, i in headings if i > index), len(tokens))
        section_tables = [
            table_at[t.map[0]] for t in tokens[index:end] if t.type == "table_open"
        ]
        attribute_tables = [
            (header, rows) for header, rows in section_tables
            if inline_text(header[0]) == "attribute"
        ]
        if not attributes:
            continue
        if len(attribute_tables) != 1:
            check(False, f"{name}: {len(attribute_tables)} attribute tables")
        header, rows = attribute_tables[0]
        shown = [codes(row[0])[0] if codes(row[0]) else "" for row in rows]
        marked = {codes(row[0])[0] for row in rows if codes(row[0]) and inline_text(row[2]) == "yes"}
        if shown != attributes or marked != required:
            check(False, f"{name}: table shows {shown} (required {sorted(marked)}), schema has {attributes} (required {sorted(required)})")
        checked += len(attributes)
    check(True, f"every event's table lists exactly its {checked} attributes of the schema, required ones marked")

    # The hints enums.
    hints = next(d for d in schema["$defs"].values() if d.get("title") == "Event hints")
    for member, definition in hints["properties"].items():
        target = find_ref(definition).rsplit("/", 1)[-1]
        values = [(str(v["const"]), v["title"]) for v in schema["$defs"][target]["oneOf"]]
        index = next(i for tag, inline, i in headings if tag == "h3" and codes(inline) == [member])
        start = next(t.map[0] for t in tokens[index:] if t.type == "table_open")
        _, rows = table_at[start]
        shown = [(inline_text(row[0]), inline_text(row[1])) for row in rows]
        check(shown == values, f"enum {member}: all {len(values)} codes and names, as the schema has them")

    # Links.
    links = [
        child.attrs.get("href", "")
        for t in tokens if t.type == "inline"
        for child in (t.children or []) if child.type == "link_open"
    ]
    broken = sorted({link for link in links if not link.startswith("#") or link[1:] not in anchors})
    check(broken == [], f"all {len(links)} links point at a heading of the document ({broken[:5]})")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        run(*sys.argv[1:])
    except Failed as failure:
        print(f"markdown check FAILED: {failure}", file=sys.stderr)
        return 1
    print("markdown check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
