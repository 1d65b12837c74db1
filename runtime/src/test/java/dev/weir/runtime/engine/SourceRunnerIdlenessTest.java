package dev.weir.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.RecordingOutput;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idleness after a pause of the engine loop (a slow poll): the data's watermark must still come out. */
class SourceRunnerIdlenessTest {
    /** Partition 0: three elements at 10, 20, 30; partition 1: never any data, never ends. */
    private static Source<Long> oneQuietPartition() {
        return new Source<>() {
            @Override
            public int partitions() {
                return 2;
            }

            @Override
            public SourceReader<Long> createReader(int partition) {
                if (partition == 0) {
                    return CollectionSource.of(Long.class, List.of(Event.of(1L, 10), Event.of(2L, 20),
                            Event.of(3L, 30))).createReader(0);
                }
                return (sink, max) -> ReadStatus.NOTHING_AVAILABLE;
            }

            @Override
            public Class<Long> type() {
                return Long.class;
            }
        };
    }

    @Test
    void afterALongPauseTheLongestInactivePartitionGoesIdleFirstSoTheDataWatermarkIsEmitted() throws Exception {
        SourceNode<Long> node = new SourceNode<>("numbers", oneQuietPartition(),
                WatermarkStrategy.<Long>boundedOutOfOrderness(Duration.ZERO).withIdleness(Duration.ofMillis(300))
                        .withPeriodicEmission(Duration.ofMillis(50)));
        RecordingOutput<Long> out = new RecordingOutput<>();
        SourceRunner<Long> source = new SourceRunner<>(node, out, new OperatorMetrics("numbers"), 0);
        source.start();
        source.pollAll(10, 100);   // the data arrives at 100 ms; the quiet partition has had nothing since 0
        source.onPeriodic(1_000);  // the next periodic check only after a long pause: both are past the timeout

        assertThat(out.log()).containsExactly("1@10", "2@20", "3@30", "wm:29", "idle:true");
    }

    @Test
    void aPartitionThatHoldsItsRecordsBackDoesNotGoIdle() throws Exception {
        Source<Long> heldBack = new Source<>() {
            @Override
            public int partitions() {
                return 1;
            }

            @Override
            public SourceReader<Long> createReader(int partition) {
                return (sink, max) -> ReadStatus.HELD_BACK;
            }

            @Override
            public Class<Long> type() {
                return Long.class;
            }
        };
        SourceNode<Long> node = new SourceNode<>("numbers", heldBack,
                WatermarkStrategy.<Long>boundedOutOfOrderness(Duration.ZERO).withIdleness(Duration.ofMillis(300))
                        .withPeriodicEmission(Duration.ofMillis(50)));
        RecordingOutput<Long> out = new RecordingOutput<>();
        SourceRunner<Long> source = new SourceRunner<>(node, out, new OperatorMetrics("numbers"), 0);
        source.start();

        assertThat(source.pollAll(10, 1_000)).isFalse();
        source.onPeriodic(1_100);  // 1.1 s after the start, but it was polled (and held back) at 1 s

        assertThat(out.log()).doesNotContain("idle:true");
    }
}
