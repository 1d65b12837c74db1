package dev.weir.runtime.checkpoint;

/** Helpers for {@link Checkpointed#restoreState} implementations. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * {@code state} as a {@code type}, or a clear error if a snapshot holds state of another shape (e.g. of another
     * operator kind, restored into a pipeline whose operator of that name changed).
     *
     * @param owner what restores, for the message (e.g. "window operator")
     * @throws IllegalArgumentException if {@code state} is not a {@code type}
     */
    public static <T> T expect(Object state, Class<T> type, String owner) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("the snapshot holds state of another shape for this " + owner + ": expected "
                    + type.getName() + ", found " + (state == null ? "none" : state.getClass().getName()));
        }
        return type.cast(state);
    }
}
