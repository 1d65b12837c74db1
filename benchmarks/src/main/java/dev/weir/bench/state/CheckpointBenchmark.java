package dev.weir.bench.state;

import dev.weir.bench.Format;
import dev.weir.bench.state.CheckpointResults.CheckpointRun;
import dev.weir.bench.state.CheckpointResults.FileInfo;
import dev.weir.bench.state.CheckpointResults.Fill;
import dev.weir.bench.state.CheckpointResults.ProcessRecovery;
import dev.weir.bench.state.CheckpointResults.Recovery;
import dev.weir.bench.state.CheckpointResults.Settle;
import dev.weir.bench.state.CheckpointResults.Update;
import dev.weir.runtime.checkpoint.store.CheckpointStorage;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.UploadResult;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.state.rocksdb.RocksDbCheckpointHandle;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checkpoint and recovery measurements on a RocksDB backend filled directly (no engine), against a real
 * object store:
 * <ol>
 *   <li>fill {@code keys} keys with {@code valueBytes}-byte values; checkpoint 1 (full): native checkpoint, then
 *       upload of every file;</li>
 *   <li>update a fraction of the keys; checkpoint 2 at once (incremental: only files the store lacks are
 *       uploaded);</li>
 *   <li>optionally wait until background compactions settle and checkpoint again (3), to show what a compaction
 *       costs the next incremental checkpoint;</li>
 *   <li>recovery: a fresh store client restores checkpoint 2 into an empty directory, opens a backend from it and
 *       reads a key; optionally the same in a fresh JVM after kill -9 of one holding the state
 *       ({@link RecoveryChild}).</li>
 * </ol>
 * The objects go under {@code bench/<run id>/task-0} and are deleted at the end unless kept.
 */
final class CheckpointBenchmark {
    private static final Duration STABLE_FOR = Duration.ofSeconds(5);

    private final StateBenchmarkOptions options;
    private final ObjectStore store;
    private final StateRestore.Connector connector;
    private final String taskPrefix;
    private final Path work;
    private final PrintStream err;
    private final StateValues values;

    /**
     * @param store     where the checkpoints go
     * @param connector opens a new connection to the same store for the recovery (a restarted task has none)
     */
    CheckpointBenchmark(StateBenchmarkOptions options, ObjectStore store, StateRestore.Connector connector,
                        String taskPrefix, Path work, PrintStream err) {
        this.options = options;
        this.store = store;
        this.connector = connector;
        this.taskPrefix = taskPrefix;
        this.work = work;
        this.err = err;
        this.values = new StateValues(options.stateKeys(), options.valueBytes());
    }

    /**
     * Runs the checkpoint part and, if {@code recovery}, the in-process recovery; {@code processRecovery} runs the
     * kill -9 measurement (given the means to fork a JVM).
     */
    CheckpointResults run(boolean recovery, Optional<RecoveryChild.Launcher> processRecovery) throws Exception {
        return run(recovery, processRecovery, Optional.empty());
    }

    /**
     * {@link #run(boolean, Optional)}, and with {@code savepoint} a native savepoint of the state after the last round
     * and its restore at parallelism 2.
     */
    CheckpointResults run(boolean recovery, Optional<RecoveryChild.Launcher> processRecovery,
                          Optional<SavepointBenchmark> savepoint) throws Exception {
        CheckpointResults.SavepointTaken taken = null;
        CheckpointStorage storage = new CheckpointStorage(store, taskPrefix);
        Path local = work.resolve("local");
        Path checkpoints = work.resolve("checkpoints");
        List<CheckpointRun> runs = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        List<Settle> settles = new ArrayList<>();
        Fill fill;
        String restoreName;
        try (RocksDbStateBackendFactory factory = new RocksDbStateBackendFactory(RocksDbOptions.defaults(local)
                .withMemory(options.blockCacheBytes(), options.writeBufferBytes()))) {
            KeyedStateBackend<Long> backend = factory.create(StateRestore.OPERATOR, StateRestore.KEY_GROUPS,
                    KeyGroupRange.all(StateRestore.KEY_GROUPS));
            NamespacedValueState<Object, byte[]> state = backend.valueState(StateRestore.STATE, byte[].class);
            Path db = local.resolve("db").resolve(RocksDbStateBackendFactory.directoryName(StateRestore.OPERATOR));

            fill = fill(backend, state, factory, local);
            long id = 1;
            if (!options.settle().isZero()) {
                settles.add(settle("after the fill", db));
            }
            runs.add(checkpoint(id, id + ": full" + (options.settle().isZero() ? ", right after the fill"
                    : ", after the fill's compactions settled"), factory, backend, storage, checkpoints));
            long perRound = options.updatedKeys();
            byte[] value = new byte[values.valueBytes()];
            for (int round = 1; round <= options.rounds(); round++) {
                err.printf("round %d: updating %,d keys (%s)%n", round, perRound, percent(options.updateFraction()));
                long u0 = System.nanoTime();
                for (long n = (round - 1) * perRound; n < round * perRound; n++) {
                    long key = values.updatedKey(n);
                    backend.setCurrentKey(key);
                    values.fill(value, key, round);
                    state.put(VoidNamespace.INSTANCE, value);
                }
                updates.add(new Update(round, perRound, System.nanoTime() - u0));
                id++;
                runs.add(checkpoint(id, id + ": round " + round + ", right after " + percent(options.updateFraction())
                        + " of the keys changed", factory, backend, storage, checkpoints));
            }
            restoreName = runs.get(runs.size() - 1).name();
            if (!options.settle().isZero()) {
                settles.add(settle("after the last round (no new writes)", db));
                id++;
                runs.add(checkpoint(id, id + ": after the compactions settled, no new writes", factory, backend,
                        storage, checkpoints));
            }
            if (savepoint.isPresent()) {
                taken = savepoint.get().take(factory, backend);
            }
        }
        deleteTree(local);
        deleteTree(checkpoints);

        Optional<Recovery> rec = Optional.empty();
        Optional<ProcessRecovery> proc = Optional.empty();
        if (recovery) {
            rec = Optional.of(recover(restoreName));
            if (processRecovery.isPresent()) {
                proc = Optional.of(processRecovery.get().measure(restoreName, values.updatedKey(0)));
            }
        }
        Optional<CheckpointResults.Savepoint> sp = Optional.empty();
        if (taken != null) {
            sp = Optional.of(new CheckpointResults.Savepoint(taken, savepoint.get().restoreAtParallelismTwo()));
        }
        return new CheckpointResults(fill, updates, runs, settles, rec, proc, sp);
    }

