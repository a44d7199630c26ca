#!/usr/bin/env python3
"""Checks generated/docs/index.html in a real browser: headless Chromium, driven over its
DevTools protocol on a pipe (--remote-debugging-pipe), with nothing but the standard library.

It loads the page from a file:// URL, checks that every event of the JSON Schema has its section
and anchor and that the page fetches nothing, types into the filter box key by key, and checks
that exactly the events whose name or attribute names contain what was typed stay visible (the
expected sets come from the JSON Schema, not from the page). It saves screenshots.

Usage: check_browser.py PAGE SCHEMA SCREENSHOT [EXPECTED_TEXT]
With EXPECTED_TEXT (for the docs of a hostile spec), that text must show on the page as text.
Exit status: 0 when every check passes, 1 when one fails, 2 when the browser cannot be driven.
"""

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
TIMEOUT = 30.0


class Failed(Exception):
    """A check failed."""


class BrowserError(Exception):
    """The browser could not be driven."""


class Cdp:
    """A DevTools protocol client over Chromium's pipe: JSON messages ended by NUL bytes."""

    def __init__(self, write_fd, read_fd):
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for Chromium")
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed its DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        ident = self.next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self.write_fd, data)
            data = data[written:]
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))


class Page:
    """One tab of the browser."""

    def __init__(self, cdp):
        self.cdp = cdp
        target = cdp.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = cdp.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True}
        )["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )

    def call(self, method, params=None):
        return self.cdp.call(method, params, self.session)

    def load(self, url):
        self.call("Page.navigate", {"url": url})
        self.cdp.wait_for("Page.loadEventFired", self.session)

    def js(self, expression):
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise Failed(f"script error in {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, key, code, key_code, text=None):
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code}
        if text is not None:
            down.update({"text": text, "unmodifiedText": text})
        self.call("Input.dispatchKeyEvent", down)
        self.call(
            "Input.dispatchKeyEvent",
            {"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": key_code},
        )

    def type(self, text):
        for char in text:
            code = f"Key{char.upper()}" if char.isalpha() else ("Space" if char == " " else "")
            self.press(char, code, ord(char.upper()), char)

    def clear(self, length):
        for _ in range(length):
            self.press("Backspace", "Backspace", 8)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def problems(self):
        """Exceptions, console errors and requests other than the page itself, so far."""
        found = []
        for event in self.cdp.events:
            method = event.get("method")
            params = event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(f"console error: {params.get('args')}")
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith(("file://", "data:")):
                    found.append(f"network request: {url}")
        return found


VISIBLE = """JSON.stringify(Array.from(document.querySelectorAll('section.event'))
  .filter(function (e) { return e.getClientRects().length > 0; }).map(function (e) { return e.id; }))"""
VISIBLE_TOC = """JSON.stringify(Array.from(document.querySelectorAll('#contents .toc-event'))
  .filter(function (e) { return e.getClientRects().length > 0; })
  .map(function (e) { return e.getAttribute('data-event'); }))"""


def events_of(schema):
    """Event name -> attribute names, from the catalogue's JSON Schema."""
    events = {}
    for definition in schema["$defs"].values():
        name = definition.get("properties", {}).get("name", {}).get("const")
        if name is None:
            continue
        events[name] = sorted(definition["properties"]["data"].get("properties", {}))
    return events


def expected(events, query):
    """The events the filter must keep: every term is part of the name or an attribute name."""
    terms = query.lower().split()
    return sorted(
        name
        for name, attributes in events.items()
        if all(any(term in field.lower() for field in [name] + attributes) for term in terms)
    )


def check(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what)
    if not condition:
        raise Failed(what)


def run(page_path, schema_path, screenshot, expected_text=None):
    with open(schema_path, encoding="utf-8") as source:
        events = events_of(json.load(source))
    check(len(events) == 60, f"the schema has 60 events (it has {len(events)})")
    url = "file://" + os.path.abspath(page_path)
    profile = tempfile.mkdtemp(prefix="ors-docs-chromium-")
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()
    # Chromium reads commands on fd 3 and writes replies on fd 4.
    command = [
        "sh",
        "-c",
        f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}',
        CHROMIUM,
        *FLAGS,
        f"--user-data-dir={profile}",
        "about:blank",
    ]
    log = open(os.path.join(os.path.dirname(screenshot) or ".", "docs-chromium.log"), "wb")
    browser = subprocess.Popen(
        command,
        pass_fds=(to_browser_r, from_browser_w),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
    )
    os.close(to_browser_r)
    os.close(from_browser_w)
    cdp = Cdp(to_browser_w, from_browser_r)
    try:
        version = cdp.call("Browser.getVersion")
        print(f"browser: {version.get('product')} (headless, {url})")
        page = Page(cdp)
        page.load(url)

        title = page.js("document.title")
        check(title == "ORS Interaction Interface events", f"the page loads (title {title!r})")
        ids = json.loads(page.js(VISIBLE))
        check(sorted(ids) == sorted(events), f"all {len(events)} events have a visible section")
        missing = page.js(
            "JSON.stringify(%s.filter(function (id) { return !document.getElementById(id); }))"
            % json.dumps(sorted(events))
        )
        check(json.loads(missing) == [], "every event has an anchor (an element with its name as id)")
        status = page.js("document.getElementById('filter-status').textContent")
        check(status == f"{len(events)} events", f"the status line says {status!r}")
        inert = page.js(
            "typeof window.pwned === 'undefined' && document.scripts.length === 1"
            " && document.querySelectorAll('img, iframe, object, embed, link[rel=stylesheet]').length === 0"
        )
        check(inert, "one script, no images, frames or stylesheets, and no injected script ran")
        if expected_text is not None:
            shown = page.js("document.body.textContent.includes(%s)" % json.dumps(expected_text))
            check(shown, f"the text {expected_text!r} shows as text")
        page.screenshot(screenshot.replace(".png", "-full.png"))

        page.js("document.getElementById('filter').focus()")
        typed = ""
        for query, literal in [
            ("hold", ["error.voice.hold", "voice.hold.done"]),
            ("partyid", None),
            ("error voice", None),
            ("resultof", ["interaction.deleted", "interaction.notcontrolled"]),
            ("no-such-name", []),
        ]:
            page.clear(len(typed))
            page.type(query)
            typed = query
            want = expected(events, query)
            if literal is not None:
                check(want == sorted(literal), f"the schema agrees on {query!r}: {literal}")
            got = sorted(json.loads(page.js(VISIBLE)))
            check(got == want, f"typing {query!r} leaves exactly {len(want)} events: {got}")
            toc = sorted(json.loads(page.js(VISIBLE_TOC)))
            check(toc == want, f"typing {query!r} leaves the same {len(want)} entries in the contents")
            status = page.js("document.getElementById('filter-status').textContent")
            check(
                status == f"{len(want)} of {len(events)} events match",
                f"the status line says {status!r}",
            )
            if query == "hold":
                page.screenshot(screenshot)
                print(f"  screenshot of the page filtered by 'hold': {screenshot}")
        page.clear(len(typed))
        got = json.loads(page.js(VISIBLE))
        check(len(got) == len(events), "clearing the filter shows every event again")

        at = page.js(
            "location.hash = 'voice.hold.done'; new Promise(function (done) {"
            " requestAnimationFrame(function () { done(Math.round("
            "document.getElementById('voice.hold.done').getBoundingClientRect().top)); }); })"
        )
        check(0 <= at < 100, f"#voice.hold.done scrolls its section to the top ({at}px)")

        problems = page.problems()
        check(problems == [], f"no script errors and no requests beyond the page ({problems})")
        try:
            cdp.call("Browser.close")
        except BrowserError:
            pass
    finally:
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
        os.close(to_browser_w)
        os.close(from_browser_r)
        log.close()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        run(*sys.argv[1:])
    except Failed as failure:
        print(f"browser check FAILED: {failure}", file=sys.stderr)
        return 1
    except (BrowserError, OSError) as error:
        print(f"browser check could not run: {error}", file=sys.stderr)
        return 2
    print("browser check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
