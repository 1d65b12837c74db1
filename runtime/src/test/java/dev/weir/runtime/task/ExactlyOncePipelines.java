package dev.weir.runtime.task;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.watermark.WatermarkStrategy;
import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The pipelines of the exactly-once kill tests and their brute-force oracles. Input records carry their event
 * time as the Kafka timestamp; every partition is out of order by less than the watermark bound, so no record is
 * ever late and the complete output is a function of the input alone.
 */
final class ExactlyOncePipelines {
    static final long BASE = 1_700_000_000_000L;
    static final Duration BOUND = Duration.ofSeconds(1);
    static final long WINDOW_MILLIS = 1_000;
    static final Duration JOIN_LOWER = Duration.ZERO;
    static final Duration JOIN_UPPER = Duration.ofMillis(1_500);

    record Event(String key, long ts, long seq) {
    }

    record WindowCount(String key, long windowStart, long count) {
    }

    record Joined(String key, long orderSeq, long paymentSeq) {
    }

    /** A key seen again: how often, and the CRC-32 of the payload remembered for it since its first event. */
    record Recalled(String key, long count, long payloadCrc) {
    }

    /** The state of {@link Remember}: a large value per key. */
    record Remembered(String payload, long count) {
    }

    /**
     * Remembers a {@link #payload} of {@link #PAYLOAD_CHARS} characters per key at its first event and emits a
     * {@link Recalled} at every later one: the state is large (the payloads) and the output proves it survived.
     */
    static final class Remember implements dev.weir.api.function.KeyedFunction<String, Event, Recalled> {
        static final dev.weir.api.state.ValueStateDescriptor<Remembered> STATE =
                dev.weir.api.state.ValueStateDescriptor.of("remembered", Remembered.class);

        @Override
        public void process(Event in, dev.weir.api.function.KeyedContext<String> ctx,
                            dev.weir.api.function.Collector<Recalled> out) {
            dev.weir.api.state.ValueState<Remembered> state = ctx.state().value(STATE);
            Remembered r = state.value();
            if (r == null) {
                state.update(new Remembered(payload(in.key()), 1));
                return;
            }
            Remembered next = new Remembered(r.payload(), r.count() + 1);
            state.update(next);
            out.emit(new Recalled(in.key(), next.count(), crc(next.payload())));
        }
    }

    /** Characters of state per key in {@link #largeState}. */
    static final int PAYLOAD_CHARS = 4_000;

    /**
     * The payload of {@code key}: {@link #PAYLOAD_CHARS} characters, the key repeated (large on the heap, small once
     * RocksDB compressed it, so the test moves little data through S3).
     */
    static String payload(String key) {
        String unit = key + ' ';
        return unit.repeat(PAYLOAD_CHARS / unit.length() + 1).substring(0, PAYLOAD_CHARS);
    }

    static long crc(String s) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    private ExactlyOncePipelines() {
    }