    private Fill fill(KeyedStateBackend<Long> backend, NamespacedValueState<Object, byte[]> state,
                      RocksDbStateBackendFactory factory, Path local) {
        long keys = values.keys();
        err.printf("filling %,d keys with %d-byte values%n", keys, values.valueBytes());
        long t0 = System.nanoTime();
        long lastReport = t0;
        byte[] value = new byte[values.valueBytes()];
        for (long k = 0; k < keys; k++) {
            backend.setCurrentKey(k);
            values.fill(value, k, 0);
            state.put(VoidNamespace.INSTANCE, value);
            if ((k & 0xFFFF) == 0 && System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                err.printf("  %,d keys in %.0f s, %s puts/s, database %,d MB on disk%n", k,
                        (lastReport - t0) / 1e9, Format.rate(k * 1e9 / (lastReport - t0)),
                        ProcessStats.treeBytes(local, "") >> 20);
            }
        }
        long nanos = System.nanoTime() - t0;
        long disk = ProcessStats.treeBytes(local, "");
        long nativeBytes = factory.nativeMemory().blockCacheBytes();
        err.printf("filled in %.1f s (%s puts/s), %,d MB on disk%n", nanos / 1e9, Format.rate(keys * 1e9 / nanos),
                disk >> 20);
        return new Fill(keys, values.valueBytes(), nanos, keys * 1e9 / nanos, disk, nativeBytes);
    }

    private CheckpointRun checkpoint(long id, String label, RocksDbStateBackendFactory factory,
                                     KeyedStateBackend<Long> backend, CheckpointStorage storage, Path checkpoints)
            throws IOException {
        Path dir = checkpoints.resolve("chk-" + id);
        factory.prepareCheckpoint(dir);
        long t0 = System.nanoTime();
        RocksDbCheckpointHandle handle = (RocksDbCheckpointHandle) backend.snapshotState();
        long sync = System.nanoTime() - t0;
        String sub = RocksDbStateBackendFactory.directoryName(StateRestore.OPERATOR);
        Map<String, Path> files = new TreeMap<>();
        for (String f : handle.files()) {
            files.put(sub + "/" + f, dir.resolve(sub).resolve(f));
        }
        String name = "chk-" + id + "-bench";
        UploadResult up = storage.upload(id, name, StateRestore.metadataOf(handle), files);
        long total = 0;
        int sst = 0;
        for (Path p : files.values()) {
            total += Files.size(p);
            sst += p.getFileName().toString().endsWith(".sst") ? 1 : 0;
        }
        List<FileInfo> uploaded = uploadedFiles(up, id, files);
        long digest = digestAll(files.values());
        CheckpointRun run = new CheckpointRun(label, id, name, sync, up.duration().toNanos(), digest, files.size(),
                sst, total, up.filesUploaded(), up.filesReused(), up.bytesUploaded(), uploaded);
        err.printf("checkpoint %s: sync %.3f s, upload %.3f s (SHA-256 of all files alone: %.3f s); %d of %d files "
                        + "uploaded, %,d of %,d bytes (%.2f%%)%n", label, sync / 1e9, up.duration().toNanos() / 1e9,
                digest / 1e9, up.filesUploaded(), files.size(), up.bytesUploaded(), total,
                100.0 * run.uploadedFraction());
        deleteTree(dir); // hard links: the database keeps its files
        return run;
    }

