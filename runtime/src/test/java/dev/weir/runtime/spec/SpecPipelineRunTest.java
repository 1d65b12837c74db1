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
    void theStateBackendOptionRunsTheDemoOnRocksDbWithTheSameResults() throws Exception {
        String demo = Files.readString(Path.of("..", "examples", "demo-pipeline.json"))
                .replace("{\"type\": \"print\"}", "{\"type\": \"print\", \"format\": \"json\"}");
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                SpecJson.mapper().readTree(demo);
        com.fasterxml.jackson.databind.node.ObjectNode options = tree.has("options")
                ? (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("options") : tree.putObject("options");
        options.put("stateBackend", "rocksdb");
        String onRocks = SpecJson.mapper().writeValueAsString(tree);

        StringWriter heapOut = new StringWriter();
        new LocalEngine().run(new SpecCompiler(SpecContext.defaults().withOut(new PrintWriter(heapOut, true)))
                .compile(demo));
        StringWriter rocksOut = new StringWriter();
        dev.weir.runtime.graph.PipelineGraph graph = new SpecCompiler(SpecContext.defaults()
                .withOut(new PrintWriter(rocksOut, true))).compile(onRocks);
        assertThat(graph.options().stateBackend()).isEqualTo(dev.weir.runtime.graph.StateBackendKind.ROCKSDB);
        java.util.Set<String> before = stateDirectories();
        new LocalEngine().run(graph);

        List<String> heapLines = heapOut.toString().lines().sorted().toList();
        assertThat(heapLines).isNotEmpty();
        assertThat(rocksOut.toString().lines().sorted().toList()).isEqualTo(heapLines);
        assertThat(stateDirectories()).as("the run's temporary RocksDB directory is deleted").isEqualTo(before);
    }

    private static java.util.Set<String> stateDirectories() throws java.io.IOException {
        try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("weir-state-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
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
