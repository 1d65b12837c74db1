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
 * Reads the output topic with {@code read_committed} on its own thread and records, for every output record
 * stamped at or after {@code measureFromMillis}, its receive time minus its Kafka timestamp (the wall-clock send
 * time of the input it came from) minus the processor's {@link Processor#latencyAllowance() allowance} in a
 * histogram, in microseconds. Times are wall-clock milliseconds, so the
 * resolution is 1 ms. The receive time is taken once per poll, when the poll returns.
 */
final class LatencyRecorder implements AutoCloseable {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Histogram histogram = LatencySummary.newHistogram();
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long measureFromMillis = Long.MAX_VALUE;
    private volatile boolean draining;
    private volatile long received;

    private final long allowanceMillis;

    LatencyRecorder(String bootstrap, String topic, int partitionCount, Duration allowance) {
        allowanceMillis = allowance.toMillis();
        consumer = KafkaClients.consumer(bootstrap, null, IsolationLevel.READ_COMMITTED);
        partitions = KafkaClients.partitions(topic, partitionCount);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "latency-recorder");
        thread.setDaemon(true);
    }

    void start(long measureFrom) {
        measureFromMillis = measureFrom;
        thread.start();
    }

    private void run() {
        try {
            Map<TopicPartition, Long> end = null;
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                long now = System.currentTimeMillis();
                long from = measureFromMillis;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.timestamp() >= from) {
                        histogram.recordValue(Math.min(LatencySummary.HIGHEST_MICROS,
                                Math.max(0, now - r.timestamp() - allowanceMillis) * 1_000));
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

    long received() {
        return received;
    }

    /**
     * Reads on up to the output's current end (last stable) offsets, then stops; call after the processor has
     * closed, so that all its output is committed. Returns the latencies measured.
     */
    LatencySummary finish(Duration timeout) throws InterruptedException {
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
