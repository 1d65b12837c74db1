package dev.weir.runtime.state;

/**
 * A snapshot of keyed state that names files in a backend's own format instead of holding the state (RocksDB
 * checkpoints and native savepoints): only a backend of that kind can restore it.
 */
public interface NativeStateHandle {
    /** The kind of backend that wrote it and can restore it, for messages (e.g. {@code "RocksDB"}). */
    String backendKind();

    /** The message for a backend of another kind asked to restore this handle. */
    default String notRestorableBy(String backend) {
        return "the snapshot holds " + backendKind() + " files, which the " + backend + " cannot read: a native "
                + "snapshot restores into the " + backendKind() + " backend only (to change the state backend, take "
                + "a canonical savepoint: weir savepoint --format canonical)";
    }
}
