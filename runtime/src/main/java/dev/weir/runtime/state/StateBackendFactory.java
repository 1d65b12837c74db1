package dev.weir.runtime.state;

import java.nio.file.Path;

/**
 * Creates the keyed state backend of each keyed operator of a task: the heap ({@link #HEAP}) or RocksDB. One factory
 * per task run; it owns what it creates and closes it with {@link #close()} after the operators closed.
 */
public interface StateBackendFactory extends AutoCloseable {
    /** Keeps state in hash maps on the heap; nothing to close. */
    StateBackendFactory HEAP = new StateBackendFactory() {
        @Override
        public <K> KeyedStateBackend<K> create(String operator, KeyGroupAssigner assigner, KeyGroupRange keyGroups) {
            return new dev.weir.runtime.state.heap.HeapKeyedStateBackend<>(assigner, keyGroups);
        }

        @Override
        public String toString() {
            return "heap";
        }
    };

    /**
     * The backend of {@code operator} (a node name, unique in the pipeline and stable across restarts: it names the
     * operator's state in checkpoints).
     *
     * @param assigner how the operator's keys are put into key groups
     * @param keyGroups the key groups this task owns
     */
    <K> KeyedStateBackend<K> create(String operator, KeyGroupAssigner assigner, KeyGroupRange keyGroups);

    /** {@link #create(String, KeyGroupAssigner, KeyGroupRange)} with keys put into key groups by hash. */
    default <K> KeyedStateBackend<K> create(String operator, int numberOfKeyGroups, KeyGroupRange keyGroups) {
        return create(operator, KeyGroups.hashing(numberOfKeyGroups), keyGroups);
    }

    /**
     * Before the snapshot of a checkpoint: backends that keep state in native files (RocksDB) write a checkpoint of
     * those files under {@code directory} (which does not exist yet) and return handles naming them from
     * {@code snapshotState()}, so the checkpoint can ship the files incrementally. Heap backends ignore it.
     */
    default void prepareCheckpoint(Path directory) {
    }

    /** {@code prepareSavepoint(CANONICAL, null)}. */
    default void prepareSavepoint() {
        prepareSavepoint(SavepointFormat.CANONICAL, null);
    }

    /**
     * Before the snapshot of a savepoint. {@link SavepointFormat#CANONICAL}: every backend returns its state as a
     * self-contained, portable {@link KeyedStateSnapshot} (entries by key group), which any backend of any
     * parallelism can restore. {@link SavepointFormat#NATIVE}: backends with native files copy them under
     * {@code directory} (which does not exist yet; the caller stores what is under it with the savepoint) and return
     * handles naming them; backends without (the heap) return their canonical state.
     */
    default void prepareSavepoint(SavepointFormat format, Path directory) {
    }

    /**
     * Before any backend is created, when a task restores a savepoint: the directories that hold the native files
     * of its parts (one per part whose key groups overlap the task's; what {@code prepareSavepoint(NATIVE, dir)}
     * wrote under {@code dir}, downloaded). Backends restoring a native handle look for its files there. Heap
     * backends ignore it.
     */
    default void restoreSavepointFiles(java.util.List<Path> partDirectories) {
    }

    /**
     * Before any backend is created, when a task restores a checkpoint whose native files were put into
     * {@code directory}: backends open their state from there. Heap backends ignore it.
     */
    default void restoreFrom(Path directory) {
    }

    /** Native (off-heap) memory the backends hold now, in bytes; 0 for heap backends. Any thread may call it. */
    default long nativeMemoryBytes() {
        return 0;
    }

    /** Releases every backend this factory created (native memory, files). */
    @Override
    default void close() {
    }
}
