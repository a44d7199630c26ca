# Sourced by scripts/check-schema-consumers.sh, scripts/bench-schema-consumers.sh,
# scripts/check-asyncapi.sh and scripts/check-schema-go-java.sh (from the workspace root):
# installs the tools pinned in scripts/schema-consumers/ on first use, into
# target/schema-venv (python3 -m venv, PyPI) and target/schema-node (npm ci, the npm registry),
# and reuses them until a pin file changes. SCHEMA_CONSUMERS_REINSTALL=1 forces a fresh install.
# Sets `consumers`, `venv` and `node_root`.

consumers=scripts/schema-consumers
venv=target/schema-venv
node_root=target/schema-node

# True when DIR was installed with STAMP from exactly these pin files (copies kept in DIR).
installed() {
  local dir=$1 stamp=$2 file
  shift 2
  [[ ${SCHEMA_CONSUMERS_REINSTALL:-} != 1 && "$(cat "$dir/.installed" 2>/dev/null)" == "$stamp" ]] || return 1
  for file in "$@"; do cmp -s "$file" "$dir/$(basename "$file")" || return 1; done
}

# Checks that the commands the tools need are there.
require_commands() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; return 1; }
  done
}

# Python: a venv with exactly the pinned packages (--no-deps + pip check: a dependency missing
# from requirements.txt fails instead of being installed unpinned).
install_python_consumers() {
  local py_stamp
  require_commands python3 || return 1
  py_stamp=$(python3 --version)
  if ! installed "$venv" "$py_stamp" "$consumers/requirements.txt" || ! "$venv/bin/python" -c '' 2>/dev/null; then
    echo "installing Python tools into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install --quiet --no-deps --requirement "$consumers/requirements.txt"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" check
    cp "$consumers/requirements.txt" "$venv/"
    echo "$py_stamp" >"$venv/.installed"
  else
    echo "reusing $venv"
  fi
}

# Node: npm ci from the committed lock file, without install scripts: the only package that has
# one is @scarf/scarf (download analytics, under @asyncapi/parser's Spectral), which must not
# run; the tools need none.
install_node_consumers() {
  local node_stamp
  require_commands node npm || return 1
  node_stamp="$(node --version) $(node -p 'process.platform + "-" + process.arch')"
  if ! installed "$node_root" "$node_stamp" "$consumers/package.json" "$consumers/package-lock.json" || [[ ! -d $node_root/node_modules/.bin ]]; then
    echo "installing Node tools into $node_root"
    rm -rf "$node_root"
    mkdir -p "$node_root"
    cp "$consumers/package.json" "$consumers/package-lock.json" "$node_root/"
    (cd "$node_root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$node_stamp" >"$node_root/.installed"
  else
    echo "reusing $node_root"
  fi
}

install_schema_consumers() {
  install_python_consumers && install_node_consumers
}

# One line per tool with its version.
print_schema_consumer_versions() {
  "$venv/bin/python" - <<'PY'
from importlib.metadata import version
import sys
print(f"python {sys.version.split()[0]}: " + ", ".join(
    f"{name} {version(name)}" for name in ("jsonschema", "datamodel-code-generator", "pydantic")))
PY
  (cd "$node_root" && node -e '
const v = (name) => `${name} ${require(`${name}/package.json`).version}`;
console.log(`node ${process.version}: ${["ajv", "json-schema-to-typescript", "typescript"].map(v).join(", ")}`);')
}
