package dev.weir.runtime.watermark;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.operator.Watermarks;

/**
 * Combines the watermarks of several inputs (source partitions or operator inputs): the combined watermark is
 * the minimum over <em>active</em> inputs, and never decreases. Idle inputs are ignored until they become active;
 * if all inputs are idle, the combination is idle too. An input that ended counts as watermark END_OF_TIME.
 * Its snapshot holds every input's watermark and idle flag and the combined watermark.
 */
public final class WatermarkCombiner implements Checkpointed {
    private final long[] watermarks;
    private final boolean[] idle;
    private long combined = Watermarks.UNKNOWN;
    private boolean allIdle;

    public WatermarkCombiner(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("need at least one input");
        }
        watermarks = new long[inputs];
        idle = new boolean[inputs];
        java.util.Arrays.fill(watermarks, Watermarks.UNKNOWN);
    }

    /**
     * Records input {@code i}'s watermark. Returns true if the combined watermark advanced.
     */
    public boolean update(int input, long watermarkMillis) {
        if (watermarkMillis > watermarks[input]) {
            watermarks[input] = watermarkMillis;
        }
        return recompute();
    }

    /** Marks input {@code i} idle or active. Returns true if the combined watermark advanced. */
    public boolean setIdle(int input, boolean isIdle) {
        idle[input] = isIdle;
        return recompute();
    }

    private boolean recompute() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i]) {
                anyActive = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        allIdle = !anyActive;
        if (anyActive && min > combined) {
            combined = min;
            return true;
        }
        return false;
    }

    /** The combined watermark (monotonic). */
    public long combined() {
        return combined;
    }

    /** Whether every input is idle. */
    public boolean allIdle() {
        return allIdle;
    }

    public boolean isIdle(int input) {
        return idle[input];
    }

    /** Per-input watermarks and idle flags, and the combined (last emitted) watermark. */
    private record Snapshot(long[] watermarks, boolean[] idle, long combined) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(watermarks.clone(), idle.clone(), combined);
    }

    /**
     * Combines the snapshots of several tasks (a rescale): each input's watermark is its smallest over them (and so is
     * the combined one); every input starts active.
     */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.Arrays.fill(watermarks, Long.MAX_VALUE);
        combined = Long.MAX_VALUE;
        for (Object state : states) {
            Snapshot s = Snapshots.expect(state, Snapshot.class, "watermark combiner");
            if (s.watermarks().length != watermarks.length) {
                throw new IllegalArgumentException("the snapshot combines " + s.watermarks().length
                        + " inputs, this combiner " + watermarks.length);
            }
            for (int i = 0; i < watermarks.length; i++) {
                watermarks[i] = Math.min(watermarks[i], s.watermarks()[i]);
            }
            combined = Math.min(combined, s.combined());
        }
        java.util.Arrays.fill(idle, false);
        allIdle = false;
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "watermark combiner");
        if (s.watermarks().length != watermarks.length || s.idle().length != idle.length) {
            throw new IllegalArgumentException("the snapshot combines " + s.watermarks().length
                    + " inputs, this combiner " + watermarks.length);
        }
        System.arraycopy(s.watermarks(), 0, watermarks, 0, watermarks.length);
        System.arraycopy(s.idle(), 0, idle, 0, idle.length);
        combined = s.combined();
        boolean all = true;
        for (boolean i : idle) {
            all &= i;
        }
        allIdle = all;
    }
}
