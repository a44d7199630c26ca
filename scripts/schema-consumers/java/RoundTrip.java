// Decodes every valid event of the corpus into the classes quicktype generated from each
// definition of generated/schema/ors-events.types.schema.json (package orsevents, beside this
// file), re-encodes it, and writes "LINE<TAB>JSON" per event for compare_roundtrip.py. Invalid
// lines are skipped; a valid event that does not decode or encode fails the run.
//
// The class of an event is the `$defs` key whose definition's `name` is that event's `const`,
// read from the types document. Events are decoded and encoded by a Jackson ObjectMapper with
// its defaults (an unknown member fails decoding instead of vanishing) and NON_NULL inclusion,
// not by quicktype's Converter: that writes every absent optional attribute as `null`, which
// no catalogue attribute may be, and it does not compile against Debian's jackson-databind
// (see scripts/check-schema-go-java.sh).
//
// Usage: java -cp CLASSES:JACKSON_JARS orsevents.RoundTrip TYPES_SCHEMA CORPUS_JSONL >OUTPUT
package orsevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

public final class RoundTrip {
    private RoundTrip() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RoundTrip TYPES_SCHEMA CORPUS_JSONL");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        Map<String, Class<?>> classes = classes(mapper.readTree(new File(args[0])));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int number = 0;
        int failed = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                JsonNode record = mapper.readTree(line);
                if (!record.path("valid").asBoolean(false)) {
                    continue;
                }
                String envelope = mapper.writeValueAsString(record.get("envelope"));
                String name = record.get("envelope").path("name").asText();
                try {
                    Class<?> type = classes.get(name);
                    if (type == null) {
                        throw new IllegalStateException("no generated class for event " + name);
                    }
                    Object event = mapper.readValue(envelope, type);
                    out.println(number + "\t" + mapper.writeValueAsString(event));
                } catch (IOException | RuntimeException error) {
                    failed++;
                    System.err.println("line " + number + ": " + error + ": " + envelope);
                }
            }
        }
        out.flush();
        if (failed > 0) {
            System.err.println(failed + " valid events did not decode or encode");
            System.exit(1);
        }
    }

    /** The generated class of each event, by event name. */
    private static Map<String, Class<?>> classes(JsonNode types) throws ClassNotFoundException {
        Map<String, Class<?>> classes = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> defs = types.path("$defs").fields();
        while (defs.hasNext()) {
            Map.Entry<String, JsonNode> def = defs.next();
            JsonNode name = def.getValue().path("properties").path("name").path("const");
            if (name.isTextual()) {
                classes.put(name.asText(), Class.forName("orsevents." + def.getKey()));
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no event definitions in the types document");
        }
        return classes;
    }
}
