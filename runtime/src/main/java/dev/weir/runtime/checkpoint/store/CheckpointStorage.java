package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one task in an {@link ObjectStore}, under the task prefix (e.g. {@code orders-pipeline/task-3}):
 * <pre>
 * &lt;taskPrefix&gt;/shared/&lt;sha256&gt;                 file contents, uploaded once, shared by checkpoints
 * &lt;taskPrefix&gt;/checkpoints/&lt;name&gt;/metadata       the checkpoint's metadata (engine snapshot)
 * &lt;taskPrefix&gt;/checkpoints/&lt;name&gt;/MANIFEST.json  written last: the checkpoint exists iff its manifest does
 * </pre>
 * Uploads are incremental: a file whose content is already stored (an immutable RocksDB SST file, say) is not
 * uploaded again. Restores verify every object's size and SHA-256. {@link #retainLatest} deletes old checkpoints and
 * the shared objects no retained checkpoint references.
 *
 * <p><b>One writer per task.</b> Only the task's current owner (fenced by its Kafka transactional id) may upload or
 * clean up, through one instance; a fenced owner must stop before its next cleanup (the coordinator cleans up only
 * after a successful commit). The storage remembers which shared objects exist (listed once, then kept up to date);
 * objects deleted behind its back are noticed only when a restore reports them missing.
 *
 * <p><b>Calls are serialized</b> (the methods are {@code synchronized}; the class is not built for concurrent use):
 * a cleanup on one thread waits for an upload on another, so it never deletes a shared object the upload counts
 * on.
 */
