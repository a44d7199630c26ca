#!/usr/bin/env bash
# Checks generated/docs/index.html in headless Chromium: every event has its section and anchor,
# the page fetches nothing, and typing into the filter box leaves exactly the expected events
# (taken from the JSON Schema). Saves target/docs-screenshot.png (filtered by "hold") and
# target/docs-screenshot-full.png. Installs Debian's chromium when /usr/bin/chromium is missing.
# Needs only python3's standard library besides Chromium: it speaks the DevTools protocol over
# Chromium's --remote-debugging-pipe.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium (Debian package chromium)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi

mkdir -p target
echo "== browser check of generated/docs/index.html"
python3 scripts/docs/check_browser.py \
  generated/docs/index.html \
  generated/schema/ors-events.schema.json \
  target/docs-screenshot.png

# The docs of a spec copy with hostile descriptions: the page must stay inert and work.
echo "== browser check of the docs of a spec with hostile descriptions"
hostile=target/docs-hostile
python3 scripts/docs/hostile_spec.py spec "$hostile/spec"
rm -rf "$hostile/generated"
cargo run --quiet -p ors-events-cli -- generate --spec "$hostile/spec" --out "$hostile/generated"
python3 scripts/docs/check_browser.py \
  "$hostile/generated/docs/index.html" \
  "$hostile/generated/schema/ors-events.schema.json" \
  target/docs-hostile-screenshot.png \
  '<script>window.pwned = 1</script></script><img src=x onerror="window.pwned = 2">'
