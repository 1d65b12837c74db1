package dev.weir.bench.kafka;

import java.util.List;
import java.util.function.Supplier;

/**
 * The processors the harness measures against the raw Kafka ceiling: a hand-written keyed tumbling count on the
 * Kafka clients ({@link KafkaTumblingCount}, the reference), and Weir's keyed tumbling count once its distributed
 * Kafka runtime runs: one {@link Processor} class and one line in {@link #ALL}. Until then the report shows
 * Weir's rows as pending.
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
     */
    record Subject(String id, String label, Supplier<Processor> factory) {
    }

    /** The report's name for the hand-written reference, {@link KafkaTumblingCount}. */
    static final String REFERENCE_LABEL = "hand-written Kafka tumbling count";

    /**
     * Every registered subject, in report order. To add Weir:
     * {@code new Subject("weir-count", WEIR_LABEL, WeirTumblingCount::new)}.
     */
    static final List<Subject> ALL = List.of(
            new Subject("kafka-count", REFERENCE_LABEL, KafkaTumblingCount::new),
            new Subject("weir-count", WEIR_LABEL, WeirTumblingCount::new));

    private Subjects() {
    }

    static Subject byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown subject '" + id + "'; registered: "
                        + (ALL.isEmpty() ? "none yet" : ALL.stream().map(Subject::id).toList())));
    }
}
