package dev.weir.runtime.operator;

import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.time.ProcessingTimeService;

/**
 * What the engine gives every operator: its name, metrics, the processing-time service, the error policy and
 * the number of key groups.
 */
public record OperatorContext(String name, OperatorMetrics metrics, ProcessingTimeService processingTime,
                              ErrorPolicy errorPolicy, int numberOfKeyGroups) {

    public FailureHandler failureHandler() {
        return new FailureHandler(name, errorPolicy, metrics);
    }
}
