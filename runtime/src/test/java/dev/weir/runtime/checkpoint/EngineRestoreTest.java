package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Event;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Restoring a run: what a snapshot at the end holds, and how a snapshot that does not fit the pipeline fails. */
class EngineRestoreTest {
    private static final List<Event<Void, String>> WORDS = List.of(Event.of("a", 1), Event.of("b", 2),
            Event.of("a", 12), Event.of("c", 14), Event.of("a", 25), Event.of("b", 31));

    /** words -> keyBy(word) -> 10 ms tumbling counts (named {@code windowName}) -> sink. */
    private static PipelineGraph counts(String windowName, List<Recorded> out) {
        Pipeline p = Pipeline.create("counts");
        p.source("words", CollectionSource.of(String.class, WORDS),
                        WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO).withPerEventEmission())
                .keyBy("by-word", w -> w)
                .window(TumblingWindows.of(Duration.ofMillis(10)))
                .aggregate(windowName, new Count<>())
                .sink("out", Recorded.sink("out", out));
        return p.graph();
    }

    private static LocalEngine engine() {
        return new LocalEngine(new ManualClock(0), 2);
    }

    /** Snapshots at a boundary or at the end of input; remembers the order of calls. */
    private static final class Recording implements CheckpointCoordinator {
        final List<String> calls = new ArrayList<>();
        final int snapshotAt;
        byte[] snapshot;

        Recording(int snapshotAt) {
            this.snapshotAt = snapshotAt;
        }

        @Override
        public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
            calls.add("boundary");
            if (calls.size() == snapshotAt) {
                snapshot = checkpointer.snapshot();
            }
        }

        @Override
        public void onEndOfInput(Checkpointer checkpointer) {
            calls.add("end");
            if (snapshotAt == 0) {
                snapshot = checkpointer.snapshot();
            }
        }
    }

    @Test
    void coordinatorSeesEveryBoundaryThenTheEndOnce() {
        List<Recorded> out = new ArrayList<>();
        Recording coordinator = new Recording(-1);
        engine().run(counts("counts", out), EngineRun.defaults().withCoordinator(coordinator));

        assertThat(coordinator.calls).last().isEqualTo("end");
        assertThat(coordinator.calls).filteredOn("end"::equals).hasSize(1);
        assertThat(coordinator.calls).filteredOn("boundary"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(out).hasSize(6);
    }

    @Test
    void restoringASnapshotTakenAtTheEndOfInputEmitsNothingMore() {
        List<Recorded> first = new ArrayList<>();
        Recording atEnd = new Recording(0);
        engine().run(counts("counts", first), EngineRun.defaults().withCoordinator(atEnd));
        assertThat(first).hasSize(6);

        List<Recorded> second = new ArrayList<>();
        Recording again = new Recording(-1);
        engine().run(counts("counts", second), EngineRun.defaults().withRestore(atEnd.snapshot).withCoordinator(again));

        assertThat(second).isEmpty();
        assertThat(again.calls).containsExactly("end");
    }

    @Test
    void aRunRestoredFromTheMiddleEmitsTheRest() {
        List<Recorded> all = new ArrayList<>();
        engine().run(counts("counts", all));
        List<Recorded> first = new ArrayList<>();
        CrashingCoordinator crash = new CrashingCoordinator(first, 2, 1, false, false);
        assertThatThrownBy(() -> engine().run(counts("counts", first), EngineRun.defaults().withCoordinator(crash)))
                .isInstanceOf(PipelineFailedException.class).hasCauseInstanceOf(CrashingCoordinator.Crash.class);

        List<Recorded> rest = new ArrayList<>();
        engine().run(counts("counts", rest), EngineRun.defaults().withRestore(crash.snapshot()));

        assertThat(crash.committed()).isPositive();
        assertThat(rest).isNotEmpty();
        List<Recorded> joined = new ArrayList<>(first.subList(0, crash.committed()));
        joined.addAll(rest);
        assertThat(joined).isEqualTo(all);
    }

    @Test
    void restoringIntoAPipelineWithoutTheSnapshotsOperatorFailsNamingIt() {
        Recording coordinator = new Recording(2);
        engine().run(counts("counts", new ArrayList<>()), EngineRun.defaults().withCoordinator(coordinator));

        assertThatThrownBy(() -> engine().run(counts("renamed", new ArrayList<>()),
                EngineRun.defaults().withRestore(coordinator.snapshot)))
                .isInstanceOfSatisfying(PipelineFailedException.class, e -> assertThat(e.operator()).isEqualTo("counts"))
                .hasMessageContaining("operator 'counts'").hasMessageContaining("no operator of that name");
    }

    @Test
    void restoringStateOfAnotherShapeFailsNamingTheOperator() {
        Recording coordinator = new Recording(2);
        engine().run(counts("counts", new ArrayList<>()), EngineRun.defaults().withCoordinator(coordinator));
        Pipeline sessions = Pipeline.create("counts");
        sessions.source("words", CollectionSource.of(String.class, WORDS),
                        WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO).withPerEventEmission())
                .keyBy("by-word", w -> w)
                .window(SessionWindows.withGap(Duration.ofMillis(10)))
                .aggregate("counts", new Count<>())
                .sink("out", Recorded.sink("out", new ArrayList<>()));

        assertThatThrownBy(() -> engine().run(sessions.graph(), EngineRun.defaults().withRestore(coordinator.snapshot)))
                .isInstanceOfSatisfying(PipelineFailedException.class, e -> assertThat(e.operator()).isEqualTo("counts"))
                .hasMessageContaining("another shape");
    }

    @Test
    void restoringBytesThatAreNotASnapshotFailsClearly() {
        byte[] notASnapshot = new StateCodec().encode(List.of("x"));
        assertThatThrownBy(() -> engine().run(counts("counts", new ArrayList<>()),
                EngineRun.defaults().withRestore(notASnapshot)))
                .isInstanceOf(PipelineFailedException.class).hasMessageContaining("not an engine snapshot");
    }

    /** One partition of three strings, read by a reader that does not implement Checkpointed. */
    private static final class PlainSource implements Source<String> {
        @Override
        public int partitions() {
            return 1;
        }

        @Override
        public SourceReader<String> createReader(int partition) {
            return new SourceReader<>() {
                private int next;

                @Override
                public ReadStatus poll(RecordSink<String> sink, int maxRecords) {
                    if (next == 3) {
                        return ReadStatus.END_OF_INPUT;
                    }
                    sink.record("s" + next, next++, dev.weir.api.event.Headers.EMPTY);
                    return ReadStatus.MORE;
                }
            };
        }

        @Override
        public Class<String> type() {
            return String.class;
        }
    }

    @Test
    void snapshotOfASourceWhoseReaderIsNotCheckpointedFailsNamingTheSource() {
        Pipeline p = Pipeline.create("plain");
        p.source("plain-source", new PlainSource(), WatermarkStrategy.monotonous())
                .sink("out", Recorded.sink("out", new ArrayList<>()));

        assertThatThrownBy(() -> engine().run(p.graph(), EngineRun.defaults().withCoordinator(new Recording(1))))
                .isInstanceOfSatisfying(PipelineFailedException.class,
                        e -> assertThat(e.operator()).isEqualTo("plain-source"))
                .hasMessageContaining("does not implement Checkpointed");
    }

    /** Counts per key and records whether it was closed. */
    private static final class Closing implements KeyedFunction<String, String, String> {
        final AtomicReference<String> closed;

        Closing(AtomicReference<String> closed) {
            this.closed = closed;
        }

        @Override
        public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
            out.emit(in);
        }

        @Override
        public void close() {
            closed.set("closed");
        }
    }

    @Test
    void aCoordinatorThatThrowsStopsTheRunAndTheOperatorsClose() {
        AtomicReference<String> closed = new AtomicReference<>("open");
        Pipeline p = Pipeline.create("failing");
        p.source("words", CollectionSource.of(String.class, WORDS), WatermarkStrategy.monotonous())
                .keyBy("by-word", w -> w).process("echo", new Closing(closed))
                .sink("out", Recorded.sink("out", new ArrayList<>()));
        CheckpointCoordinator failing = new CheckpointCoordinator() {
            @Override
            public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception {
                throw new java.io.IOException("checkpoint storage unavailable");
            }

            @Override
            public void onEndOfInput(Checkpointer checkpointer) {
            }
        };

        assertThatThrownBy(() -> engine().run(p.graph(), EngineRun.defaults().withCoordinator(failing)))
                .isInstanceOf(PipelineFailedException.class).hasMessageContaining("checkpoint storage unavailable");
        assertThat(closed.get()).isEqualTo("closed");
    }

    @Test
    void snapshotsMayOnlyBeTakenOnTheEngineThread() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        CheckpointCoordinator otherThread = new CheckpointCoordinator() {
            @Override
            public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception {
                Thread t = new Thread(() -> {
                    try {
                        checkpointer.snapshot();
                    } catch (Throwable e) {
                        error.set(e);
                    }
                });
                t.start();
                t.join();
            }

            @Override
            public void onEndOfInput(Checkpointer checkpointer) {
            }
        };
        engine().run(counts("counts", new ArrayList<>()), EngineRun.defaults().withCoordinator(otherThread));
        assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("engine thread");
    }

    @Test
    void onStartStillSeesTheLiveMetrics() {
        AtomicReference<Map<String, OperatorMetrics>> live = new AtomicReference<>();
        engine().run(counts("counts", new ArrayList<>()), live::set);
        assertThat(live.get()).containsKey("counts");
        assertThat(live.get().get("counts").recordsIn()).isEqualTo(6);
    }
}
