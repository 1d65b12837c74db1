package dev.weir.runtime.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Headers;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyOutsideKeyGroupsException;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A key of another task's key group: bad input by source partitions, a fault by hash. */
class FailureHandlerTest {
    private static final KafkaPartitionKeyGroups BY_PARTITION = new KafkaPartitionKeyGroups(128, 4,
            k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8));

    /** A key of partition 3 (key group 96), and a backend that owns key groups 0-63 (partitions 0 and 1). */
    private static String stray() {
        return java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                .filter(k -> BY_PARTITION.partitionOf(k) == 3).findFirst().orElseThrow();
    }

    private static HeapKeyedStateBackend<String> firstHalf() {
        return new HeapKeyedStateBackend<>(BY_PARTITION, new KeyGroupRange(0, 63));
    }

    @Test
    void underDeadLetterTheInputGoesToTheDeadLetterOutputWithTheReason() {
        OperatorMetrics metrics = new OperatorMetrics("count");
        RecordingOutput<Object> out = new RecordingOutput<>();
        FailureHandler failures = new FailureHandler("count", ErrorPolicy.DEAD_LETTER, metrics);

        assertThat(failures.setCurrentKey(firstHalf(), stray(), "input", 7, Headers.EMPTY, out)).isFalse();

        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(out.log()).singleElement().asString().contains(ErrorPolicy.DEAD_LETTER_OUTPUT,
                "belongs to source partition 3 of 4");
    }

    @Test
    void underSkipItIsCountedAndAnOwnedKeyGoesOn() {
        OperatorMetrics metrics = new OperatorMetrics("count");
        RecordingOutput<Object> out = new RecordingOutput<>();
        FailureHandler failures = new FailureHandler("count", ErrorPolicy.SKIP, metrics);
        HeapKeyedStateBackend<String> backend = firstHalf();
        String owned = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                .filter(k -> BY_PARTITION.partitionOf(k) == 1).findFirst().orElseThrow();

        assertThat(failures.setCurrentKey(backend, stray(), "input", 7, Headers.EMPTY, out)).isFalse();
        assertThat(failures.setCurrentKey(backend, owned, "input", 8, Headers.EMPTY, out)).isTrue();

        assertThat(backend.currentKey()).isEqualTo(owned);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(out.log()).isEmpty();
    }

    @Test
    void underFailThePipelineStopsNamingTheInputAndTheReason() {
        FailureHandler failures = new FailureHandler("count", ErrorPolicy.FAIL, new OperatorMetrics("count"));

        assertThatThrownBy(() -> failures.setCurrentKey(firstHalf(), stray(), "input", 7, Headers.EMPTY,
                new RecordingOutput<>()))
                .isInstanceOf(PipelineFailedException.class)
                .hasMessageContaining("input input at 7 does not belong to this task: key " + stray()
                        + " belongs to source partition 3 of 4")
                .hasCauseInstanceOf(KeyOutsideKeyGroupsException.class);
    }

    @Test
    void byHashAKeyOutsideTheTasksKeyGroupsIsAFaultWhateverThePolicy() {
        HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroups.hashing(128),
                new KeyGroupRange(0, 0));
        String elsewhere = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                .filter(k -> KeyGroups.of(k, 128) != 0).findFirst().orElseThrow();
        FailureHandler failures = new FailureHandler("count", ErrorPolicy.DEAD_LETTER, new OperatorMetrics("count"));

        assertThatThrownBy(() -> failures.setCurrentKey(backend, elsewhere, "input", 7, Headers.EMPTY,
                new RecordingOutput<>())).isInstanceOf(KeyOutsideKeyGroupsException.class);
    }
}
