package dev.weir.runtime.checkpoint;

/** Takes a snapshot of a running task, now. Handed out by the engine; call it on the engine thread only. */
@FunctionalInterface
public interface Checkpointer {
    /**
     * Encodes the state of every operator and source of the task as it is between the last batch and the next
     * one. Restoring these bytes and replaying the input from the sources' positions at this moment gives the
     * same results as never having stopped.
     */
    byte[] snapshot();

    /**
     * The task's part of a savepoint: like {@link #snapshot()}, in the savepoint format ({@link StateCodec#forSavepoints}:
     * state classes may evolve), without the state of drained sources (shuffles), so that the parts of all tasks
     * restore into a run of any parallelism. State backends must have been asked for portable state first
     * ({@code StateBackendFactory.prepareSavepoint()}).
     */
    default byte[] savepoint() {
        throw new UnsupportedOperationException("this checkpointer takes no savepoints");
    }

    /**
     * First step of a stop-with-savepoint: stops reading every source whose position a savepoint keeps (all but
     * the drained ones, see {@code Source.drainedBySavepoint()}) for the rest of the run.
     */
    default void suspendSources() {
        throw new UnsupportedOperationException("this checkpointer cannot suspend sources");
    }
}
