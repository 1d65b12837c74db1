package dev.weir.runtime.graph;

import dev.weir.runtime.state.KeyGroups;

/**
 * Pipeline-wide settings.
 *
 * @param numberOfKeyGroups fixed number of key groups (the maximum parallelism)
 * @param errorPolicy       what happens when a function throws
 */
public record PipelineOptions(int numberOfKeyGroups, ErrorPolicy errorPolicy) {
    public PipelineOptions {
        if (numberOfKeyGroups < 1 || numberOfKeyGroups > 32768) {
            throw new IllegalArgumentException("numberOfKeyGroups must be in [1, 32768], was " + numberOfKeyGroups);
        }
    }

    public static PipelineOptions defaults() {
        return new PipelineOptions(KeyGroups.DEFAULT_NUMBER, ErrorPolicy.FAIL);
    }

    public PipelineOptions withErrorPolicy(ErrorPolicy policy) {
        return new PipelineOptions(numberOfKeyGroups, policy);
    }

    public PipelineOptions withNumberOfKeyGroups(int n) {
        return new PipelineOptions(n, errorPolicy);
    }
}
