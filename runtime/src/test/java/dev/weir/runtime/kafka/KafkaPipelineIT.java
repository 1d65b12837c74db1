package dev.weir.runtime.kafka;

import dev.weir.runtime.functions.Count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Kafka topic → keyBy → tumbling count → Kafka topic, against the broker of {@code dev/kafka.sh}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class KafkaPipelineIT {
    static final long BASE = 1_700_000_000_000L;
    static final long WINDOW = 10_000;

    record Click(String user, long ts) {
    }

    record UserCount(String user, long windowStart, long count) {
    }

    private final JsonSerde<Click> clicks = JsonSerde.of(Click.class);
    private final JsonSerde<UserCount> counts = JsonSerde.of(UserCount.class);
    private KafkaTestSupport kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaTestSupport();
    }

    @AfterAll
    void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** 3 partitions, 600 clicks over 2 minutes, each partition out of order by up to 3 s; Kafka timestamp = event time. */
    private List<Click> writeClicks(String topic, int n, long seed) throws Exception {
        return writeClicks(topic, n, seed, 3);
    }

    private List<Click> writeClicks(String topic, int n, long seed, int partitions) throws Exception {
        Random rnd = new Random(seed);
        List<Click> all = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = BASE + i * 200L - rnd.nextInt(3_000);
            Click c = new Click("u" + rnd.nextInt(5), ts);
            all.add(c);
            records.add(new ProducerRecord<>(topic, i % partitions, ts, c.user().getBytes(StandardCharsets.UTF_8),
                    clicks.serialize(c)));
        }
        kafka.sendAll(records);
        return all;
    }

    private static Map<String, Long> expected(List<Click> input) {
        Map<String, Long> m = new TreeMap<>();
        for (Click c : input) {
            m.merge(c.user() + "@" + (c.ts() - Math.floorMod(c.ts(), WINDOW)), 1L, Long::sum);
        }
        return m;
    }

    private Map<String, Long> actual(String outTopic) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(outTopic)) {
            UserCount u = counts.deserialize(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(u.user());
            assertThat(r.timestamp()).as("record timestamp = window max timestamp").isEqualTo(u.windowStart() + WINDOW - 1);
            assertThat(m.put(u.user() + "@" + u.windowStart(), u.count())).as("one result per key and window").isNull();
        }
        return m;
    }

    private void runCountPipeline(KafkaSource<Click> source, String outTopic) {
        Pipeline p = Pipeline.create("kafka-counts");
        p.source("in", source, WatermarkStrategy.<Click>boundedOutOfOrderness(Duration.ofSeconds(5)))
                .keyBy("by-user", Click::user)
                .window(TumblingWindows.of(Duration.ofMillis(WINDOW)))
                .aggregate("count", new Count<>())
                .map("to-count", r -> new UserCount(r.key(), r.window().startMillis(), r.value()))
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(KafkaTestSupport.BOOTSTRAP, outTopic, UserCount.class)
                        .key(UserCount::user, String.class).build()));
        new LocalEngine().run(p.graph());
    }

    @Test
    void tumblingCountsFromThreeOutOfOrderPartitionsAreExact() throws Exception {
        String in = kafka.createTopic("weir-it-clicks", 3);
        String out = kafka.createTopic("weir-it-counts", 1);
        List<Click> input = writeClicks(in, 600, 42);
        KafkaSource<Click> source = new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, Click.class)
                .stopAtEndOffsets(true).build());
        assertThat(source.partitions()).isEqualTo(3);

        runCountPipeline(source, out);

        assertThat(actual(out)).isEqualTo(expected(input));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithOriginalBytesAndTheOutputIsComplete() throws Exception {
        String in = kafka.createTopic("weir-it-poison", 3);
        String out = kafka.createTopic("weir-it-poison-counts", 1);
        String dlq = kafka.createTopic("weir-it-poison-dlq", 1);
        List<Click> input = writeClicks(in, 300, 7);
        byte[] malformed = "{\"user\": \"u1\", \"ts\": ".getBytes(StandardCharsets.UTF_8);
        RecordHeaders original = new RecordHeaders();
        original.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        kafka.send(new ProducerRecord<>(in, 1, BASE + 5_000, "bad-key".getBytes(StandardCharsets.UTF_8), malformed, original));
        kafka.send(new ProducerRecord<>(in, 2, BASE + 6_000, null, "not json".getBytes(StandardCharsets.UTF_8)));
        List<Click> more = writeClicks(in, 30, 8); // good records after the poison ones are still read
        List<Click> good = new ArrayList<>(input);
        good.addAll(more);

        KafkaSource<Click> source = new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, Click.class)
                .stopAtEndOffsets(true).deadLetterTo(dlq).build());
        runCountPipeline(source, out);

        assertThat(actual(out)).isEqualTo(expected(good));
        assertThat(source.deadLetteredRecords()).isEqualTo(2);
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(dlq);
        assertThat(dead).hasSize(2);
        Map<String, ConsumerRecord<byte[], byte[]>> byPartition = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            byPartition.put(header(r, "weir.source.partition"), r);
            assertThat(header(r, "weir.source.topic")).isEqualTo(in);
            assertThat(header(r, "weir.error.type")).isEqualTo("dev.weir.api.serde.SerdeException");
            assertThat(header(r, "weir.error")).contains("Click");
        }
        ConsumerRecord<byte[], byte[]> first = byPartition.get("1");
        assertThat(first.value()).isEqualTo(malformed);
        assertThat(first.key()).isEqualTo("bad-key".getBytes(StandardCharsets.UTF_8));
        assertThat(header(first, "trace")).isEqualTo("t-1");
        assertThat(header(first, "weir.source.offset")).isEqualTo("100");
        assertThat(first.timestamp()).isEqualTo(BASE + 5_000);
        ConsumerRecord<byte[], byte[]> second = byPartition.get("2");
        assertThat(second.value()).isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
        assertThat(second.key()).isNull();
    }

    @Test
    void failPolicyStopsWithTopicPartitionAndOffsetAndSkipPolicyCounts() throws Exception {
        String in = kafka.createTopic("weir-it-fail", 1);
        writeClicks(in, 3, 1, 1);
        kafka.send(new ProducerRecord<>(in, 0, BASE, null, "oops".getBytes(StandardCharsets.UTF_8)));
        writeClicks(in, 2, 2, 1);

        KafkaSource<Click> failing = new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, Click.class)
                .stopAtEndOffsets(true).build());
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(PipelineFailedException.class,
                () -> runCountPipeline(failing, kafka.createTopic("weir-it-fail-out", 1)));
        KafkaDeserializationException cause = null;
        for (Throwable t = thrown; t != null && cause == null; t = t.getCause()) {
            cause = t instanceof KafkaDeserializationException k ? k : null;
        }
        assertThat(cause).as("cause chain of %s", thrown).isNotNull();
        assertThat(cause.getMessage()).contains(in + "-0@3");
        assertThat(cause.offset()).isEqualTo(3);

        String out = kafka.createTopic("weir-it-skip-out", 1);
        KafkaSource<Click> skipping = new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, Click.class)
                .stopAtEndOffsets(true).onDeserializationError(DeserializationErrorPolicy.SKIP).build());
        runCountPipeline(skipping, out);
        assertThat(skipping.skippedRecords()).isEqualTo(1);
        assertThat(actual(out).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    }

    @Test
    void headersAndTimestampsPassThroughSourceAndSink() throws Exception {
        String in = kafka.createTopic("weir-it-headers", 1);
        String out = kafka.createTopic("weir-it-headers-out", 1);
        RecordHeaders h = new RecordHeaders();
        h.add("tenant", "acme".getBytes(StandardCharsets.UTF_8));
        kafka.send(new ProducerRecord<>(in, 0, BASE + 123, null, "hello".getBytes(StandardCharsets.UTF_8), h));

        Pipeline p = Pipeline.create("pass-through");
        p.source("in", new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, String.class)
                        .stopAtEndOffsets(true).build()), WatermarkStrategy.<String>monotonous())
                .map("upper", String::toUpperCase)
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(KafkaTestSupport.BOOTSTRAP, out, String.class).build()));
        new LocalEngine().run(p.graph());

        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(out);
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
        assertThat(records.get(0).timestamp()).isEqualTo(BASE + 123);
        assertThat(header(records.get(0), "tenant")).isEqualTo("acme");
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
