package dev.weir.bench.state;

import dev.weir.runtime.checkpoint.store.CheckpointStorage;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.RestoredCheckpoint;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.rocksdb.RocksDbCheckpointHandle;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Brings the checkpoint workload's state back from the object store into a fresh backend, timing each step: what a
 * restarted task does before it can process its first record. Used in-process and by {@link RecoveryChild}.
 */
final class StateRestore implements AutoCloseable {
    /** The operator (and directory) name of the checkpoint workload's state. */
    static final String OPERATOR = "state";
    static final String STATE = "payload";
    static final int KEY_GROUPS = 128;

    final long connectNanos;
    final long downloadNanos;
    final int files;
    final long bytes;
    final long openNanos;
    final RocksDbStateBackendFactory factory;
    final KeyedStateBackend<Long> backend;
    final NamespacedValueState<Object, byte[]> state;
    private final ObjectStore store;

    /** Opens a connection to the object store (for S3: a new client, which checks the bucket). */
    @FunctionalInterface
    interface Connector {
        ObjectStore connect() throws IOException;

        static Connector s3(S3Config config) {
            return () -> new S3ObjectStore(config);
        }
    }

    private StateRestore(long connectNanos, long downloadNanos, int files, long bytes, long openNanos,
                         RocksDbStateBackendFactory factory, KeyedStateBackend<Long> backend,
                         NamespacedValueState<Object, byte[]> state, ObjectStore store) {
        this.connectNanos = connectNanos;
        this.downloadNanos = downloadNanos;
        this.files = files;
        this.bytes = bytes;
        this.openNanos = openNanos;
        this.factory = factory;
        this.backend = backend;
        this.state = state;
        this.store = store;
    }

    /**
     * Connects to the store, downloads checkpoint {@code name} of {@code taskPrefix} into {@code restoreDir} (must
     * not exist or be empty), and opens a backend from it with its working directory in {@code localDir}.
     */
    static StateRestore restore(Connector connector, String taskPrefix, String name, Path restoreDir, Path localDir,
                                long blockCache, long writeBuffer) throws IOException {
        long t0 = System.nanoTime();
        ObjectStore store = connector.connect();
        CheckpointStorage storage = new CheckpointStorage(store, taskPrefix);
        long t1 = System.nanoTime();
        RestoredCheckpoint restored;
        try {
            restored = storage.restore(name, restoreDir);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        long t2 = System.nanoTime();
        long bytes = restored.manifest().files().values().stream().mapToLong(f -> f.size()).sum();
        RocksDbStateBackendFactory factory = new RocksDbStateBackendFactory(RocksDbOptions.defaults(localDir)
                .withMemory(blockCache, writeBuffer));
        factory.restoreFrom(restoreDir);
        KeyedStateBackend<Long> backend = factory.create(OPERATOR, KEY_GROUPS, KeyGroupRange.all(KEY_GROUPS));
        backend.restoreState(handleFromMetadata(restored.metadata()));
        NamespacedValueState<Object, byte[]> state = backend.valueState(STATE, byte[].class);
        long t3 = System.nanoTime();
        return new StateRestore(t1 - t0, t2 - t1, restored.manifest().files().size(), bytes, t3 - t2, factory,
                backend, state, store);
    }

    /** The metadata stored with each checkpoint: the handle's file names, one a line. */
    static byte[] metadataOf(RocksDbCheckpointHandle handle) {
        return String.join("\n", handle.files()).getBytes(StandardCharsets.UTF_8);
    }

    static RocksDbCheckpointHandle handleFromMetadata(byte[] metadata) {
        List<String> files = Arrays.stream(new String(metadata, StandardCharsets.UTF_8).split("\n"))
                .filter(s -> !s.isEmpty()).toList();
        return new RocksDbCheckpointHandle(OPERATOR, KEY_GROUPS, KeyGroupRange.all(KEY_GROUPS), files);
    }

    @Override
    public void close() throws IOException {
        try {
            factory.close();
        } finally {
            store.close();
        }
    }
}
