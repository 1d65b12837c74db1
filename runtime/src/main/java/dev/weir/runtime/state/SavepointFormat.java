package dev.weir.runtime.state;

/**
 * How a savepoint stores keyed state (as Flink's {@code --type canonical|native}). Both formats restore at any
 * parallelism (key groups are redistributed) and with upgraded functions (state values are written in an evolvable
 * form either way).
 */
public enum SavepointFormat {
    /**
     * Every key, namespace, value and timer decoded into objects and encoded by the savepoint codec: restores into
     * any state backend (heap ↔ RocksDB), but the task materializes its whole state on the heap while it takes or
     * restores the savepoint, so the state must fit in memory.
     */
    CANONICAL,
    /**
     * Backends that keep state in native files (RocksDB) copy those files into the savepoint; a restore copies each
     * key-group range raw (bytes, no decoding) into the new task's database. Memory stays bounded however large the
     * state, and taking it costs a flush and hard links. Restores into the same kind of backend only; the heap
     * backend, which has no native files, writes its canonical form.
     */
    NATIVE
}