public final class CheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);

    private final ObjectStore store;
    private final CheckpointKeys keys;
    private final Clock clock;
    private final SavepointStorage savepoints;
    /** Keys of the shared objects known to exist; null until first needed. */
    private Set<String> knownShared;
    /** The highest checkpoint id uploaded or restored by this instance, 0 before any. */
    private long lastCheckpointId;
    private final FileDigests digests = new FileDigests();

    /**
     * @param store      where objects go (not closed by this class)
     * @param taskPrefix the task's key prefix, {@code /}-separated, e.g. {@code orders-pipeline/task-3}
     */
    public CheckpointStorage(ObjectStore store, String taskPrefix) {
        this(store, taskPrefix, Clock.systemUTC());
    }

    /** As {@link #CheckpointStorage(ObjectStore, String)}, with the clock for {@link CheckpointManifest#createdAt}. */
    public CheckpointStorage(ObjectStore store, String taskPrefix, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.keys = new CheckpointKeys(taskPrefix);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.savepoints = new SavepointStorage(store, clock);
    }

    /** The task prefix all keys of this storage start with. */
    public String taskPrefix() {
        return keys.taskPrefix();
    }

    /**
     * Stores a checkpoint: the files whose content is not stored yet, then the metadata, then the manifest. If this
     * fails or the process dies midway, the checkpoint does not exist (no manifest); {@link #retainLatest} removes
     * what was uploaded. The files must not change during the upload.
     *
     * @param checkpointId the checkpoint id, increasing per task
     * @param name         the checkpoint's name, one key segment (Weir uses {@code chk-<id>-<attempt>})
     * @param metadata     the metadata bytes (engine snapshot)
     * @param files        the checkpoint's local files by relative path ({@code /}-separated, e.g.
     *                     {@code window/000012.sst})
     */
    public synchronized UploadResult upload(long checkpointId, String name, byte[] metadata, Map<String, Path> files)
            throws IOException {
        long started = System.nanoTime();
        CheckpointKeys.checkName(name);
        Objects.requireNonNull(metadata, "metadata");
        TreeMap<String, Path> sorted = new TreeMap<>(files);
        sorted.keySet().forEach(LocalFiles::checkRelative);
        Set<String> known = knownShared();
        SortedMap<String, FileRef> refs = new TreeMap<>();
        int uploaded = 0;
        long bytes = 0;
        Map<String, Path> missing = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : sorted.entrySet()) {
            ContentDigest digest = digests.of(file.getValue());
            String key = keys.shared(digest.sha256());
            if (!known.contains(key) && missing.putIfAbsent(key, file.getValue()) == null) {
                uploaded++;
                bytes += digest.size();
            }
            refs.put(file.getKey(), new FileRef(key, digest.sha256(), digest.size()));
        }
        List<ParallelTransfers.Transfer> puts = new ArrayList<>();
        missing.forEach((key, file) -> puts.add(() -> store.put(key, file)));
        ParallelTransfers.runAll(puts, "weir-checkpoint-put");
        known.addAll(missing.keySet());
        ContentDigest metadataDigest = ContentDigest.of(metadata);
        FileRef metadataRef = new FileRef(keys.metadata(name), metadataDigest.sha256(), metadataDigest.size());
        store.put(metadataRef.objectKey(), metadata);
        CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT_VERSION, keys.taskPrefix(),
                checkpointId, name, clock.instant(), metadataRef, refs);
        store.put(keys.manifest(name), ManifestJson.write(manifest));
        lastCheckpointId = Math.max(lastCheckpointId, checkpointId);
        int digestsReused = digests.endUpload();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("uploaded checkpoint {} of task {}: {} files uploaded ({} bytes), {} reused ({} without hashing "
                + "again), in {} ms", name, keys.taskPrefix(), uploaded, bytes, sorted.size() - uploaded, digestsReused,
                took.toMillis());
        return new UploadResult(manifest, uploaded, sorted.size() - uploaded, bytes, took);
    }

    /**
     * The completed checkpoints (those with a manifest), ascending by checkpoint id (then name). Manifests that
     * cannot be parsed are skipped with a warning naming their key; transport errors are thrown.
     */
    public synchronized List<CheckpointManifest> completedCheckpoints() throws IOException {
        return completed(store.list(keys.checkpointsPrefix()));
    }

    /**
     * Restores checkpoint {@code name} into {@code targetDir} (created if missing; it should be empty: files at the
     * manifest's paths are replaced, others are left), verifying every file and the metadata.
     *
     * @throws CorruptCheckpointException naming the checkpoint, the file or object and what is wrong, when the
     *                                    manifest is missing or unreadable or an object is missing or mismatches
     */
    public synchronized RestoredCheckpoint restore(String name, Path targetDir) throws IOException {
        String subject = subject(name);
        try {
            CheckpointManifest manifest = ManifestRestorer.readManifest(store, keys.manifest(name), name, subject);
            RestoredCheckpoint restored = ManifestRestorer.restore(store, manifest, targetDir, subject);
            lastCheckpointId = Math.max(lastCheckpointId, manifest.checkpointId());
            return restored;
        } catch (CorruptCheckpointException e) {
            // a bad shared object must be uploaded again by the next checkpoint that contains its content
            e.objectKey().filter(k -> k.startsWith(keys.sharedPrefix())).ifPresent(k -> {
                if (knownShared != null) {
                    knownShared.remove(k);
                }
            });
            throw e;
        }
    }

    /**
     * Restores {@code preferredName} or, when it is unusable (missing or corrupt), the newest usable completed
     * checkpoint with a smaller id, logging one warning per fallback: restoring an older checkpoint means the output
     * committed after it may be produced again. Never picks a checkpoint newer than the preferred one. The id of a
     * preferred checkpoint whose manifest is unusable is read from its name ({@code chk-<id>-...}). {@code targetDir}
     * is emptied between attempts. Transport errors are thrown at once, without fallback.
     *
     * @throws CorruptCheckpointException listing every checkpoint tried and why it is unusable, when none is usable
     */
    public synchronized RestoredCheckpoint restoreNewestUsable(String preferredName, Path targetDir)
            throws IOException {
        CheckpointKeys.checkName(preferredName);
        List<CheckpointManifest> completed = completedCheckpoints();
        OptionalLong preferredId = completed.stream().filter(m -> m.name().equals(preferredName))
                .mapToLong(CheckpointManifest::checkpointId).findFirst();
        if (preferredId.isEmpty()) {
            preferredId = CheckpointKeys.idInName(preferredName);
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(preferredName);
        if (preferredId.isPresent()) {
            long below = preferredId.getAsLong();
            completed.stream().filter(m -> m.checkpointId() < below)
                    .sorted(Comparator.comparingLong(CheckpointManifest::checkpointId)
                            .thenComparing(CheckpointManifest::name).reversed())
                    .forEach(m -> candidates.add(m.name()));
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String name = candidates.get(i);
            try {
                return restore(name, targetDir);
            } catch (CorruptCheckpointException e) {
                failures.put(name, e.reason());
                LocalFiles.deleteContents(targetDir);
                if (i + 1 < candidates.size()) {
                    String next = candidates.get(i + 1);
                    LOG.warn("checkpoint {} of task {} is unusable ({}); falling back to checkpoint {} — output "
                            + "committed after {} may be repeated", name, keys.taskPrefix(), e.reason(), next, next);
                }
            }
        }
        StringBuilder tried = new StringBuilder();
        failures.forEach((name, reason) -> tried.append(tried.length() == 0 ? "" : "; ").append(name)
                .append(" (").append(reason).append(')'));
        String older = preferredId.isPresent() ? "" : "; no older checkpoint can be chosen: the id of "
                + preferredName + " is unknown";
        throw new CorruptCheckpointException("no usable checkpoint of task " + keys.taskPrefix() + ": tried "
                + tried + older);
    }

    /**
     * Keeps the newest {@code n} completed checkpoints and deletes the rest: first the older checkpoints' manifests
     * (so they stop existing at once), then their metadata, then leftovers of incomplete checkpoints (folders
     * without a readable manifest) whose id, read from the name, is below the newest retained checkpoint's or
     * unknown, and last every shared object that no retained manifest references. Does nothing while no checkpoint
     * is complete. Must not run concurrently with {@link #upload} (see the class comment).
     */
    public synchronized CleanupResult retainLatest(int n) throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("must retain at least one checkpoint, not " + n);
        }
        List<String> checkpointKeys = store.list(keys.checkpointsPrefix());
        List<CheckpointManifest> completed = completed(checkpointKeys);
        if (completed.isEmpty()) {
            return new CleanupResult(0, 0);
        }
        List<CheckpointManifest> retained = completed.subList(Math.max(0, completed.size() - n), completed.size());
        List<CheckpointManifest> dropped = completed.subList(0, completed.size() - retained.size());
        long newestRetainedId = retained.get(retained.size() - 1).checkpointId();

        store.delete(dropped.stream().map(m -> keys.manifest(m.name())).toList());
        Set<String> retainedNames = new HashSet<>();
        retained.forEach(m -> retainedNames.add(m.name()));
        Set<String> droppedNames = new HashSet<>();
        dropped.forEach(m -> droppedNames.add(m.name()));
        List<String> leftovers = new ArrayList<>();
        Set<String> incomplete = new TreeSet<>();
        for (String key : checkpointKeys) {
            String name = keys.nameOf(key).orElse(null);
            if (name == null || retainedNames.contains(name)) {
                continue;
            }
            if (droppedNames.contains(name)) {
                if (!keys.isManifest(key)) { // manifests are gone already
                    leftovers.add(key);
                }
            } else if (isOlderThan(name, newestRetainedId)) { // not a completed checkpoint
                leftovers.add(key);
                incomplete.add(name);
            }
        }
        store.delete(leftovers);

        Set<String> referenced = new HashSet<>();
        retained.forEach(m -> m.files().values().forEach(ref -> referenced.add(ref.objectKey())));
        List<String> orphans = store.list(keys.sharedPrefix()).stream().filter(k -> !referenced.contains(k)).toList();
        store.delete(orphans);
        if (knownShared != null) {
            orphans.forEach(knownShared::remove);
        }
        if (!incomplete.isEmpty()) {
            LOG.info("task {}: deleted the leftovers of incomplete checkpoints {}", keys.taskPrefix(), incomplete);
        }
        LOG.debug("task {}: kept checkpoints {}, deleted {} older checkpoints and {} unreferenced files",
                keys.taskPrefix(), retained.stream().map(CheckpointManifest::name).toList(), dropped.size(),
                orphans.size());
        return new CleanupResult(dropped.size(), orphans.size());
    }

    /**
     * Writes a self-contained savepoint of this task under {@code savepoints/<savepointPath>/} (see
     * {@link SavepointStorage#write}); its manifest carries this task's prefix and the highest checkpoint id this
     * instance uploaded or restored (0 before any).
     */
    public synchronized CheckpointManifest writeSavepoint(String savepointPath, byte[] metadata,
                                                          Map<String, Path> files) throws IOException {
        return savepoints.write(savepointPath, keys.taskPrefix(), lastCheckpointId, metadata, files);
    }

    /** Restores a savepoint (see {@link SavepointStorage#restore}). */
    public synchronized RestoredCheckpoint restoreSavepoint(String savepointPath, Path targetDir) throws IOException {
        return savepoints.restore(savepointPath, targetDir);
    }

    private List<CheckpointManifest> completed(List<String> checkpointKeys) throws IOException {
        List<CheckpointManifest> manifests = new ArrayList<>();
        for (String key : checkpointKeys) {
            if (!keys.isManifest(key)) {
                continue;
            }
            String name = keys.nameOf(key).orElseThrow();
            try {
                manifests.add(ManifestRestorer.readManifest(store, key, name, subject(name)));
            } catch (CorruptCheckpointException e) {
                LOG.warn("skipping checkpoint manifest {}: {}", key, e.reason());
            }
        }
        manifests.sort(Comparator.comparingLong(CheckpointManifest::checkpointId)
                .thenComparing(CheckpointManifest::name));
        return manifests;
    }

    private static boolean isOlderThan(String name, long checkpointId) {
        OptionalLong id = CheckpointKeys.idInName(name);
        return id.isEmpty() || id.getAsLong() < checkpointId;
    }

    private Set<String> knownShared() throws IOException {
        if (knownShared == null) {
            knownShared = new HashSet<>(store.list(keys.sharedPrefix()));
        }
        return knownShared;
    }

    private String subject(String name) {
        return "checkpoint " + name + " of task " + keys.taskPrefix();
    }
}
