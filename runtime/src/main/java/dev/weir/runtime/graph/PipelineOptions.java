package dev.weir.runtime.graph;

import dev.weir.runtime.state.KeyGroups;
import java.time.Duration;
import java.util.Objects;

/**
 * Pipeline-wide settings.
 *
 * @param numberOfKeyGroups  fixed number of key groups (the maximum parallelism)
 * @param errorPolicy        what happens when a function throws
 * @param deliveryGuarantee  what the distributed runtime promises about Kafka output after failures
 * @param checkpointInterval processing time between two checkpoints of a task on the distributed runtime; under
 *                           exactly-once also about the time until output becomes visible to {@code read_committed}
 *                           readers
 * @param stateBackend       where keyed state lives (heap or RocksDB)
 * @param decodeAhead        on the distributed runtime: whether each task decodes the records of its Kafka sources on
 *                           a decoder thread of its own, ahead of the engine thread (another core for
 *                           deserialization), instead of on the engine thread
 */
public record PipelineOptions(int numberOfKeyGroups, ErrorPolicy errorPolicy, DeliveryGuarantee deliveryGuarantee,
                              Duration checkpointInterval, StateBackendKind stateBackend, boolean decodeAhead) {
    /** The default checkpoint interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    public PipelineOptions {
        if (numberOfKeyGroups < 1 || numberOfKeyGroups > 32768) {
            throw new IllegalArgumentException("numberOfKeyGroups must be in [1, 32768], was " + numberOfKeyGroups);
        }
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(stateBackend, "stateBackend");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, was " + checkpointInterval);
        }
    }

    /**
     * Exactly-once, checkpoints every {@link #DEFAULT_CHECKPOINT_INTERVAL}, state on the heap, input decoded
     * ahead.
     */
    public PipelineOptions(int numberOfKeyGroups, ErrorPolicy errorPolicy) {
        this(numberOfKeyGroups, errorPolicy, DeliveryGuarantee.EXACTLY_ONCE, DEFAULT_CHECKPOINT_INTERVAL,
                StateBackendKind.HEAP, true);
    }

    public static PipelineOptions defaults() {
        return new PipelineOptions(KeyGroups.DEFAULT_NUMBER, ErrorPolicy.FAIL);
    }

    public PipelineOptions withErrorPolicy(ErrorPolicy policy) {
        return new PipelineOptions(numberOfKeyGroups, policy, deliveryGuarantee, checkpointInterval, stateBackend,
                decodeAhead);
    }

    public PipelineOptions withNumberOfKeyGroups(int n) {
        return new PipelineOptions(n, errorPolicy, deliveryGuarantee, checkpointInterval, stateBackend, decodeAhead);
    }

    public PipelineOptions withDeliveryGuarantee(DeliveryGuarantee guarantee) {
        return new PipelineOptions(numberOfKeyGroups, errorPolicy, guarantee, checkpointInterval, stateBackend,
                decodeAhead);
    }

    public PipelineOptions withCheckpointInterval(Duration interval) {
        return new PipelineOptions(numberOfKeyGroups, errorPolicy, deliveryGuarantee, interval, stateBackend,
                decodeAhead);
    }

    public PipelineOptions withStateBackend(StateBackendKind kind) {
        return new PipelineOptions(numberOfKeyGroups, errorPolicy, deliveryGuarantee, checkpointInterval, kind,
                decodeAhead);
    }

    public PipelineOptions withDecodeAhead(boolean decode) {
        return new PipelineOptions(numberOfKeyGroups, errorPolicy, deliveryGuarantee, checkpointInterval, stateBackend,
                decode);
    }
}
