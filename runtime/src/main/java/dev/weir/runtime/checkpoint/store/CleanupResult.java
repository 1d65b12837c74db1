package dev.weir.runtime.checkpoint.store;

/**
 * What {@link CheckpointStorage#retainLatest} deleted.
 *
 * @param checkpointsDeleted completed checkpoints deleted (leftovers of incomplete ones not counted)
 * @param filesDeleted       shared file objects deleted because no retained checkpoint references them
 */
public record CleanupResult(int checkpointsDeleted, int filesDeleted) {
}
