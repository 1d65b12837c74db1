package dev.weir.runtime.watermark;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.operator.Watermarks;

/**
 * Watermark = (largest timestamp seen) - bound - 1 ms. An event is then on time if it is at most {@code bound}
 * older than the newest event seen. Example, bound 1 s: after seeing 10:00:05.000 the watermark is 10:00:03.999,
 * so an event at 10:00:04.000 is still on time and one at 10:00:03.999 is late. Costs {@code bound} of latency.
 * Its snapshot is the largest timestamp seen.
 */
public final class BoundedOutOfOrderness implements WatermarkGenerator, Checkpointed {
    private final long boundMillis;
    private final boolean emitPerEvent;
    private long maxTimestamp;

    /**
     * @param boundMillis  how far out of order events may arrive, milliseconds; 0 for in-order input
     * @param emitPerEvent whether to emit after every event (deterministic, for tests) instead of periodically
     */
    public BoundedOutOfOrderness(long boundMillis, boolean emitPerEvent) {
        if (boundMillis < 0) {
            throw new IllegalArgumentException("out-of-orderness bound must be >= 0");
        }
        this.boundMillis = boundMillis;
        this.emitPerEvent = emitPerEvent;
        this.maxTimestamp = Long.MIN_VALUE + boundMillis + 1;
    }

    @Override
    public long onEvent(long timestampMillis) {
        if (timestampMillis > maxTimestamp) {
            maxTimestamp = timestampMillis;
        }
        return emitPerEvent ? currentWatermark() : NONE;
    }

    @Override
    public long currentWatermark() {
        long w = maxTimestamp - boundMillis - 1;
        return w < Watermarks.UNKNOWN + 1 ? Watermarks.UNKNOWN : w;
    }

    @Override
    public Object snapshotState() {
        return maxTimestamp;
    }

    @Override
    public void restoreState(Object state) {
        maxTimestamp = Snapshots.expect(state, Long.class, "bounded-out-of-orderness watermark generator");
    }
}
