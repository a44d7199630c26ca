#!/usr/bin/env python3
"""Writes a copy of spec/ whose descriptions try to break the docs: pipes, HTML and script tags,
backticks, template syntax, Markdown markup and control characters.

Usage: hostile_spec.py SPEC_DIR OUT_DIR
The edited texts: the `voice.hold` action, the shared `partyid` attribute (in the tables of
seven events) and the `CallStateOk` value of the `callstate` enum.
"""

import shutil
import sys

# A YAML double-quoted string: \\ is a backslash, \" a quote, \a a bell, \e an escape.
HOSTILE = (
    '"Pipes | and \\\\| <script>window.pwned = 1</script></script>'
    "<img src=x onerror=\\\"window.pwned = 2\\\"> `code | pipe` ``tick ` in`` "
    "{{ page.header }} {% if true %}x{% endif %} &amp; *em* _u_ [link](http://example.invalid) bang!`interaction.added` "
    '<!-- c --> \\a\\e[31m bell"'
)

EDITS = {
    "voice.yaml": ("description: Put the specified resource's device on hold for a call.", f"description: {HOSTILE}"),
    "attributes.yaml": ("description: The id of the party.", f"description: {HOSTILE}"),
    "types.yaml": (
        "- { code: 0, name: CallStateOk }",
        f"- {{ code: 0, name: CallStateOk, description: {HOSTILE} }}",
    ),
}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = sys.argv[1:]
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    for name, (old, new) in EDITS.items():
        path = f"{target}/{name}"
        with open(path, encoding="utf-8") as file:
            text = file.read()
        if text.count(old) != 1:
            print(f"{path}: `{old}` must occur once", file=sys.stderr)
            return 1
        with open(path, "w", encoding="utf-8") as file:
            file.write(text.replace(old, new))
    print(f"hostile spec copy in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
