#!/usr/bin/env bash
# The JSON Schema proven with the types Go and Java teams would generate from it: quicktype
# (npm, pinned in scripts/schema-consumers/) makes one type per definition of
# generated/schema/ors-events.types.schema.json (`#/$defs/`: each event, enum and object type,
# named by its `$defs` key), in Go and in Java (Jackson). A small program in each language
# (scripts/schema-consumers/go/roundtrip.go, java/RoundTrip.java) decodes every valid event of
# tests/corpus/events.jsonl into its event's type, chosen by `name`, and encodes it again;
# scripts/schema-consumers/compare_roundtrip.py compares each re-encoded event with the corpus's
# envelope as JSON values (its docstring says exactly how) and fails on any attribute lost,
# added or changed.
#
# Toolchains: Go from Debian's golang-go, the JDK on the machine, and jackson-databind from
# Debian's libjackson2-databind-java (no Java registry is reachable here); each is installed
# with apt-get when missing. quicktype's Java `Converter` class is left out: it does not compile
# against Debian's jackson-databind 2.14.0, whose `ObjectWriter.writeValueAsString` declares
# `IOException` besides `JsonProcessingException`, and it writes absent attributes as `null`;
# RoundTrip.java uses an ObjectMapper of its own. Everything generated goes to
# target/schema-go-java/ and is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/schema-consumers/tools.sh

types=generated/schema/ors-events.types.schema.json
corpus=tests/corpus/events.jsonl
out=target/schema-go-java
jars=(/usr/share/java/jackson-databind.jar /usr/share/java/jackson-core.jar /usr/share/java/jackson-annotations.jar)

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check-schema-go-java: %s\n' "$*" >&2; exit 1; }

started=$SECONDS
step "toolchains and pinned tools"
missing=()
command -v go >/dev/null || missing+=(golang-go)
[[ -f ${jars[0]} ]] || missing+=(libjackson2-databind-java)
command -v javac >/dev/null || missing+=(default-jdk-headless)
if ((${#missing[@]})); then
  echo "installing Debian's ${missing[*]}"
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
install_node_consumers || fail "cannot install the tools"
quicktype=("$node_root/node_modules/.bin/quicktype" --telemetry disable --src-lang schema)
echo "quicktype $("$node_root/node_modules/.bin/quicktype" --version | grep -o '[0-9][0-9.]*')"
go version
javac -version 2>&1
echo "jackson-databind $(dpkg-query -W -f '${Version}' libjackson2-databind-java 2>/dev/null || echo '(not from dpkg)') (${jars[0]})"
rm -rf "$out"
mkdir -p "$out/go" "$out/java/src" "$out/java/classes"

step "1/2 Go: quicktype --lang go, go build, decode and re-encode every valid event"
cp scripts/schema-consumers/go/roundtrip.go scripts/schema-consumers/go/go.mod "$out/go/"
echo "  \$ quicktype --lang go --package main -o $out/go/ors_events.go '$types#/\$defs/'"
"${quicktype[@]}" --lang go --package main -o "$out/go/ors_events.go" "$types#/\$defs/"
# codecs.go: the generated type of each event, by name, read off the types document.
python3 - "$types" >"$out/go/codecs.go" <<'PY'
import json, sys
defs = json.load(open(sys.argv[1]))["$defs"]
print("// Written by scripts/check-schema-go-java.sh from the types document.\npackage main\n")
print("var codecs = map[string]codec{")
for key, definition in defs.items():
    name = definition.get("properties", {}).get("name", {}).get("const")
    if name is not None:
        print(f"\t{json.dumps(name)}: roundTrip(Unmarshal{key}, (*{key}).Marshal),")
print("}")
PY
echo "  $(grep -c '^type ' "$out/go/ors_events.go") types, $(grep -c 'roundTrip(' "$out/go/codecs.go") events in codecs.go"
(cd "$out/go" && GOFLAGS=-mod=mod GOPROXY=off go vet . && GOFLAGS=-mod=mod GOPROXY=off go build -o roundtrip .)
"$out/go/roundtrip" "$corpus" >"$out/go/roundtrip.tsv"
python3 scripts/schema-consumers/compare_roundtrip.py go "$corpus" "$out/go/roundtrip.tsv"

step "2/2 Java: quicktype --lang java, javac, decode and re-encode every valid event"
echo "  \$ quicktype --lang java --package orsevents -o $out/java/src/Converter.java '$types#/\$defs/'"
"${quicktype[@]}" --lang java --package orsevents -o "$out/java/src/Converter.java" "$types#/\$defs/"
rm "$out/java/src/Converter.java"
cp scripts/schema-consumers/java/RoundTrip.java "$out/java/src/"
echo "  $(find "$out/java/src" -name '*.java' | wc -l) classes (quicktype's Converter left out)"
classpath=$(IFS=:; echo "${jars[*]}")
javac -Xlint:all -Werror -encoding UTF-8 -cp "$classpath" -d "$out/java/classes" "$out/java/src"/*.java
java -cp "$out/java/classes:$classpath" orsevents.RoundTrip "$types" "$corpus" >"$out/java/roundtrip.tsv"
python3 scripts/schema-consumers/compare_roundtrip.py java "$corpus" "$out/java/roundtrip.tsv"

printf '\nGo and Java: every valid corpus event decoded and re-encoded (%ds)\n' "$((SECONDS - started))"
