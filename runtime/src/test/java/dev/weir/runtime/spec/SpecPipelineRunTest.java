package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled specs run on the local engine with the built-in connectors and functions. */
class SpecPipelineRunTest {
    @TempDir
    Path dir;

    @Test
    void demoCountsEveryClickOnceInItsFinalPaneOrAsLate() throws Exception {
        String demo = Files.readString(Path.of("..", "examples", "demo-pipeline.json"))
                .replace("{\"type\": \"print\"}", "{\"type\": \"print\", \"format\": \"json\"}");
        StringWriter printed = new StringWriter();
        SpecContext context = SpecContext.defaults().withOut(new PrintWriter(printed, true));
        JobResult result = new LocalEngine().run(new SpecCompiler(context).compile(demo));

        Map<String, Long> finalCounts = new HashMap<>();
        long late = 0;
        for (String line : printed.toString().lines().toList()) {
            if (line.startsWith("LATE ")) {
                late++;
                continue;
            }
            JsonNode r = SpecJson.mapper().readTree(line.substring(line.indexOf(' ') + 1));
            finalCounts.put(r.get("key").asText() + "@" + r.at("/window/startMillis").asLong(), r.get("value").asLong());
        }
        assertThat(late).isEqualTo(result.lateDropped()).isPositive();
        assertThat(finalCounts.values().stream().mapToLong(Long::longValue).sum() + late).isEqualTo(2000);
    }

    @Test
    void jsonLinesInSumPerFieldKeyJsonLinesOut() throws Exception {
        Files.write(dir.resolve("bids.jsonl"), List.of(
                "{\"auction\": 1, \"price\": 10, \"ts\": \"2024-01-01T00:00:01Z\"}",
                "{\"auction\": 2, \"price\": 5, \"ts\": \"2024-01-01T00:00:02Z\"}",
                "{\"auction\": 1, \"price\": 7, \"ts\": \"2024-01-01T00:00:09Z\"}",
                "{\"auction\": 1, \"price\": 1, \"ts\": \"2024-01-01T00:00:11Z\"}"));
        String spec = Specs.spec("""
                {'name': 'bids', 'type': 'source', 'connector': {'type': 'jsonl', 'path': 'bids.jsonl'},
                 'watermarks': {'timestampField': 'ts', 'emission': 'per-event'}},
                {'name': 'by-auction', 'type': 'keyBy', 'field': 'auction'},
                {'name': 'volume', 'type': 'window', 'window': {'type': 'tumbling', 'size': 'PT10S'},
                 'function': {'builtin': 'sum', 'config': {'field': 'price'}}},
                {'name': 'out', 'type': 'sink', 'connector': {'type': 'jsonl', 'path': 'volume.jsonl'}}""",
                "{'from': 'bids', 'to': 'by-auction'}, {'from': 'by-auction', 'to': 'volume'}, {'from': 'volume', 'to': 'out'}");
        new LocalEngine().run(new SpecCompiler(SpecContext.defaults().withBaseDirectory(dir)).compile(spec));

        List<String> results = Files.readAllLines(dir.resolve("volume.jsonl")).stream()
                .map(l -> readTree(l)).map(r -> r.get("key") + "@" + r.at("/window/startMillis").asLong() % 100_000 + "=" + r.get("value"))
                .sorted().toList();
        assertThat(results).containsExactly("1@0=17", "1@10000=1", "2@0=5");
    }

    private static JsonNode readTree(String line) {
        try {
            return SpecJson.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
