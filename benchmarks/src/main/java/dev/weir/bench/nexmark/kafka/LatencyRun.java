package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.kafka.InputLoader;
import dev.weir.bench.kafka.LatencyRecorder;
import dev.weir.bench.kafka.LatencySummary;
import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * One Kafka-mode latency run: the processor starts on an empty input topic and reads on
 * ({@link KafkaEngine.InputEnd#NONE}); the harness writes the first {@code warmup} events at once and waits until
 * the processor consumed them, then writes the rest and the {@link EndOfInput} marks at a fixed rate, noting each
 * record's wall-clock send time; a {@code read_committed} consumer takes each output row's receive time (wall
 * clock, when its poll returns) minus the send time of the input that enabled it ({@link LatencyAttribution}).
 * Rows enabled by warm-up events are not measured; rows enabled by the first end-of-input mark (windows no event
 * closed, flushed at the end) are measured apart ({@link LatencyRecord#endOfInput()}), so that
 * {@link LatencyRecord#latency()} describes rows produced while the paced input runs. The run ends when the output
 * holds as many rows as {@code expected}, the in-process result.
 */
public final class LatencyRun {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private LatencyRun() {
    }

    public static LatencyRecord run(NexmarkTopics topics, NexmarkGenerator generator, LatencyAttribution attribution,
                                    KafkaEngine engine, NexmarkQuery query, Delivery delivery, double rate,
                                    long warmup, Checksum expected) throws Exception {
        String name = query.id() + "-" + engine.id() + "-" + delivery.id() + "-latency";
        String input = topics.emptyInput(name + "-input");
        String output = topics.output(name);
        int events = Math.toIntExact(generator.events());
        List<EventEnvelope> marks = EndOfInput.marks(generator);
        AtomicLongArray sendMillis = new AtomicLongArray(events + marks.size());
        Checksum.Accumulator rows = new Checksum.Accumulator();
        Class<? extends ResultRow> type = Json.rowType(query);
        ConsumedCounter counter = new ConsumedCounter(events);
        Histogram endOfInput = LatencySummary.newHistogram();
        try (LatencyRecorder recorder = new LatencyRecorder(topics.bootstrap(), output, 1, (r, receivedMillis) -> {
            ResultRow row = Json.read(r.value(), type);
            rows.add(row);
            long p = attribution.enablingPosition(row);
            if (p < warmup) {
                return -1;
            }
            long millis = Math.max(0, receivedMillis - sendMillis.get((int) p));
            if (p >= events) {
                synchronized (endOfInput) {
                    endOfInput.recordValue(Math.min(600_000_000L, millis * 1_000));
                }
                return -1;
            }
            return millis;
        })) {
            recorder.start();
            KafkaEngine.Running running = engine.start(query, delivery, topics.bootstrap(), input, output, counter,
                    KafkaEngine.InputEnd.NONE);
            boolean closed = false;
            try {
                InputLoader.PacedRecords records = (i, ts) -> {
                    sendMillis.set((int) i, ts);
                    return NexmarkTopics.record(input, i < events ? EventEnvelope.of(generator.generate(i))
                            : marks.get((int) (i - events)));
                };
                InputLoader.produceAtRate(topics.bootstrap(), 1e9, warmup, TIMEOUT, () -> false, records);
                awaitConsumed(counter, warmup, engine);
                InputLoader.Paced paced = InputLoader.produceAtRate(topics.bootstrap(), rate,
                        events + marks.size() - warmup, TIMEOUT, () -> false,
                        (i, ts) -> records.record(warmup + i, ts));
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (recorder.received() < expected.rows() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                closed = true;
                running.close();
                LatencySummary latency = recorder.finish(Duration.ofMinutes(1));
                LatencySummary atEnd;
                synchronized (endOfInput) {
                    atEnd = LatencySummary.ofMicros(endOfInput);
                }
                return new LatencyRecord(engine, query, delivery, events, warmup, rate, paced, latency, atEnd,
                        generator.eventsPerSecond(), rows.value(), expected);
            } finally {
                if (!closed) {
                    running.close();
                }
            }
        }
    }

    private static void awaitConsumed(ConsumedCounter counter, long warmup, KafkaEngine engine)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (counter.count() < warmup) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(engine + " consumed " + counter.count() + " of " + warmup
                        + " warm-up events in " + TIMEOUT.toMinutes() + " min");
            }
            Thread.sleep(10);
        }
    }
}
