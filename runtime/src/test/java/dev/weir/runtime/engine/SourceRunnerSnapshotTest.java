package dev.weir.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Event;
import dev.weir.runtime.checkpoint.StateCodec;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.RecordingOutput;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A source's snapshot: reader positions, generators, per-partition watermarks and idleness, finished partitions. */
class SourceRunnerSnapshotTest {
    private static final StateCodec CODEC = new StateCodec();

    /** Partition 0: timestamps 10, 20, ..., 100; partition 1: one element at 5. */
    private static SourceNode<Long> node() {
        List<Event<Void, Long>> p0 = new java.util.ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            p0.add(Event.of(i, i * 10));
        }
        CollectionSource<Long> source = CollectionSource.ofPartitions(Long.class, List.of(p0, List.of(Event.of(0L, 5))));
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>boundedOutOfOrderness(Duration.ofMillis(1))
                .withIdleness(Duration.ofMillis(100)).withPeriodicEmission(Duration.ofMillis(10));
        return new SourceNode<>("numbers", source, strategy);
    }

    private static SourceRunner<Long> runner(RecordingOutput<Long> out, long nowMillis) {
        return new SourceRunner<>(node(), out, new OperatorMetrics("numbers"), nowMillis);
    }

    private static Object roundTrip(Object state) {
        return CODEC.decode(CODEC.encode(state));
    }

    @Test
    void aRestoredSourceContinuesWithItsPositionsWatermarksAndIdleness() throws Exception {
        RecordingOutput<Long> out = new RecordingOutput<>();
        SourceRunner<Long> first = runner(out, 0);
        first.start();
        first.pollAll(3, 0);          // p0: values 1..3 at 10..30; p1: 0 at 5
        first.pollAll(3, 0);          // p0: values 4..6 at 40..60; p1 finishes
        first.onPeriodic(50);         // p0's watermark 58 (a finished partition counts as the end of time)
        assertThat(out.watermark()).isEqualTo(58);
        Object snapshot = roundTrip(first.snapshotState());

        RecordingOutput<Long> restoredOut = new RecordingOutput<>();
        SourceRunner<Long> restored = runner(restoredOut, 1_000);
        restored.restoreState(snapshot);
        restored.start();
        restored.pollAll(2, 1_000);   // p0: values 7 and 8 at 70 and 80
        restored.onPeriodic(1_010);

        assertThat(restoredOut.values()).containsExactly(7L, 8L);
        assertThat(restoredOut.log()).containsExactly("7@70", "8@80", "wm:78");
    }

    /** Partition 0: three elements; partition 1: never has data and never ends. */
    private static final class OneQuietPartition implements Source<Long> {
        @Override
        public int partitions() {
            return 2;
        }

        @Override
        public SourceReader<Long> createReader(int partition) {
            SourceReader<Long> data = CollectionSource.of(Long.class,
                    List.of(Event.of(1L, 10), Event.of(2L, 20), Event.of(3L, 30))).createReader(0);
            return partition == 0 ? data : new Quiet();
        }

        @Override
        public Class<Long> type() {
            return Long.class;
        }

        private static final class Quiet implements SourceReader<Long>, Checkpointed {
            @Override
            public ReadStatus poll(RecordSink<Long> sink, int maxRecords) {
                return ReadStatus.NOTHING_AVAILABLE;
            }

            @Override
            public Object snapshotState() {
                return null;
            }

            @Override
            public void restoreState(Object state) {
            }
        }
    }

    @Test
    void idlePartitionsStayIdleAfterARestoreAndDoNotHoldBackTheWatermark() throws Exception {
        SourceNode<Long> node = new SourceNode<>("numbers", new OneQuietPartition(),
                WatermarkStrategy.<Long>boundedOutOfOrderness(Duration.ZERO).withIdleness(Duration.ofMillis(100))
                        .withPeriodicEmission(Duration.ofMillis(10)));
        RecordingOutput<Long> out = new RecordingOutput<>();
        SourceRunner<Long> first = new SourceRunner<>(node, out, new OperatorMetrics("numbers"), 0);
        first.start();
        first.onPeriodic(200);
        assertThat(out.log()).containsExactly("idle:true");
        Object snapshot = roundTrip(first.snapshotState());

        RecordingOutput<Long> restoredOut = new RecordingOutput<>();
        SourceRunner<Long> restored = new SourceRunner<>(node, restoredOut, new OperatorMetrics("numbers"), 5_000);
        restored.restoreState(snapshot);
        restored.start();
        restored.pollAll(3, 5_000);
        restored.onPeriodic(5_010);

        assertThat(restoredOut.log()).containsExactly("1@10", "2@20", "3@30", "idle:false", "wm:29");
    }

    @Test
    void aSourceWhosePartitionsAllFinishedEmitsNothingAfterARestore() throws Exception {
        RecordingOutput<Long> out = new RecordingOutput<>();
        SourceRunner<Long> first = runner(out, 0);
        first.start();
        while (!first.isFinished()) {
            first.pollAll(100, 0);
        }
        assertThat(out.log()).endsWith("wm:END", "end");
        Object snapshot = roundTrip(first.snapshotState());

        RecordingOutput<Long> restoredOut = new RecordingOutput<>();
        SourceRunner<Long> restored = runner(restoredOut, 0);
        restored.restoreState(snapshot);
        restored.start();

        assertThat(restored.isFinished()).isTrue();
        assertThat(restoredOut.log()).isEmpty();
    }

    @Test
    void aSnapshotOfAnotherNumberOfPartitionsIsRejected() {
        Object snapshot = roundTrip(runner(new RecordingOutput<>(), 0).snapshotState());
        SourceNode<Long> one = new SourceNode<>("numbers", CollectionSource.of(Long.class, List.of(Event.of(1L, 1))),
                WatermarkStrategy.monotonous());
        SourceRunner<Long> runner = new SourceRunner<>(one, new RecordingOutput<>(), new OperatorMetrics("n"), 0);

        assertThatThrownBy(() -> runner.restoreState(snapshot)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 partitions");
    }
}
