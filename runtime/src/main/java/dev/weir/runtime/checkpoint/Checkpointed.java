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

    /**
     * Restores the states that several tasks' instances of this piece took for one savepoint, into the instance of
     * a task of a possibly different parallelism (a rescale): keyed state and timers of this task's key groups come
     * from whichever snapshot has them, source partitions from the snapshot that read them, and per-task values
     * are combined conservatively (watermarks: the minimum). Called instead of {@link #restoreState}, once.
     *
     * <p>The default restores a single state and refuses several: a piece whose state cannot be split or combined.
     *
     * @param states the non-null states, one per old task that had any
     * @throws IllegalArgumentException if the states cannot be combined
     */
    default void restoreStates(java.util.List<Object> states) {
        if (states.size() != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot combine the state of "
                    + states.size() + " tasks (rescaling a pipeline with this operator is not supported)");
        }
        restoreState(states.get(0));
    }

    /** The smallest of the {@code long} values {@code f} gives for {@code states}: combines restored watermarks. */
    static <S> long minOf(java.util.List<S> states, java.util.function.ToLongFunction<S> f) {
        long min = Long.MAX_VALUE;
        for (S s : states) {
            min = Math.min(min, f.applyAsLong(s));
        }
        return min;
    }
}
