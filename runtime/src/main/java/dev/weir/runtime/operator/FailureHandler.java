package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.runtime.graph.ErrorPolicy;

/** Applies a pipeline's {@link ErrorPolicy} to an input a function failed on. */
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
}
