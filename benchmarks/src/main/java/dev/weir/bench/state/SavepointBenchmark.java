package dev.weir.bench.state;

import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.RestoredCheckpoint;
import dev.weir.runtime.checkpoint.store.SavepointStorage;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.SavepointFormat;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbSavepointHandle;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A native savepoint of the checkpoint workload's state and its restore at parallelism 2, against the real object
 * store: what rescaling a RocksDB pipeline through a savepoint costs. The state's backend owns every key group (one
 * task); each of the two restoring backends downloads the part and copies its half of the key groups raw.
 */
final class SavepointBenchmark {
    private final ObjectStore store;
    private final String path;
    private final Path work;
    private final PrintStream err;
    private final StateValues values;
    private final StateBenchmarkOptions options;
    /** The savepoint's handle, once taken. */
    private RocksDbSavepointHandle handle;
    SavepointBenchmark(StateBenchmarkOptions options, ObjectStore store, String path, Path work, PrintStream err) {
        this.options = options;
        this.store = store;
        this.path = path;
        this.work = work;
        this.err = err;
        this.values = new StateValues(options.stateKeys(), options.valueBytes());
    }

    /**
     * Takes the savepoint of {@code backend} (of {@code factory}) and stores it: the sync part, then the upload. The
     * metadata is the file list (the engine's would be a few hundred bytes more).
     */
    CheckpointResults.SavepointTaken take(RocksDbStateBackendFactory factory, KeyedStateBackend<Long> backend)
            throws IOException {
        Path dir = work.resolve("savepoint");
        factory.prepareSavepoint(SavepointFormat.NATIVE, dir);
        long t0 = System.nanoTime();
        RocksDbSavepointHandle handle = (RocksDbSavepointHandle) backend.snapshotState();
        long sync = System.nanoTime() - t0;
        Map<String, Path> files = new TreeMap<>();
        long bytes = 0;
        for (String f : handle.files()) {
            Path file = dir.resolve(handle.directory()).resolve(f);
            files.put(handle.directory() + "/" + f, file);
            bytes += Files.size(file);
        }
        long u0 = System.nanoTime();
        new SavepointStorage(store).write(path, "bench", 1, String.join("\n", handle.files()).getBytes(java.nio.charset.StandardCharsets.UTF_8), files);
        long upload = System.nanoTime() - u0;
        CheckpointBenchmark.deleteTree(dir);
        err.printf("savepoint (native): sync %.3f s, upload %.3f s, %d files, %,d MB%n", sync / 1e9, upload / 1e9,
                files.size(), bytes >> 20);
        this.handle = handle;
        return new CheckpointResults.SavepointTaken(sync, upload, files.size(), bytes);
    }

    /**
     * Restores the savepoint into two backends (the key groups of tasks 0 and 1 of 2), one after the other, each in
     * a new directory: download and verify the part, copy the task's key groups, check a sample of values.
     */
    List<CheckpointResults.SavepointRestore> restoreAtParallelismTwo() throws IOException {
        List<CheckpointResults.SavepointRestore> restores = new ArrayList<>();
        long total = 0;
        for (int task = 0; task < 2; task++) {
            KeyGroupRange range = KeyGroups.rangeOf(StateRestore.KEY_GROUPS, 2, task);
            Path download = work.resolve("savepoint-restore-" + task);
            Path local = work.resolve("savepoint-state-" + task);
            long d0 = System.nanoTime();
            RestoredCheckpoint part = new SavepointStorage(store).restore(path, download);
            long downloadNanos = System.nanoTime() - d0;
            long downloaded = ProcessStats.treeBytes(download, "");
            try (RocksDbStateBackendFactory factory = new RocksDbStateBackendFactory(RocksDbOptions.defaults(local)
                    .withMemory(options.blockCacheBytes(), options.writeBufferBytes()))) {
                factory.restoreSavepointFiles(List.of(part.directory()));
                KeyedStateBackend<Long> backend = factory.create(StateRestore.OPERATOR, StateRestore.KEY_GROUPS, range);
                long c0 = System.nanoTime();
                backend.restoreState(handle);
                long copyNanos = System.nanoTime() - c0;
                long entries = backend.entryCount();
                total += entries;
                boolean ok = sampleMatches(backend, range);
                restores.add(new CheckpointResults.SavepointRestore(task, range.startInclusive(), range.endInclusive(),
                        downloadNanos, downloaded, copyNanos, entries, ok));
                err.printf("savepoint restore, task %d of 2 (key groups %d-%d): download+verify %.3f s (%,d MB), copy "
                                + "%.3f s (%,d entries, %s entries/s); sample %s%n", task, range.startInclusive(),
                        range.endInclusive(), downloadNanos / 1e9, downloaded >> 20, copyNanos / 1e9, entries,
                        dev.weir.bench.Format.rate(entries * 1e9 / copyNanos), ok ? "verified" : "WRONG");
            } finally {
                CheckpointBenchmark.deleteTree(download);
                CheckpointBenchmark.deleteTree(local);
            }
        }
        if (total != values.keys()) {
            err.printf("savepoint restore: the two tasks hold %,d entries, the state had %,d: WRONG%n", total,
                    values.keys());
            restores.replaceAll(r -> r.withVerified(false));
        }
        store.delete(store.list("savepoints/" + path + "/"));
        return restores;
    }

    /** Every 101st key of the update permutation that falls into {@code range} has the value it was last given. */
    private boolean sampleMatches(KeyedStateBackend<Long> backend, KeyGroupRange range) {
        NamespacedValueState<Object, byte[]> state = backend.valueState(StateRestore.STATE, byte[].class);
        long touched = options.updatedKeys() * options.rounds();
        long checked = 0;
        for (long n = 0; n < values.keys(); n += 101) {
            long key = values.updatedKey(n);
            if (!range.contains(KeyGroups.of(key, StateRestore.KEY_GROUPS))) {
                continue;
            }
            int version = n < touched ? (int) (n / options.updatedKeys()) + 1 : 0;
            backend.setCurrentKey(key);
            if (!Arrays.equals(state.get(VoidNamespace.INSTANCE), values.value(key, version))) {
                return false;
            }
            checked++;
        }
        return checked > 0;
    }
}
