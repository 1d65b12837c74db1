package dev.weir.runtime.checkpoint;

import dev.weir.runtime.oracle.Recorded;
import java.util.List;

/**
 * Takes a snapshot at batch boundary {@code snapshotAt} of a run (counting from 1), remembers how much output the
 * sinks had received then (what an exactly-once sink would have committed), and crashes {@code crashAfter}
 * boundaries later. With {@code snapshotEveryBoundary} it also snapshots at every boundary before (the last one
 * wins), to check that taking a snapshot does not disturb the run. With {@code crashAtEnd} it snapshots and crashes
 * at the end of input, if the run gets there.
 */
final class CrashingCoordinator implements CheckpointCoordinator {
    /** The simulated crash. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash");
        }
    }

    private final List<Recorded> output;
    private final int snapshotAt;
    private final int crashAfter;
    private final boolean snapshotEveryBoundary;
    private final boolean crashAtEnd;
    private int boundaries;
    private byte[] snapshot;
    private int committed = -1;
    private int snapshotBoundary = -1;

    CrashingCoordinator(List<Recorded> output, int snapshotAt, int crashAfter, boolean snapshotEveryBoundary,
                        boolean crashAtEnd) {
        this.output = output;
        this.snapshotAt = snapshotAt;
        this.crashAfter = crashAfter;
        this.snapshotEveryBoundary = snapshotEveryBoundary;
        this.crashAtEnd = crashAtEnd;
    }

    @Override
    public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
        boundaries++;
        if (boundaries == snapshotAt || (snapshotEveryBoundary && boundaries < snapshotAt)) {
            take(checkpointer);
        }
        if (boundaries == snapshotAt + crashAfter) {
            throw new Crash();
        }
    }

    @Override
    public void onEndOfInput(Checkpointer checkpointer) {
        if (crashAtEnd) {
            take(checkpointer);
            throw new Crash();
        }
    }

    private void take(Checkpointer checkpointer) {
        snapshot = checkpointer.snapshot();
        committed = output.size();
        snapshotBoundary = boundaries;
    }

    /** The last snapshot taken, or null. */
    byte[] snapshot() {
        return snapshot;
    }

    /** How many records the sinks had received when the last snapshot was taken. */
    int committed() {
        return committed;
    }

    /** The boundary the last snapshot was taken at (this run's count). */
    int snapshotBoundary() {
        return snapshotBoundary;
    }

    int boundaries() {
        return boundaries;
    }
}
