package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * A keyed tumbling count written directly against the Kafka clients: what a minimal application would do, as a
 * reference for Weir's. Each task ({@link RawTask}) counts the records of its partitions per Kafka record key in
 * tumbling windows of their Kafka timestamps ({@link TumblingCounts}, {@code HashMap}s per window). Its watermark
 * is the smallest, over its partitions, of the largest timestamp seen in the partition, minus the bound (one
 * maximum over all its partitions would not do: a poll can return a second of one partition's event time before
 * another partition's first record, which would then be late). After each poll it fires every window whose last
 * timestamp {@code end - 1} is at or below the watermark: one output record per key, with the input's key, the value
 * {@code {"key":"k000123","start":<ms>,"count":<n>}} and the timestamp {@code end - 1}. Late records are dropped
 * (the standard workload has none: its jitter is below the bound).
 *
 * <p>Not fault tolerant: the counts live only in memory, so the offsets (ALO) or transactions (EOS) it commits
 * cover its output but not its open windows. It measures the cost of the work, not of durable state.
 */
public final class KafkaTumblingCount implements Processor {
    /**
     * The benchmark's window size. One second, not the engine benchmark's 10 s: a latency run lasts 15 s, and a
     * result is measured only if its window closes after the warm-up, so 10 s windows would give one burst of
     * results or none. 5M input records span 50 s of event time: ~50 windows of 10,000 keys, 500k results.
     */
    public static final Duration WINDOW = Duration.ofSeconds(1);
    /** The benchmark's bounded out-of-orderness: above the input's largest jitter, 511 ms, so nothing is late. */
    public static final Duration BOUND = Duration.ofSeconds(1);

    private final long sizeMillis;
    private final long boundMillis;

    /** {@link #WINDOW} windows with {@link #BOUND} out-of-orderness. */
    public KafkaTumblingCount() {
        this(WINDOW, BOUND);
    }

    public KafkaTumblingCount(Duration size, Duration bound) {
        if (size.toMillis() < 1 || bound.isNegative()) {
            throw new IllegalArgumentException("size must be >= 1 ms and bound >= 0");
        }
        this.sizeMillis = size.toMillis();
        this.boundMillis = bound.toMillis();
    }

    @Override
    public Running start(ProcessorSpec spec, Progress progress) throws Exception {
        List<RawTask> tasks = new ArrayList<>();
        for (int t = 0; t < spec.parallelism(); t++) {
            TumblingCounts counts = new TumblingCounts(sizeMillis);
            List<Integer> partitions = KafkaClients.share(spec.inputTopic(), spec.partitions(), t, spec.parallelism())
                    .stream().map(TopicPartition::partition).toList();
            tasks.add(new RawTask(spec, progress, t) {
                /** Largest timestamp seen per input partition; MIN_VALUE: none yet. */
                private final long[] maxTimestamp = filled(spec.partitions(), Long.MIN_VALUE);

                @Override
                protected void process(ConsumerRecords<byte[], byte[]> records) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        if (counts.add(r.key(), r.timestamp())) {
                            maxTimestamp[r.partition()] = Math.max(maxTimestamp[r.partition()], r.timestamp());
                        }
                    }
                    long watermark = Long.MAX_VALUE;
                    for (int p : partitions) {
                        watermark = Math.min(watermark, maxTimestamp[p]);
                    }
                    if (watermark != Long.MIN_VALUE) {
                        counts.fire(watermark - boundMillis, (key, start, count, last) ->
                                send(key, TumblingCounts.result(key, start, count), last));
                    }
                }
            });
        }
        return TaskGroup.start("tumbling-count", tasks);
    }

    private static long[] filled(int n, long value) {
        long[] a = new long[n];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * At most one result per input. Open windows do not fire when the processor stops, so a short input (less
     * than a window and the bound of event time) may give none.
     */
    @Override
    public OutputCheck expectedOutputs(long inputs, DeliveryMode mode) {
        return new OutputCheck(0, inputs, "<= input");
    }

    /** A window result can be emitted only once an input stamped {@code end - 1 + bound} has arrived. */
    @Override
    public Duration latencyAllowance() {
        return Duration.ofMillis(boundMillis);
    }
}
