// Decodes every valid event of the corpus into the types quicktype generated from each
// definition of generated/schema/ors-events.types.schema.json (ors_events.go, package main
// beside this file), re-encodes it with them, and writes "LINE<TAB>JSON" per event for
// compare_roundtrip.py. Invalid lines are skipped; a valid event that does not decode or encode
// fails the run.
//
// The type of an event is chosen by its `name`, through `codecs`, which
// scripts/check-schema-go-java.sh writes into codecs.go from the types document: the `$defs`
// key whose definition's `name` is the event's `const`, which is also the generated type's name.
//
// Usage: roundtrip CORPUS_JSONL >OUTPUT
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// corpusLine is one line of tests/corpus/events.jsonl: the envelope, and whether the Rust
// validator accepts it.
type corpusLine struct {
	Valid    bool            `json:"valid"`
	Envelope json.RawMessage `json:"envelope"`
}

// codec decodes an event into its generated type and encodes it again.
type codec func([]byte) ([]byte, error)

// roundTrip is the codec of one generated type, from its generated functions.
func roundTrip[T any](unmarshal func([]byte) (T, error), marshal func(*T) ([]byte, error)) codec {
	return func(data []byte) ([]byte, error) {
		event, err := unmarshal(data)
		if err != nil {
			return nil, err
		}
		return marshal(&event)
	}
}

// encodeAgain decodes and encodes an envelope with the codec its name selects.
func encodeAgain(envelope []byte) ([]byte, error) {
	var head struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(envelope, &head); err != nil {
		return nil, err
	}
	encode, known := codecs[head.Name]
	if !known {
		return nil, fmt.Errorf("no generated type for event %q", head.Name)
	}
	return encode(envelope)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: roundtrip CORPUS_JSONL")
		os.Exit(2)
	}
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	number, failed := 0, 0
	for scanner.Scan() {
		number++
		var line corpusLine
		if err := json.Unmarshal(scanner.Bytes(), &line); err != nil {
			fmt.Fprintf(os.Stderr, "line %d: not a corpus line: %v\n", number, err)
			os.Exit(2)
		}
		if !line.Valid {
			continue
		}
		encoded, err := encodeAgain(line.Envelope)
		if err == nil {
			fmt.Fprintf(out, "%d\t%s\n", number, encoded)
			continue
		}
		failed++
		fmt.Fprintf(os.Stderr, "line %d: %v: %s\n", number, err, line.Envelope)
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(os.Stderr, "%d valid events did not decode or encode\n", failed)
		os.Exit(1)
	}
}
