package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the output topic with {@code read_committed} on its own thread and records the latency of every output
 * record in a histogram, in microseconds: a {@link LatencyOf} of the record and its receive time; for the Kafka
 * benchmark, for every output record stamped at or after {@code measureFromMillis}, its receive time minus its
 * Kafka timestamp (the wall-clock send time of the input it came from) minus the processor's
 * {@link Processor#latencyAllowance() allowance}. Times are wall-clock milliseconds, so the
 * resolution is 1 ms. The receive time is taken once per poll, when the poll returns.
 */
public final class LatencyRecorder implements AutoCloseable {
    /**
     * The latency of an output record received at wall-clock {@code receiveMillis}, in milliseconds, or a negative
     * value to leave the record out.
     */
    @FunctionalInterface
    public interface LatencyOf {
        long millis(ConsumerRecord<byte[], byte[]> output, long receiveMillis);
    }

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Histogram histogram = LatencySummary.newHistogram();
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean draining;
    private volatile long received;

    private final LatencyOf latencyOf;

    /**
     * Records receive time minus Kafka timestamp (the input's send time) minus {@code allowance}, for the output
     * records stamped at or after the {@link #start(long) start}'s {@code measureFrom}.
     */
    LatencyRecorder(String bootstrap, String topic, int partitionCount, Duration allowance) {
        this(bootstrap, topic, partitionCount, new SinceSend(allowance.toMillis()));
    }

    /** Records {@code latencyOf} each output record of {@code topic}, read from the beginning, once started. */
    public LatencyRecorder(String bootstrap, String topic, int partitionCount, LatencyOf latencyOf) {
        this.latencyOf = latencyOf;
        consumer = KafkaClients.consumer(bootstrap, null, IsolationLevel.READ_COMMITTED);
        partitions = KafkaClients.partitions(topic, partitionCount);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "latency-recorder");
        thread.setDaemon(true);
    }

    void start(long measureFrom) {
        if (latencyOf instanceof SinceSend s) {
            s.measureFromMillis = measureFrom;
        }
        thread.start();
    }

    /** Starts reading. */
    public void start() {
        thread.start();
    }

    /** The Kafka benchmark's latency: receive time − Kafka timestamp − allowance, from {@code measureFromMillis}. */
    private static final class SinceSend implements LatencyOf {
        private final long allowanceMillis;
        private volatile long measureFromMillis = Long.MAX_VALUE;

        SinceSend(long allowanceMillis) {
            this.allowanceMillis = allowanceMillis;
        }

        @Override
        public long millis(ConsumerRecord<byte[], byte[]> r, long receiveMillis) {
            return r.timestamp() >= measureFromMillis ? Math.max(0, receiveMillis - r.timestamp() - allowanceMillis)
                    : -1;
        }
    }

    private void run() {
        try {
            Map<TopicPartition, Long> end = null;
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long millis = latencyOf.millis(r, now);
                    if (millis >= 0) {
                        histogram.recordValue(Math.min(LatencySummary.HIGHEST_MICROS, millis * 1_000));
                    }
                }
                received += records.count();
                if (draining) {
                    if (end == null) {
                        end = consumer.endOffsets(partitions);
                    }
                    Map<TopicPartition, Long> target = end;
                    if (partitions.stream().allMatch(tp -> consumer.position(tp) >= target.get(tp))) {
                        return;
                    }
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    /** Output records read so far. */
    public long received() {
        return received;
    }

    /**
     * Reads on up to the output's current end (last stable) offsets, then stops; call after the processor has
     * closed, so that all its output is committed. Returns the latencies measured.
     */
    public LatencySummary finish(Duration timeout) throws InterruptedException {
        draining = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the output consumer did not reach the end of the output within "
                    + timeout.toSeconds() + " s (" + received + " records read)");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the output consumer failed", failure.get());
        }
        return LatencySummary.ofMicros(histogram);
    }

    /** Stops the thread (if running) and closes the consumer. */
    @Override
    public void close() {
        draining = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive()) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
