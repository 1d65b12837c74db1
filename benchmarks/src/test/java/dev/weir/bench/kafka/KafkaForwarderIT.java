package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The raw forwarder against the broker {@code dev/kafka.sh start} runs ({@code WEIR_KAFKA_BOOTSTRAP}, default
 * {@code 127.0.0.1:19092}); no broker is a failure, not a skip. 20,000 input records over 12 partitions, two
 * tasks: the output must hold every input record (key, value, timestamp, partition) exactly once under EOS, at
 * least once under ALO.
 */
class KafkaForwarderIT {
    private static final int RECORDS = 20_000;
    private static final int PARTITIONS = 12;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BenchContext ctx;
    private String input;

    @BeforeEach
    void loadInput() throws Exception {
        ctx = new BenchContext(KafkaClients.DEFAULT_BOOTSTRAP, PARTITIONS, Duration.ofMillis(100), false, System.err);
        input = ctx.newTopic("it-in");
        InputLoader.Loaded loaded = InputLoader.load(ctx.bootstrap, input, EventStream.standard(), RECORDS);
        assertThat(loaded.records()).isEqualTo(RECORDS);
    }

    @AfterEach
    void deleteTopics() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void exactlyOnceForwardsEveryInputRecordExactlyOnce() throws Exception {
        Map<String, Integer> output = forward(DeliveryMode.EXACTLY_ONCE);
        Map<String, Integer> expected = expected();

        // named lists instead of two 20,000-entry maps: a failure says what was lost or duplicated
        List<String> missing = expected.keySet().stream().filter(k -> !output.containsKey(k)).sorted().toList();
        List<String> duplicated = output.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getValue() + "x " + e.getKey()).sorted().toList();
        List<String> unexpected = output.keySet().stream().filter(k -> !expected.containsKey(k)).sorted().toList();
        assertThat(missing).as("input records missing from the output (%d of %d)", missing.size(), RECORDS).isEmpty();
        assertThat(duplicated).as("output records written more than once").isEmpty();
        assertThat(unexpected).as("output records that are not input records").isEmpty();
    }

    @Test
    void atLeastOnceForwardsEveryInputRecordAtLeastOnce() throws Exception {
        Map<String, Integer> output = forward(DeliveryMode.AT_LEAST_ONCE);

        assertThat(output.keySet()).isEqualTo(expected().keySet());
        assertThat(output.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(RECORDS);
    }

    @Test
    void inputRecordsAreKeyedAndStampedWithTheirEventTime() {
        List<String> mismatches = new ArrayList<>();
        long n = KafkaClients.readCommitted(ctx.bootstrap, input, PARTITIONS, TIMEOUT, r -> {
            if (EventCodec.timestampMillis(r.value()) != r.timestamp()
                    || !java.util.Arrays.equals(EventCodec.key(EventCodec.keyIndex(r.value())), r.key())
                    || r.value().length != EventCodec.EVENT_BYTES) {
                mismatches.add(new String(r.value(), StandardCharsets.US_ASCII));
            }
        });

        assertThat(n).isEqualTo(RECORDS);
        assertThat(mismatches).isEmpty();
    }

    /** Runs the forwarder with two tasks over the input; the output as (partition, timestamp, key, value) counts. */
    private Map<String, Integer> forward(DeliveryMode mode) throws Exception {
        String output = ctx.newTopic("it-out");
        Progress progress = new Progress(RECORDS);
        Processor.Running running = new KafkaForwarder().start(ctx.spec(input, output, mode, 2), progress);
        try {
            assertThat(progress.awaitTotal(RECORDS, TIMEOUT, running)).as("consumed within %s", TIMEOUT).isTrue();
        } finally {
            running.close();
        }
        Map<String, Integer> counts = new HashMap<>();
        KafkaClients.readCommitted(ctx.bootstrap, output, PARTITIONS, TIMEOUT, r -> counts.merge(
                describe(r.partition(), r.timestamp(), r.key(), r.value()), 1, Integer::sum));
        return counts;
    }

    /** The input records as (partition, timestamp, key, value), each once. */
    private Map<String, Integer> expected() {
        Map<String, Integer> counts = new HashMap<>();
        KafkaClients.readCommitted(ctx.bootstrap, input, PARTITIONS, TIMEOUT, r -> counts.merge(
                describe(r.partition(), r.timestamp(), r.key(), r.value()), 1, Integer::sum));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(RECORDS);
        return counts;
    }

    private static String describe(int partition, long timestamp, byte[] key, byte[] value) {
        return partition + "|" + timestamp + "|" + new String(key, StandardCharsets.US_ASCII) + "|"
                + new String(value, StandardCharsets.US_ASCII);
    }
}