    /** The files of this checkpoint whose content was new to the store (its manifest names them all). */
    private List<FileInfo> uploadedFiles(UploadResult up, long id, Map<String, Path> files) throws IOException {
        Set<String> earlier = new HashSet<>();
        for (var m : new CheckpointStorage(store, taskPrefix).completedCheckpoints()) {
            if (m.checkpointId() < id) {
                m.files().values().forEach(r -> earlier.add(r.sha256()));
            }
        }
        List<FileInfo> out = new ArrayList<>();
        up.manifest().files().forEach((path, ref) -> {
            if (!earlier.contains(ref.sha256())) {
                out.add(new FileInfo(path.substring(path.indexOf('/') + 1), ref.size()));
            }
        });
        return out;
    }

    /** Waits until the SST files have not changed for {@link #STABLE_FOR}, at most {@code settle}. */
    private Settle settle(String label, Path db) throws InterruptedException {
        err.printf("%s: waiting up to %d s for background compactions to settle%n", label,
                options.settle().toSeconds());
        Map<String, Long> start = ssts(db);
        long t0 = System.nanoTime();
        long deadline = t0 + options.settle().toNanos();
        Map<String, Long> last = start;
        long lastChange = t0;
        boolean stable = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            Map<String, Long> now = ssts(db);
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange >= STABLE_FOR.toNanos()) {
                stable = true;
                break;
            }
        }
        Settle s = new Settle(label, System.nanoTime() - t0, stable, start.size(),
                start.values().stream().mapToLong(Long::longValue).sum(), last.size(),
                last.values().stream().mapToLong(Long::longValue).sum());
        err.printf("  SST files %d (%,d MB) -> %d (%,d MB)%s%n", s.sstFilesBefore(), s.sstBytesBefore() >> 20,
                s.sstFilesAfter(), s.sstBytesAfter() >> 20, stable ? ", stable" : ", still changing");
        return s;
    }

    private Recovery recover(String name) throws Exception {
        Path restoreDir = work.resolve("restore");
        Path local = work.resolve("restore-local");
        deleteTree(restoreDir);
        err.println("recovery: restoring " + name + " into an empty directory");
        try (StateRestore r = StateRestore.restore(connector, taskPrefix, name, restoreDir, local,
                options.blockCacheBytes(), options.writeBufferBytes())) {
            long key = values.updatedKey(0);
            long t0 = System.nanoTime();
            r.backend.setCurrentKey(key);
            byte[] first = r.state.get(VoidNamespace.INSTANCE);
            long firstGet = System.nanoTime() - t0;
            boolean ok = Arrays.equals(first, values.value(key, 1));
            long touched = options.updatedKeys() * options.rounds();
            if (touched < values.keys()) {
                long untouched = values.updatedKey(touched); // a permutation: not among the updated ones
                r.backend.setCurrentKey(untouched);
                ok &= Arrays.equals(r.state.get(VoidNamespace.INSTANCE), values.value(untouched, 0));
            }
            int gets = 10_000;
            long g0 = System.nanoTime();
            long found = 0;
            for (int i = 0; i < gets; i++) {
                long k = KeyedCountWorkload.mix(i) >>> 1;
                r.backend.setCurrentKey(k % values.keys());
                found += r.state.get(VoidNamespace.INSTANCE) != null ? 1 : 0;
            }
            double rate = gets * 1e9 / (System.nanoTime() - g0);
            ok &= found == gets;
            Recovery rec = new Recovery(name, r.connectNanos, r.downloadNanos, r.files, r.bytes, r.openNanos,
                    firstGet, ok, rate);
            err.printf("recovery: connect %.3f s, download+verify %.3f s (%,d MB), open %.3f s, first get %.3f ms; "
                            + "total %.3f s; values %s; then %s random gets/s%n", rec.connectNanos() / 1e9,
                    rec.downloadNanos() / 1e9, rec.bytes() >> 20, rec.openNanos() / 1e9, rec.firstGetNanos() / 1e6,
                    rec.totalNanos() / 1e9, ok ? "verified" : "WRONG", Format.rate(rate));
            return rec;
        } finally {
            deleteTree(restoreDir);
            deleteTree(local);
        }
    }

    static long digestAll(Iterable<Path> files) throws IOException {
        long t0 = System.nanoTime();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path p : files) {
            md.reset();
            try (InputStream in = Files.newInputStream(p)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    md.update(buffer, 0, n);
                }
            }
            md.digest();
        }
        return System.nanoTime() - t0;
    }

    /** SST file names and sizes in {@code db} now. */
    static Map<String, Long> ssts(Path db) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(db)) {
            files.filter(p -> p.getFileName().toString().endsWith(".sst")).sorted().forEach(p -> {
                try {
                    out.put(p.getFileName().toString(), Files.size(p));
                } catch (IOException e) {
                    // deleted by a compaction meanwhile
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
