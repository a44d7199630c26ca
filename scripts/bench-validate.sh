#!/usr/bin/env bash
# The whole-process comparison of BENCHMARKS.md, in one run: `ors-events validate --format json`
# on one core and on two, against the floors (serde_json and sonic-rs skipping each line,
# `benches/skim.rs`), two skims at once (what the machine gives two busy cores) and ajv compiled
# to standalone code, run by node (allErrors, every error written as a JSON line). The corpus is
# `corpus events N` (default 1,000,000 events, about 150 MB, 10 % invalid), written into target/
# (never committed). Runs take turns in each of ROUNDS rounds (default 5); prints the median wall
# time and CPU time (user + system) of each, timed to the microsecond, and the ratios. No timing
# is asserted.
#
# Usage: scripts/bench-validate.sh [EVENTS]     ROUNDS=… sets the rounds, NO_AJV=1 skips ajv.
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-1000000}
rounds=${ROUNDS:-5}
target=${CARGO_TARGET_DIR:-target}
corpus=$target/events-$events.jsonl

cargo build --quiet --release -p ors-events-cli --bin ors-events
cargo build --quiet --release -p ors-events --example corpus --example skim
bin=$target/release
[[ -s $corpus ]] || "$bin/examples/corpus" events "$events" >"$corpus"

runs=(
  "skim-serde_json|taskset -c 0 $bin/examples/skim serde_json $corpus"
  "skim-sonic-rs|taskset -c 0 $bin/examples/skim sonic-rs $corpus"
  "validate-1-core|taskset -c 0 $bin/ors-events validate --format json --jobs 1 $corpus"
  "validate-2-cores|$bin/ors-events validate --format json --jobs 2 $corpus"
  # The machine's own ceiling on two cores: two skims at once, one per core (a shared
  # virtual machine does not always give a second core whole).
  "two-skims-at-once|bash -c 'taskset -c 0 $bin/examples/skim serde_json $corpus & taskset -c 1 $bin/examples/skim serde_json $corpus; wait'"
)
if [[ ${NO_AJV:-} != 1 ]]; then
  source scripts/schema-consumers/tools.sh
  install_schema_consumers >&2
  compiled=$node_root/ors-events-standalone.js
  node "$consumers/ajv_standalone.js" compile "$node_root" generated/schema/ors-events.schema.json "$compiled"
  runs+=("ajv-standalone-1-core|taskset -c 0 node $consumers/ajv_standalone.js run $compiled $corpus")
fi

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start; $events events, $(stat -c %s "$corpus") bytes; median of $rounds rounds"
# The runs, timed by Python to the microsecond (GNU time rounds to ten milliseconds, a few
# per cent of these runs): wall time with a monotonic clock, CPU time (user + system) from
# the children's resource usage.
python3 - "$rounds" "${runs[@]}" <<'PY'
import resource, statistics, subprocess, sys, time
rounds = int(sys.argv[1])
runs = [run.split("|", 1) for run in sys.argv[2:]]
import shlex
rows = {name: [] for name, _ in runs}
for _ in range(rounds):
    for name, command in runs:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        rows[name].append((wall, cpu))
median = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for name, r in rows.items()}
floor_wall, floor_cpu = median["skim-serde_json"]
print("| run | wall (s) | CPU (s) | wall / serde_json skim | CPU / serde_json skim |")
print("|---|---:|---:|---:|---:|")
for name, (wall, cpu) in median.items():
    print(f"| {name} | {wall:.3f} | {cpu:.3f} | {wall / floor_wall:.2f} | {cpu / floor_cpu:.2f} |")
one = median.get("validate-1-core")
two = median.get("validate-2-cores")
if one and two:
    print(f"\n2 cores against 1: {one[0] / two[0]:.2f}x the throughput (wall clock, medians)")
    # Within a round the runs follow each other by a second or two, so the host's load moves
    # less between them than across rounds: the ratio of each round, then their median.
    paired = sorted(o[0] / t[0] for o, t in zip(rows["validate-1-core"], rows["validate-2-cores"]))
    print(f"  round by round: median {statistics.median(paired):.2f}x, from {paired[0]:.2f}x to {paired[-1]:.2f}x")
pair = median.get("two-skims-at-once")
if pair:
    print(f"the machine's ceiling: two skims at once did {2 * floor_wall / pair[0]:.2f}x the work of one in the same time")
    ceiling = sorted(2 * s[0] / p[0] for s, p in zip(rows["skim-serde_json"], rows["two-skims-at-once"]))
    print(f"  round by round: median {statistics.median(ceiling):.2f}x, from {ceiling[0]:.2f}x to {ceiling[-1]:.2f}x")
PY
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
