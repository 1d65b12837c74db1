package dev.weir.runtime.checkpoint;

/**
 * Something whose state is part of a task's checkpoint: an operator (its keyed state, timers and current
 * watermark), a source reader (its position) or a watermark generator.
 *
 * <p>{@link #snapshotState()} is called on the engine thread between two batches and the result is encoded by
 * {@link StateCodec} before the next record is processed, so it may share objects with the live state.
 * {@link #restoreState} is called once, after construction and before {@code open()} and the first record.
 *
 * <p>A state is plain data (records, collections, arrays, boxed values and the user's own objects), not the object
 * itself: composite pieces nest the states of their parts (an operator's state holds its backend's, timers' and
 * combiner's). {@code restoreState} checks the shape it gets ({@link Snapshots#expect}) and throws
 * {@link IllegalArgumentException} with a clear message for state of another shape; the engine adds the operator's
 * name. The bytes are for the same code only: see {@link StateCodec} for what survives a change.
 */
public interface Checkpointed {
    /** The state as an object graph {@link StateCodec} can encode; {@code null} if there is nothing to keep. */
    Object snapshotState();

    /** Restores what {@link #snapshotState()} returned in an earlier run of the same pipeline. */
    void restoreState(Object state);
}
