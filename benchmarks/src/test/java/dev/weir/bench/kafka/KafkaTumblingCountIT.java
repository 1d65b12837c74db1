package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written tumbling count against the broker: 50,000 records (0.5 s of event time, jitter up to 511 ms),
 * 100 ms windows, a 600 ms bound (above the jitter, so nothing is late), exactly-once, two tasks. Every window
 * that fired must carry the brute-force count of its key and window.
 */
class KafkaTumblingCountIT {
    private static final int RECORDS = 50_000;
    private static final long SIZE = 100;

    @Test
    void firedWindowsHoldTheBruteForceCounts() throws Exception {
        try (BenchContext ctx = new BenchContext(KafkaClients.DEFAULT_BOOTSTRAP, 12, Duration.ofMillis(100), false,
                System.err)) {
            String input = ctx.newTopic("it-count-in");
            String output = ctx.newTopic("it-count-out");
            EventStream stream = EventStream.standard();
            InputLoader.load(ctx.bootstrap, input, stream, RECORDS);
            Progress progress = new Progress(RECORDS);
            Processor count = new KafkaTumblingCount(Duration.ofMillis(SIZE), Duration.ofMillis(600));
            Processor.Running running = count.start(ctx.spec(input, output, DeliveryMode.EXACTLY_ONCE, 2), progress);
            try {
                assertThat(progress.awaitTotal(RECORDS, Duration.ofSeconds(60), running)).isTrue();
            } finally {
                running.close();
            }

            Map<String, Long> expected = new HashMap<>();
            for (long i = 0; i < RECORDS; i++) {
                expected.merge(new String(stream.key(i), StandardCharsets.US_ASCII) + "@"
                        + Math.floorDiv(stream.eventTimeMillis(i), SIZE) * SIZE, 1L, Long::sum);
            }
            ObjectMapper json = new ObjectMapper();
            Map<String, Long> actual = new HashMap<>();
            KafkaClients.readCommitted(ctx.bootstrap, output, 12, Duration.ofSeconds(60), r -> {
                try {
                    JsonNode v = json.readTree(r.value());
                    String id = v.get("key").asText() + "@" + v.get("start").asLong();
                    assertThat(actual.put(id, v.get("count").asLong())).as("one result per window: " + id).isNull();
                    assertThat(r.timestamp()).isEqualTo(v.get("start").asLong() + SIZE - 1);
                    assertThat(new String(r.key(), StandardCharsets.US_ASCII)).isEqualTo(v.get("key").asText());
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });

            assertThat(actual).isNotEmpty();
            actual.forEach((id, n) -> assertThat(n).as(id).isEqualTo(expected.get(id)));
        }
    }
}
