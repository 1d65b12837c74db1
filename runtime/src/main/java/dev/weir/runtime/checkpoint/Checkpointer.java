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
}
