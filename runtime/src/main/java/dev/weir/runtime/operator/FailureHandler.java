package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyOutsideKeyGroupsException;
import dev.weir.runtime.state.KeyedStateBackend;

/**
 * Applies a pipeline's {@link ErrorPolicy} to an input a function failed on, or whose key belongs to another task's
 * source partition.
 */
public final class FailureHandler {
    private final String operator;
    private final ErrorPolicy policy;
    private final OperatorMetrics metrics;

    public FailureHandler(String operator, ErrorPolicy policy, OperatorMetrics metrics) {
        this.operator = operator;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** Fails the pipeline, or counts and skips / dead-letters the input, as the policy says. */
    public void failed(Object input, long timestampMillis, Headers headers, Exception error, Output<?> output) {
        switch (policy) {
            case FAIL -> throw new PipelineFailedException(operator, "function failed on input " + input + " at "
                    + timestampMillis + ": " + error, error);
            case SKIP -> metrics.incFailed();
            case DEAD_LETTER -> {
                metrics.incFailed();
                output.side(ErrorPolicy.DEAD_LETTER_OUTPUT, new DeadLetter(operator, input, timestampMillis,
                        error.getClass().getName(), String.valueOf(error.getMessage())), timestampMillis,
                        headers.with("weir.error", String.valueOf(error.getMessage())).with("weir.operator", operator));
            }
        }
    }

    /**
     * Makes {@code key} the backend's current key for {@code input}. With key groups that follow the source
     * partitions, a key in a key group this task does not own (a record in the wrong partition of the topic) is bad
     * input, not a fault of the task: it goes to the policy like a failed function (failing the pipeline, skipped, or
     * dead-lettered with the reason), and the caller drops the input. With key groups by hash it fails the task.
     *
     * @return whether the caller goes on with {@code input}
     */
    public <K> boolean setCurrentKey(KeyedStateBackend<K> backend, K key, Object input, long timestampMillis,
                                     Headers headers, Output<?> output) {
        try {
            backend.setCurrentKey(key);
            return true;
        } catch (KeyOutsideKeyGroupsException e) {
            if (!(backend.keyGroupAssigner() instanceof KafkaPartitionKeyGroups)) {
                throw e; // by hash, only a routing fault or a key without a deterministic hashCode gets here
            }
            if (policy == ErrorPolicy.FAIL) {
                throw new PipelineFailedException(operator, "input " + input + " at " + timestampMillis
                        + " does not belong to this task: " + e.getMessage(), e);
            }
            failed(input, timestampMillis, headers, e, output);
            return false;
        }
    }
}
