package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weir.runtime.graph.ErrorPolicy;

/**
 * Pipeline-wide settings.
 *
 * @param keyGroups   the fixed number of key groups (the maximum parallelism), in [1, 32768]; null for 128
 * @param errorPolicy what happens to an input on which a function throws; null for {@code fail}
 */
public record OptionsSpec(Integer keyGroups, OnError errorPolicy) {

    /** {@link ErrorPolicy} as the spec spells it. */
    public enum OnError {
        @JsonProperty("fail") FAIL(ErrorPolicy.FAIL),
        @JsonProperty("skip") SKIP(ErrorPolicy.SKIP),
        @JsonProperty("dead-letter") DEAD_LETTER(ErrorPolicy.DEAD_LETTER);

        private final ErrorPolicy policy;

        OnError(ErrorPolicy policy) {
            this.policy = policy;
        }

        public ErrorPolicy policy() {
            return policy;
        }
    }
}
