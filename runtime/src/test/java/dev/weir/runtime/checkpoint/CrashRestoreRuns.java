package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a pipeline to completion, or in segments that each restore the previous segment's snapshot into a fresh
 * graph, crash, and keep only the output emitted before their snapshot.
 *
 * <p>Processing time is a {@link ManualClock} that moves {@code millisPerBoundary} at every batch boundary, before
 * the coordinator may snapshot. A restored segment's clock starts where the uninterrupted run's clock was at the
 * snapshot's boundary, as a real clock would have moved on.
 */
final class CrashRestoreRuns {
    /** Builds a fresh graph (new sources, new function instances) whose sinks append to the given list. */
    interface Graphs extends Function<List<Recorded>, PipelineGraph> {
    }

    /**
     * Where one segment snapshots and crashes.
     *
     * @param position   where the snapshot is taken, as a fraction of the boundaries left in the uninterrupted run
     * @param crashAfter boundaries between the snapshot and the crash
     */
    record CrashPoint(double position, int crashAfter) {
    }

    /** What an uninterrupted run emitted, and how many batch boundaries it had. */
    record Uninterrupted(List<Recorded> output, int boundaries) {
    }

    /** What the segments of a crashing run kept, and how many crashes happened. */
    record Crashed(List<Recorded> output, int crashes) {
    }

    private static final long START_MILLIS = 1_000;
    private final Graphs graphs;
    private final int batchSize;
    private final long millisPerBoundary;

    CrashRestoreRuns(Graphs graphs, int batchSize, long millisPerBoundary) {
        this.graphs = graphs;
        this.batchSize = batchSize;
        this.millisPerBoundary = millisPerBoundary;
    }

    Uninterrupted uninterrupted() {
        List<Recorded> out = new ArrayList<>();
        CrashingCoordinator counting = new CrashingCoordinator(out, Integer.MAX_VALUE, 0, false, false);
        run(out, null, 0, counting);
        return new Uninterrupted(out, counting.boundaries());
    }

    /**
     * Runs with a crash per point (while the input lasts), each segment restored from the previous one's snapshot,
     * then a last segment without a crash. Returns the output the segments emitted before their snapshots, and all
     * of the last segment's.
     */
    Crashed withCrashes(int totalBoundaries, List<CrashPoint> points, boolean snapshotEveryBoundary,
                               boolean crashAtEnd) {
        List<Recorded> kept = new ArrayList<>();
        byte[] restore = null;
        int done = 0;
        for (int i = 0; i < points.size(); i++) {
            CrashPoint p = points.get(i);
            int left = Math.max(1, totalBoundaries - done);
            int snapshotAt = 1 + (int) (p.position() * left);
            List<Recorded> out = new ArrayList<>();
            CrashingCoordinator c = new CrashingCoordinator(out, snapshotAt, p.crashAfter(), snapshotEveryBoundary,
                    crashAtEnd && i == points.size() - 1);
            try {
                run(out, restore, done, c);
                kept.addAll(out);
                return new Crashed(kept, i);
            } catch (PipelineFailedException e) {
                assertThat(e).hasCauseInstanceOf(CrashingCoordinator.Crash.class);
                assertThat(c.snapshot()).as("a crash comes after a snapshot").isNotNull();
                kept.addAll(out.subList(0, c.committed()));
                restore = c.snapshot();
                done += c.snapshotBoundary();
            }
        }
        List<Recorded> out = new ArrayList<>();
        run(out, restore, done, CheckpointCoordinator.NONE);
        kept.addAll(out);
        return new Crashed(kept, points.size());
    }

    /** Runs with a clock at the time of boundary {@code fromBoundary} of the uninterrupted run. */
    private void run(List<Recorded> out, byte[] restore, int fromBoundary, CheckpointCoordinator coordinator) {
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
        EngineRun run = EngineRun.defaults().withCoordinator(ticking);
        new LocalEngine(clock, batchSize).run(graphs.apply(out), restore == null ? run : run.withRestore(restore));
    }
}
