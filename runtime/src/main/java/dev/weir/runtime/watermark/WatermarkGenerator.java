package dev.weir.runtime.watermark;

/**
 * Produces the watermark of one source partition from the timestamps it sees. Not thread-safe: one per partition.
 * A generator that keeps state across events (the largest timestamp seen) implements
 * {@link dev.weir.runtime.checkpoint.Checkpointed}; a snapshot of a source with another generator fails.
 */
public interface WatermarkGenerator {
    /** Observes an element's event timestamp. Returns a new watermark to emit now, or {@link #NONE}. */
    long onEvent(long timestampMillis);

    /** Called at every periodic emission; returns the current watermark. */
    long currentWatermark();

    /** Returned by {@link #onEvent} when the generator emits only periodically. */
    long NONE = Long.MIN_VALUE;
}