    /** Sleeps 1 ms every {@code every} records: stretches a run so processes can be killed mid-stream. */
    static <T> DataStream<T> throttled(DataStream<T> in, String name, int every) {
        int[] n = new int[1];
        return in.map(name, v -> {
            if (every > 0 && ++n[0] % every == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return v;
        });
    }

    private static KafkaSource<Event> source(String bootstrap, String topic, boolean bounded) {
        return source(bootstrap, topic, null, bounded);
    }

    /**
     * A source, bounded (ending at the end offsets it finds at start) or not; records that are not Events go to
     * {@code deadLetterTopic} if given.
     */
    private static KafkaSource<Event> source(String bootstrap, String topic, String deadLetterTopic, boolean bounded) {
        var b = KafkaSourceConfig.builder(bootstrap, topic, Event.class).stopAtEndOffsets(bounded);
        if (deadLetterTopic != null) {
            b.deadLetterTo(deadLetterTopic);
        }
        return new KafkaSource<>(b.build());
    }

    /** in (malformed records to {@code dlq} if not null) → throttle → keyBy(key) [shuffle] → tumbling 1 s count → out. */
    static PipelineGraph windowCount(String name, PipelineOptions options, String bootstrap, String in, String dlq,
                                     String out, int throttleEvery, boolean bounded) {
        return windowCount(name, options, bootstrap, in, dlq, out, throttleEvery, bounded, KeyPartitioning.hash());
    }

    /**
     * The window count with the key-by's {@code partitioning}: by source partitions (no shuffle), for input
     * {@linkplain #produceByKey written by key}.
     */
    static PipelineGraph windowCount(String name, PipelineOptions options, String bootstrap, String in, String dlq,
                                     String out, int throttleEvery, boolean bounded, KeyPartitioning partitioning) {
        Pipeline p = Pipeline.create(name).options(options);
        DataStream<Event> events = p.source("in", source(bootstrap, in, dlq, bounded),
                WatermarkStrategy.<Event>boundedOutOfOrderness(BOUND).withPeriodicEmission(Duration.ofMillis(50)));
        throttled(events, "throttle", throttleEvery)
                .keyBy("by-key", Event::key, partitioning)
                .window(TumblingWindows.of(Duration.ofMillis(WINDOW_MILLIS)))
                .aggregate("count", new Count<>())
                .map("to-count", r -> new WindowCount(r.key(), r.window().startMillis(), r.value()))
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(bootstrap, out, WindowCount.class)
                        .key(WindowCount::key, String.class).build()));
        return p.graph();
    }

    /** orders, payments → throttle/filter → keyBy both [two shuffles] → interval join [0, 1.5 s] → out. */
    static PipelineGraph intervalJoin(String name, PipelineOptions options, String bootstrap, String orders,
                                      String payments, String out, int throttleEvery, boolean bounded) {
        Pipeline p = Pipeline.create(name).options(options);
        WatermarkStrategy<Event> wm = WatermarkStrategy.<Event>boundedOutOfOrderness(BOUND)
                .withPeriodicEmission(Duration.ofMillis(50));
        var left = throttled(p.source("orders", source(bootstrap, orders, bounded), wm), "throttle-orders", throttleEvery)
                .keyBy("orders-by-key", Event::key);
        var right = p.source("payments", source(bootstrap, payments, bounded), wm)
                .filter("valid-payments", e -> e.seq() >= 0)
                .keyBy("payments-by-key", Event::key);
        left.intervalJoin(right).between(JOIN_LOWER, JOIN_UPPER)
                .process("join", (Event o, Event pay, dev.weir.api.function.FunctionContext ctx,
                                  dev.weir.api.function.Collector<Joined> c) -> c.emit(
                        new Joined(o.key(), o.seq(), pay.seq())))
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(bootstrap, out, Joined.class)
                        .key(Joined::key, String.class).build()));
        return p.graph();
    }

    /** in → keyBy(key) [shuffle] → {@link Remember} (a large value per key) → out. */
    static PipelineGraph largeState(String name, PipelineOptions options, String bootstrap, String in, String out,
                                    boolean bounded) {
        Pipeline p = Pipeline.create(name).options(options);
        p.source("in", source(bootstrap, in, bounded),
                        WatermarkStrategy.<Event>boundedOutOfOrderness(BOUND).withPeriodicEmission(Duration.ofMillis(50)))
                .keyBy("by-key", Event::key)
                .process("remember", new Remember())
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(bootstrap, out, Recalled.class)
                        .key(Recalled::key, String.class).build()));
        return p.graph();
    }

    /**
     * Writes one event for each of keys {@code k0..k<keys-1>} (round-robin over the partitions, event time 2 ms apart
     * from {@code BASE + shiftMillis}); returns them.
     */
    static List<Event> produceEveryKeyOnce(KafkaTestSupport kafka, String topic, int partitions, int keys,
                                           long shiftMillis) throws Exception {
        JsonSerde<Event> events = JsonSerde.of(Event.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            Event e = new Event("k" + i, BASE + shiftMillis + 2L * i, i);
            records.add(new ProducerRecord<>(topic, i % partitions, e.ts(), e.key().getBytes(StandardCharsets.UTF_8),
                    events.serialize(e)));
            all.add(e);
        }
        kafka.sendAll(records);
        return all;
    }

    static String describe(Recalled r) {
        return r.key() + "#" + r.count() + "@" + r.payloadCrc();
    }

    /**
     * Writes {@link #generate generated} events to {@code topic} (partition by partition), {@code shiftMillis} later in
     * event time and with sequence numbers after {@code n} when the shift is not 0; returns them.
     */
    static List<Event> produce(KafkaTestSupport kafka, String topic, int partitions, int n, int keys, long seed,
                               long shiftMillis) throws Exception {
        JsonSerde<Event> events = JsonSerde.of(Event.class);
        List<List<Event>> parts = generate(n, keys, partitions, seed);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Event> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (Event generated : parts.get(p)) {
                Event e = shiftMillis == 0 ? generated
                        : new Event(generated.key(), generated.ts() + shiftMillis, generated.seq() + n);
                records.add(new ProducerRecord<>(topic, p, e.ts(), e.key().getBytes(StandardCharsets.UTF_8),
                        events.serialize(e)));
                all.add(e);
            }
        }
        kafka.sendAll(records);
        return all;
    }

    /**
     * Like {@link #produce}, but each event goes to the partition Kafka's default partitioner picks for its key (the
     * key's UTF-8 bytes are the record key), in the order they were generated, so the topic is partitioned by key.
     */
    static List<Event> produceByKey(KafkaTestSupport kafka, String topic, int partitions, int n, int keys, long seed,
                                    long shiftMillis) throws Exception {
        JsonSerde<Event> events = JsonSerde.of(Event.class);
        List<Event> all = new ArrayList<>();
        for (List<Event> part : generate(n, keys, partitions, seed)) {
            for (Event generated : part) {
                all.add(shiftMillis == 0 ? generated
                        : new Event(generated.key(), generated.ts() + shiftMillis, generated.seq() + n));
            }
        }
        all.sort(java.util.Comparator.comparingLong(Event::seq));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Event e : all) {
            records.add(new ProducerRecord<>(topic, null, e.ts(), e.key().getBytes(StandardCharsets.UTF_8),
                    events.serialize(e)));
        }
        kafka.sendAll(records);
        return all;
    }

    /**
     * Fails unless {@code actual} equals {@code expected} (both sorted), saying how many records are missing and how
     * many unexpected or duplicated, with examples; both lists go to {@code <dir>/<label>-failed-*.txt}.
     */
    static void assertExact(List<String> actual, List<String> expected, Path dir, String label) throws Exception {
        if (actual.equals(expected)) {
            return;
        }
        Files.write(dir.resolve(label + "-failed-actual.txt"), actual);
        Files.write(dir.resolve(label + "-failed-expected.txt"), expected);
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        org.junit.jupiter.api.Assertions.fail(label + ": the committed output has " + actual.size()
                + " records, the oracle " + expected.size() + "; missing " + missing.size() + " (e.g. "
                + missing.subList(0, Math.min(10, missing.size())) + "), unexpected or duplicated " + extra.size()
                + " (e.g. " + extra.subList(0, Math.min(10, extra.size())) + ")");
    }

    /**
     * {@code n} events over {@code keys} keys, round-robin over {@code partitions}; event time advances 2 ms per
     * event and each event is earlier by up to 600 ms (less than {@link #BOUND}).
     */
    static List<List<Event>> generate(int n, int keys, int partitions, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<List<Event>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            long ts = BASE + 2L * i - rnd.nextInt(600);
            byPartition.get(i % partitions).add(new Event("k" + rnd.nextInt(keys), ts, i));
        }
        return byPartition;
    }

    static List<String> expectedCounts(List<Event> all) {
        Map<String, Long> counts = new HashMap<>();
        for (Event e : all) {
            long start = e.ts() - Math.floorMod(e.ts(), WINDOW_MILLIS);
            counts.merge(e.key() + "@" + start, 1L, Long::sum);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(k + "=" + c));
        out.sort(null);
        return out;
    }

    /** The window counts committed to {@code topic} ({@link #describe(WindowCount)}), sorted. */
    static List<String> committedCounts(KafkaTestSupport kafka, String topic) throws Exception {
        JsonSerde<WindowCount> serde = JsonSerde.of(WindowCount.class);
        List<String> result = new ArrayList<>();
        for (org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            result.add(describe(serde.deserialize(r.value())));
        }
        result.sort(null);
        return result;
    }

    static String describe(WindowCount c) {
        return c.key() + "@" + c.windowStart() + "=" + c.count();
    }

    static List<String> expectedJoin(List<Event> orders, List<Event> payments) {
        Map<String, List<Event>> paymentsByKey = new HashMap<>();
        for (Event p : payments) {
            paymentsByKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        }
        List<String> out = new ArrayList<>();
        for (Event o : orders) {
            for (Event p : paymentsByKey.getOrDefault(o.key(), List.of())) {
                if (o.ts() + JOIN_LOWER.toMillis() <= p.ts() && p.ts() <= o.ts() + JOIN_UPPER.toMillis()) {
                    out.add(o.key() + ":" + o.seq() + "-" + p.seq());
                }
            }
        }
        out.sort(null);
        return out;
    }

    static String describe(Joined j) {
        return j.key() + ":" + j.orderSeq() + "-" + j.paymentSeq();
    }
}
