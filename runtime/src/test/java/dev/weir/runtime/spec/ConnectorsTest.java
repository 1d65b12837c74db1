package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.spec.connector.Click;
import dev.weir.runtime.spec.connector.DemoEventGenerator;
import dev.weir.runtime.spec.connector.JsonLinesSink;
import dev.weir.runtime.spec.connector.JsonLinesSource;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in connectors: the demo generator, JSON-lines files in and out. */
@SuppressWarnings("try") // SourceReader and SinkWriter close() may throw InterruptedException; fine in tests
class ConnectorsTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static DemoEventGenerator.Settings settings(long seed, int partitions) {
        return new DemoEventGenerator.Settings(SourceConnectorSpec.DemoEvents.CLICKS, 1000, 10, Duration.ofSeconds(2), 0.05,
                Duration.ofSeconds(10), 5, seed, START, partitions);
    }

    private static <T> List<T> readAll(Source<T> source) throws Exception {
        List<T> out = new ArrayList<>();
        for (int p = 0; p < source.partitions(); p++) {
            try (SourceReader<T> r = source.createReader(p)) {
                RecordSink<T> sink = (value, ts, headers) -> out.add(value);
                while (r.poll(sink, 7) != ReadStatus.END_OF_INPUT) {
                    // keep reading
                }
            }
        }
        return out;
    }

    @Test
    void generatorIsDeterministicAndIndependentOfPartitioning() throws Exception {
        List<Object> one = readAll(new DemoEventGenerator(settings(42, 1)).source()).stream().map(Object.class::cast).toList();
        List<Object> three = readAll(new DemoEventGenerator(settings(42, 3)).source()).stream().map(Object.class::cast).toList();
        assertThat(one).hasSize(1000).containsExactlyInAnyOrderElementsOf(three);
        assertThat(readAll(new DemoEventGenerator(settings(43, 1)).source())).isNotEqualTo(one);
    }

    @Test
    void generatorTimestampsFollowTheRateWithBoundedJitter() {
        DemoEventGenerator g = new DemoEventGenerator(settings(42, 1));
        long start = START.toEpochMilli();
        long stragglers = 0;
        for (long i = 0; i < 1000; i++) {
            long nominal = start + i * 100;
            long ts = g.timestampMillis(i);
            assertThat(ts).isBetween(Math.max(start, nominal - 12_000), nominal);
            stragglers += nominal - ts > 2_000 ? 1 : 0;
            Click c = g.click(i);
            assertThat(c.user()).matches("user-[0-4]");
            assertThat(c.timestampMillis()).isEqualTo(ts);
        }
        assertThat(stragglers).isBetween(10L, 60L);
    }

    @Test
    void jsonLinesRoundTrip() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"a\": 1}\n\n{\"a\": 2}\n");
        List<JsonNode> read = readAll(new JsonLinesSource<>(in, JsonNode.class, SpecJson.mapper()));
        assertThat(read).extracting(n -> n.get("a").asInt()).containsExactly(1, 2);

        Path out = dir.resolve("out.jsonl");
        JsonLinesSink sink = new JsonLinesSink(out, SpecJson.mapper());
        try (Sink.SinkWriter<Object> a = sink.createWriter(); Sink.SinkWriter<Object> b = sink.createWriter()) {
            a.write(read.get(0), 0, Headers.EMPTY);
            b.write(Map.of("b", 2), 0, Headers.EMPTY);
        }
        assertThat(Files.readAllLines(out)).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void jsonLinesSourceNamesTheBadLine() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"a\": 1}\n{oops\n");
        try (SourceReader<JsonNode> r = new JsonLinesSource<>(in, JsonNode.class, SpecJson.mapper()).createReader(0)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.poll((v, ts, h) -> { }, 10))
                    .isInstanceOf(IOException.class).hasMessageStartingWith(in + ":2: ");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
