package dev.weir.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.checkpoint.Checkpointer;
import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a pipeline on a given state backend factory, to completion or with one crash: a first run snapshots at a batch
 * boundary and crashes some boundaries later, a second run (fresh graph, fresh factory) restores the snapshot and
 * runs to the end; the output emitted after the snapshot in the first run is dropped, as an exactly-once sink would.
 *
 * <p>Processing time is a {@link ManualClock} that moves {@code millisPerBoundary} at every batch boundary, so
 * processing-time timers and TTLs fire the same in every run; a restored run's clock starts where the first run's
 * clock was at the snapshot.
 */
final class BackendRuns {
    private static final long START_MILLIS = 1_000;
    private final Function<List<Recorded>, PipelineGraph> graphs;
    private final int batchSize;
    private final long millisPerBoundary;

    BackendRuns(Function<List<Recorded>, PipelineGraph> graphs, int batchSize, long millisPerBoundary) {
        this.graphs = graphs;
        this.batchSize = batchSize;
        this.millisPerBoundary = millisPerBoundary;
    }

    /** What a run emitted, and at how many batch boundaries. */
    record Output(List<Recorded> records, int boundaries) {
    }

    Output uninterrupted(StateBackendFactory backends) {
        List<Recorded> out = new ArrayList<>();
        int[] boundaries = new int[1];
        run(out, null, 0, backends, new CheckpointCoordinator() {
            @Override
            public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
                boundaries[0]++;
            }

            @Override
            public void onEndOfInput(Checkpointer checkpointer) {
            }
        });
        return new Output(out, boundaries[0]);
    }

    /**
     * Snapshots at boundary {@code snapshotAt} of a run on {@code first} ({@code beforeSnapshot} sees that factory
     * first), crashes {@code crashAfter} boundaries later (if the input lasts), and continues on {@code second}
     * ({@code beforeRestore} sees it before the pipeline is built) from the snapshot.
     */
    <F extends StateBackendFactory, S extends StateBackendFactory> List<Recorded> crashAndRestore(
            F first, Consumer<F> beforeSnapshot, int snapshotAt, int crashAfter,
            Supplier<S> second, Consumer<S> beforeRestore) {
        List<Recorded> out = new ArrayList<>();
        Crashing crashing = new Crashing(out, snapshotAt, crashAfter, () -> beforeSnapshot.accept(first));
        try {
            run(out, null, 0, first, crashing);
            assertThat(crashing.snapshot).as("a snapshot was taken").isNotNull();
            return out;
        } catch (PipelineFailedException e) {
            assertThat(e).hasCauseInstanceOf(Crash.class);
        }
        List<Recorded> kept = new ArrayList<>(out.subList(0, crashing.committed));
        S restored = second.get();
        beforeRestore.accept(restored);
        List<Recorded> rest = new ArrayList<>();
        run(rest, crashing.snapshot, crashing.snapshotBoundary, restored, CheckpointCoordinator.NONE);
        kept.addAll(rest);
        return kept;
    }

    private void run(List<Recorded> out, byte[] restore, int fromBoundary, StateBackendFactory backends,
                     CheckpointCoordinator coordinator) {
        ManualClock clock = new ManualClock(START_MILLIS + fromBoundary * millisPerBoundary);
        CheckpointCoordinator ticking = new CheckpointCoordinator() {
            @Override
            public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception {
                clock.advanceBy(millisPerBoundary);
                coordinator.onBatchBoundary(nowMillis, checkpointer);
            }

            @Override
            public void onEndOfInput(Checkpointer checkpointer) throws Exception {
                coordinator.onEndOfInput(checkpointer);
            }
        };
        EngineRun run = EngineRun.defaults().withCoordinator(ticking).withStateBackends(backends);
        new LocalEngine(clock, batchSize).run(graphs.apply(out), restore == null ? run : run.withRestore(restore));
    }

    /** The simulated crash. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash");
        }
    }

    /** Snapshots at one boundary, crashes some boundaries later. */
    private static final class Crashing implements CheckpointCoordinator {
        private final List<Recorded> output;
        private final int snapshotAt;
        private final int crashAfter;
        private final Runnable beforeSnapshot;
        private int boundaries;
        byte[] snapshot;
        int committed;
        int snapshotBoundary;

        Crashing(List<Recorded> output, int snapshotAt, int crashAfter, Runnable beforeSnapshot) {
            this.output = output;
            this.snapshotAt = snapshotAt;
            this.crashAfter = crashAfter;
            this.beforeSnapshot = beforeSnapshot;
        }

        @Override
        public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
            boundaries++;
            if (boundaries == snapshotAt) {
                beforeSnapshot.run();
                snapshot = checkpointer.snapshot();
                committed = output.size();
                snapshotBoundary = boundaries;
            }
            if (boundaries == snapshotAt + crashAfter) {
                throw new Crash();
            }
        }

        @Override
        public void onEndOfInput(Checkpointer checkpointer) {
            if (snapshot != null) {
                throw new Crash();
            }
        }
    }
}
