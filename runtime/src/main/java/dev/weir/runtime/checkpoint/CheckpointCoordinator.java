package dev.weir.runtime.checkpoint;

/**
 * Decides when a task checkpoints and what happens with the snapshot (store it, commit a Kafka transaction that
 * names it). Called by the engine on its own thread between batches, so nothing is processed while it runs.
 */
public interface CheckpointCoordinator {
    /** Never checkpoints. */
    CheckpointCoordinator NONE = new CheckpointCoordinator() {
        @Override
        public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
        }

        @Override
        public void onEndOfInput(Checkpointer checkpointer) {
        }
    };

    /**
     * After every batch (and idle iteration) of the engine loop.
     *
     * @param nowMillis processing time read by the engine loop for this iteration
     */
    void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception;

    /** Once, after every source ended and the end of input went through all operators, before they close. */
    void onEndOfInput(Checkpointer checkpointer) throws Exception;
}
