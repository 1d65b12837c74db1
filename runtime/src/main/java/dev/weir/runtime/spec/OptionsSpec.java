package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.StateBackendKind;
import java.time.Duration;

/**
 * Pipeline-wide settings.
 *
 * @param keyGroups   the fixed number of key groups (the maximum parallelism), in [1, 32768]; null for 128
 * @param errorPolicy what happens to an input on which a function throws; null for {@code fail}
 * @param delivery    on the distributed runtime: {@code exactly-once} (default) or {@code at-least-once}
 * @param checkpointInterval on the distributed runtime: time between checkpoints; null for 2 s
 * @param stateBackend where keyed state lives: {@code heap} (default) or {@code rocksdb}
 * @param decodeAhead on the distributed runtime: whether each task decodes its Kafka input on a thread of its own,
 *                    ahead of the engine thread; null for true
 */
public record OptionsSpec(Integer keyGroups, OnError errorPolicy, Delivery delivery, Duration checkpointInterval,
                          StateBackend stateBackend, Boolean decodeAhead) {

    /** {@link StateBackendKind} as the spec spells it. */
    public enum StateBackend {
        @JsonProperty("heap") HEAP(StateBackendKind.HEAP),
        @JsonProperty("rocksdb") ROCKSDB(StateBackendKind.ROCKSDB);

        private final StateBackendKind kind;

        StateBackend(StateBackendKind kind) {
            this.kind = kind;
        }

        public StateBackendKind kind() {
            return kind;
        }
    }

    /** {@link DeliveryGuarantee} as the spec spells it. */
    public enum Delivery {
        @JsonProperty("exactly-once") EXACTLY_ONCE(DeliveryGuarantee.EXACTLY_ONCE),
        @JsonProperty("at-least-once") AT_LEAST_ONCE(DeliveryGuarantee.AT_LEAST_ONCE);

        private final DeliveryGuarantee guarantee;

        Delivery(DeliveryGuarantee guarantee) {
            this.guarantee = guarantee;
        }

        public DeliveryGuarantee guarantee() {
            return guarantee;
        }
    }

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
