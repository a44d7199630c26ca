#!/usr/bin/env bash
# Peak memory of `ors-events validate` on a 1 GiB JSON Lines stream, with /usr/bin/time -v.
# The stream is made by the deterministic corpus generator (10 % invalid events).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-1024}
file=target/bench/events-${size_mb}mb.jsonl
cargo build --release --quiet -p ors-events-cli
cargo build --release --quiet --example corpus
if [ ! -s "$file" ]; then
  mkdir -p target/bench
  # ~150 bytes an event: enough events for the size asked, then cut at the size.
  events=$(( size_mb * 1024 * 1024 / 140 ))
  { target/release/examples/corpus events "$events" || true; } | head -c $(( size_mb * 1024 * 1024 )) | sed '$d' > "$file"
fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
echo "input: $file, $(du -h "$file" | cut -f1), $(wc -l < "$file") lines"
for format in text json; do
  /usr/bin/time -v target/release/ors-events validate --format "$format" "$file" > /dev/null 2> target/bench/time-$format.txt || true
  peak=$(grep "Maximum resident set size" target/bench/time-$format.txt | awk '{print $NF}')
  wall=$(grep "Elapsed (wall clock)" target/bench/time-$format.txt | awk '{print $NF}')
  echo "validate --format $format: peak RSS $(( peak / 1024 )) MiB, wall $wall"
done
