package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@link EventStream} events into a topic, keyed by their key (so the default partitioner spreads the keys
 * over the partitions), with one idempotent {@code acks=all} producer:
 * <ul>
 *   <li>{@link #load}: events {@code 0 .. n-1} with their generated event times, as fast as the producer takes
 *       them. Its throughput is the producer-only ceiling.</li>
 *   <li>{@link #produceAtRate}: events at a fixed rate, each stamped with the wall-clock time of its send (JSON
 *       {@code ts} and Kafka timestamp), for latency runs. {@code linger.ms=0}, so the input side adds as little
 *       delay as it can.</li>
 * </ul>
 */
public final class InputLoader {
    private static final long PARK_NANOS = 1_000_000;

    private InputLoader() {
    }

    /**
     * What a load wrote.
     *
     * @param records records written and acknowledged
     * @param nanos   from the first send to the end of the final flush
     */
    public record Loaded(long records, long nanos) {
        public double recordsPerSecond() {
            return records * 1e9 / nanos;
        }

        public double megabytesPerSecond() {
            return recordsPerSecond() * EventCodec.EVENT_BYTES / 1e6;
        }
    }

    /**
     * What a fixed-rate run wrote.
     *
     * @param records        records written
     * @param firstSendMillis wall-clock time of the first send
     * @param nanos          from the first send to the end of the final flush
     * @param maxBacklog     most records the producer was ever behind its schedule (the send blocked, or the
     *                       machine was too busy), beyond the one due now: a high value means the input rate
     *                       was not met at times
     */
    public record Paced(long records, long firstSendMillis, long nanos, long maxBacklog) {
        public double recordsPerSecond() {
            return records * 1e9 / nanos;
        }
    }

    /** Writes events {@code 0 .. n-1} of {@code stream} as fast as possible. */
    public static Loaded load(String bootstrap, String topic, EventStream stream, long n) throws Exception {
        SendErrors errors = new SendErrors();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap, null, KafkaClients.LINGER_MS)) {
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) {
                long ts = stream.eventTimeMillis(i);
                producer.send(new ProducerRecord<>(topic, null, ts, stream.key(i),
                        EventCodec.encode(stream.keyIndex(i), ts, i)), errors);
            }
            producer.flush();
            long nanos = System.nanoTime() - start;
            errors.throwIfAny();
            return new Loaded(n, nanos);
        }
    }

    /** The record sent as the {@code i}-th (0-based) of a fixed-rate run, at wall-clock {@code sendMillis}. */
    @FunctionalInterface
    public interface PacedRecords {
        ProducerRecord<byte[], byte[]> record(long i, long sendMillis);
    }

    /**
     * Writes events at {@code ratePerSecond} for {@code duration} (or until {@code stop} says so), each stamped
     * with the wall-clock time of its send.
     */
    public static Paced produceAtRate(String bootstrap, String topic, EventStream stream, double ratePerSecond,
                                      Duration duration, BooleanSupplier stop) throws Exception {
        return produceAtRate(bootstrap, ratePerSecond, Long.MAX_VALUE, duration, stop,
                (i, ts) -> new ProducerRecord<>(topic, null, ts, stream.key(i), stream.stampedEvent(i, ts)));
    }

    /**
     * Writes {@code count} records at {@code ratePerSecond} (or fewer: until {@code duration} has passed or
     * {@code stop} says so). Records are sent when due: {@code ⌊elapsed × rate⌋} records by {@code elapsed} after
     * the start. When none is due the thread parks for 1 ms, so records go out in bursts of about
     * {@code rate / 1000}: parking for much less costs this 2-core VM a large part of a core in timer wake-ups,
     * taken from the processor under test.
     */
    public static Paced produceAtRate(String bootstrap, double ratePerSecond, long count, Duration duration,
                                      BooleanSupplier stop, PacedRecords records) throws Exception {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        SendErrors errors = new SendErrors();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap, null, 0)) {
            long durationNanos = duration.toNanos();
            long firstSendMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            long sent = 0;
            long maxBacklog = 0;
            while (sent < count && !stop.getAsBoolean()) {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= durationNanos) {
                    break;
                }
                long due = Math.min((long) (elapsed / 1e9 * ratePerSecond) + 1, count);
                if (sent >= due) {
                    LockSupport.parkNanos(PARK_NANOS);
                    continue;
                }
                maxBacklog = Math.max(maxBacklog, due - sent);
                while (sent < due) {
                    producer.send(records.record(sent, System.currentTimeMillis()), errors);
                    sent++;
                }
                errors.throwIfAny();
            }
            producer.flush();
            long nanos = System.nanoTime() - start;
            errors.throwIfAny();
            return new Paced(sent, firstSendMillis, nanos, Math.max(0, maxBacklog - 1));
        }
    }

    /** Keeps the first failed send. */
    private static final class SendErrors implements Callback {
        private final AtomicReference<Exception> first = new AtomicReference<>();

        @Override
        public void onCompletion(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception e) {
            if (e != null) {
                first.compareAndSet(null, e);
            }
        }

        void throwIfAny() {
            Exception e = first.get();
            if (e != null) {
                throw new IllegalStateException("a send failed", e);
            }
        }
    }
}
