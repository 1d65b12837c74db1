package dev.weir.bench.kafka;

import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.StateBackendKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The processors the harness measures against the raw Kafka ceiling: a hand-written keyed tumbling count on the
 * Kafka clients ({@link KafkaTumblingCount}, the reference), and Weir's keyed tumbling count on its distributed
 * runtime ({@link WeirTumblingCount}): heap state, key-by by source partitions; RocksDB state + S3 checkpoints; decoding
 * on the engine thread; and a hash key-by, which shuffles between tasks. A new subject is one
 * {@link Processor} class and one line in {@link #ALL}.
 */
final class Subjects {
    /** The report's name for Weir's keyed tumbling count, shown as pending while no subject has it. */
    static final String WEIR_LABEL = "Weir keyed tumbling count";

    /**
     * A processor to compare with the ceiling.
     *
     * @param id      its name on the command line ({@code --subjects})
     * @param label   its name in the report
     * @param factory makes a fresh processor for each run
     * @param interval which interval it commits (or checkpoints) with
     */
    record Subject(String id, String label, Supplier<Processor> factory, Interval interval) {
        Subject(String id, String label, Supplier<Processor> factory) {
            this(id, label, factory, Interval.COMMIT);
        }
    }

    /**
     * Which interval a processor runs with: the harness's commit interval (Kafka clients committing offsets or
     * transactions), or Weir's checkpoint interval (a checkpoint is a state snapshot plus that commit).
     */
    enum Interval {
        COMMIT,
        CHECKPOINT;

        Duration of(KafkaBenchmarkOptions o) {
            return this == COMMIT ? o.commitInterval() : o.checkpointInterval();
        }
    }

    /** The report's name for Weir's keyed tumbling count with RocksDB state and checkpoints in S3. */
    static final String WEIR_ROCKSDB_LABEL = "Weir keyed tumbling count, RocksDB + S3";

    /** The report's name for Weir's keyed tumbling count decoding its input on the engine thread. */
    static final String WEIR_ENGINE_DECODE_LABEL = "Weir keyed tumbling count, decoding on the engine thread";

    /** The report's name for Weir's keyed tumbling count with a hash key-by, which shuffles between tasks. */
    static final String WEIR_SHUFFLE_LABEL = "Weir keyed tumbling count, hash key-by (shuffles)";

    /** The report's name for the hand-written reference, {@link KafkaTumblingCount}. */
    static final String REFERENCE_LABEL = "hand-written Kafka tumbling count";

    /** Every registered subject, in report order. */
    static final List<Subject> ALL = List.of(
            new Subject("kafka-count", REFERENCE_LABEL, KafkaTumblingCount::new),
            new Subject("weir-count", WEIR_LABEL, WeirTumblingCount::new, Interval.CHECKPOINT),
            new Subject("weir-count-rocksdb", WEIR_ROCKSDB_LABEL,
                    () -> new WeirTumblingCount(StateBackendKind.ROCKSDB), Interval.CHECKPOINT),
            new Subject("weir-count-engine-decode", WEIR_ENGINE_DECODE_LABEL,
                    () -> new WeirTumblingCount(StateBackendKind.HEAP, false, KeyPartitioning.sourcePartitions()),
                    Interval.CHECKPOINT),
            new Subject("weir-count-shuffle", WEIR_SHUFFLE_LABEL,
                    () -> new WeirTumblingCount(StateBackendKind.HEAP, true, KeyPartitioning.hash()),
                    Interval.CHECKPOINT));

    private Subjects() {
    }

    /** The interval the subject labelled {@code label} runs with (the harness's processors: the commit interval). */
    static Duration intervalOf(String label, KafkaBenchmarkOptions o) {
        return ALL.stream().filter(s -> s.label().equals(label)).findFirst().map(s -> s.interval().of(o))
                .orElse(o.commitInterval());
    }

    static Subject byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown subject '" + id + "'; registered: "
                        + (ALL.isEmpty() ? "none yet" : ALL.stream().map(Subject::id).toList())));
    }
}
