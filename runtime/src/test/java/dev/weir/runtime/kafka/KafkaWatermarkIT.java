package dev.weir.runtime.kafka;

import dev.weir.runtime.functions.Count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-partition watermarks with a live (unbounded) Kafka source: a partition far behind holds the watermark back,
 * an empty partition marked idle does not. Values are strings; the Kafka record timestamp is the event time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class KafkaWatermarkIT {
    static final long BASE = 1_700_000_000_000L;
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(20);

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

    /** A running engine over an unbounded source, stopped by interrupting its thread. */
    private static final class Running implements AutoCloseable {
        final CollectSink<WindowResult<String, Long>> out = new CollectSink<>();
        final AtomicInteger read = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        final Thread thread;

        Running(String topic, WatermarkStrategy<String> watermarks) {
            Pipeline p = Pipeline.create("live");
            p.source("in", new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, topic, String.class)
                            .build()), watermarks.withPeriodicEmission(Duration.ofMillis(50)))
                    .map("count-read", v -> {
                        read.incrementAndGet();
                        return v;
                    })
                    .keyBy("by-value", v -> v)
                    .window(TumblingWindows.of(WINDOW))
                    .aggregate("count", new Count<>())
                    .sink("out", out);
            thread = new Thread(() -> {
                try {
                    new LocalEngine().run(p.graph());
                } catch (RuntimeException e) {
                    if (!Thread.currentThread().isInterrupted() && !(e.getCause() instanceof InterruptedException)) {
                        failure.set(e);
                    }
                }
            }, "weir-live-engine");
            thread.start();
        }

        List<Long> firedWindowStarts() {
            if (failure.get() != null) {
                throw new AssertionError("the pipeline failed", failure.get());
            }
            List<Long> starts = new ArrayList<>();
            for (Event<Void, WindowResult<String, Long>> e : out.events()) {
                starts.add(e.value().window().startMillis() - BASE);
            }
            return starts;
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private void send(String topic, int partition, long offsetMillis) throws Exception {
        kafka.send(new ProducerRecord<>(topic, partition, BASE + offsetMillis, null, "k".getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    private static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + " "
                        + state.get());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void aPartitionFarBehindHoldsTheWatermarkBackUntilItCatchesUp() throws Exception {
        String topic = kafka.createTopic("weir-it-lagging", 2);
        for (long s = 0; s <= 60; s += 5) {
            send(topic, 0, s * 1000);   // partition 0 runs a minute ahead
        }
        send(topic, 1, 1_000);          // partition 1 is at second 1
        try (Running run = new Running(topic, WatermarkStrategy.monotonous())) {
            await("all 14 records read", () -> run.read.get() == 14);
            TimeUnit.MILLISECONDS.sleep(500); // 10 periodic emissions: the watermark had every chance to move
            assertThat(run.firedWindowStarts()).as("window [0s,10s) waits for partition 1").isEmpty();

            send(topic, 1, 35_000);     // partition 1 catches up to second 35: windows up to [20s,30s) complete
            await("windows before second 30 to fire", () -> run.firedWindowStarts().size() == 3);
            assertThat(run.firedWindowStarts()).containsExactly(0L, 10_000L, 20_000L);
        }
    }

    @Test
    void anIdleEmptyPartitionDoesNotHoldTheWatermarkBack() throws Exception {
        String topic = kafka.createTopic("weir-it-idle", 2);
        for (long s = 0; s <= 25; s += 5) {
            send(topic, 0, s * 1000);   // partition 1 stays empty
        }
        try (Running run = new Running(topic, WatermarkStrategy.<String>monotonous().withIdleness(Duration.ofMillis(300)))) {
            await("windows [0s,10s) and [10s,20s) to fire", () -> run.firedWindowStarts().size() == 2,
                    () -> run.read.get() + " of 6 records read, fired " + run.firedWindowStarts());
            assertThat(run.firedWindowStarts()).containsExactly(0L, 10_000L);
        }
    }
}
