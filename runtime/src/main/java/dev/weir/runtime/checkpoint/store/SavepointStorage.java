package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Savepoints: self-contained copies of a task's state that outlive its checkpoints. A savepoint lives at the store's
 * root, not under a task prefix, and shares nothing with checkpoints:
 * <pre>
 * savepoints/&lt;path&gt;/files/&lt;relative file path&gt;   every file, copied
 * savepoints/&lt;path&gt;/metadata                     the metadata (engine snapshot)
 * savepoints/&lt;path&gt;/MANIFEST.json                written last: the savepoint exists iff this does
 * </pre>
 * The manifest has the checkpoint format ({@link CheckpointManifest}, with {@code name} = the savepoint path) and a
 * restore verifies sizes and SHA-256 the same way. Deleting every checkpoint of the task leaves savepoints intact.
 *
 * <p>Not thread-safe; a savepoint path is written by one writer.
 */
public final class SavepointStorage {
    private static final String ROOT = "savepoints/";

    private final ObjectStore store;
    private final Clock clock;

    public SavepointStorage(ObjectStore store) {
        this(store, Clock.systemUTC());
    }

    public SavepointStorage(ObjectStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes a savepoint: every file, then the metadata, then the manifest. Refuses to replace an existing savepoint
     * (one with a manifest); objects of an earlier, failed attempt at the same path are overwritten or left.
     *
     * @param savepointPath where, e.g. {@code orders-pipeline/2026-11-25-before-upgrade/task-3} ({@code /}-separated
     *                      segments, no leading or trailing {@code /})
     * @param task          the task the state belongs to, recorded in the manifest
     * @param checkpointId  the checkpoint id the state corresponds to, recorded in the manifest
     * @throws IOException when a savepoint exists at the path already, or on transport errors
     */
    public CheckpointManifest write(String savepointPath, String task, long checkpointId, byte[] metadata,
                                    Map<String, Path> files) throws IOException {
        String base = base(savepointPath);
        Objects.requireNonNull(metadata, "metadata");
        if (store.exists(base + CheckpointKeys.MANIFEST)) {
            throw new IOException("savepoint " + savepointPath + " exists already (" + base + CheckpointKeys.MANIFEST
                    + "); choose another path or delete it first");
        }
        SortedMap<String, FileRef> refs = java.util.Collections.synchronizedSortedMap(new TreeMap<>());
        java.util.List<ParallelTransfers.Transfer> uploads = new java.util.ArrayList<>();
        for (Map.Entry<String, Path> file : new TreeMap<>(files).entrySet()) {
            String key = base + "files/" + LocalFiles.checkRelative(file.getKey());
            uploads.add(() -> {
                ContentDigest digest = ContentDigest.of(file.getValue());
                store.put(key, file.getValue());
                refs.put(file.getKey(), new FileRef(key, digest.sha256(), digest.size()));
            });
        }
        ParallelTransfers.runAll(uploads, "weir-savepoint-put");
        ContentDigest metadataDigest = ContentDigest.of(metadata);
        FileRef metadataRef = new FileRef(base + CheckpointKeys.METADATA, metadataDigest.sha256(),
                metadataDigest.size());
        store.put(metadataRef.objectKey(), metadata);
        CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT_VERSION, task, checkpointId,
                savepointPath, clock.instant(), metadataRef, new TreeMap<>(refs));
        store.put(base + CheckpointKeys.MANIFEST, ManifestJson.write(manifest));
        return manifest;
    }

    /**
     * Restores a savepoint into {@code targetDir} (created if missing; it should be empty), verifying every file.
     *
     * @throws CorruptCheckpointException when the manifest is missing or unreadable or an object is missing or
     *                                    mismatches, naming the file and what is wrong
     */
    public RestoredCheckpoint restore(String savepointPath, Path targetDir) throws IOException {
        String base = base(savepointPath);
        String subject = "savepoint " + savepointPath;
        CheckpointManifest manifest = ManifestRestorer.readManifest(store, base + CheckpointKeys.MANIFEST,
                savepointPath, subject);
        return ManifestRestorer.restore(store, manifest, targetDir, subject);
    }

    /**
     * Reads a savepoint's metadata only, verified; its files stay in the store ({@link RestoredCheckpoint#directory()}
     * is null).
     *
     * @throws CorruptCheckpointException when the manifest or the metadata is missing, unreadable or mismatches
     */
    public RestoredCheckpoint restoreMetadata(String savepointPath) throws IOException {
        String base = base(savepointPath);
        String subject = "savepoint " + savepointPath;
        CheckpointManifest manifest = ManifestRestorer.readManifest(store, base + CheckpointKeys.MANIFEST,
                savepointPath, subject);
        return new RestoredCheckpoint(manifest, ManifestRestorer.metadata(store, manifest, subject), null);
    }

    /**
     * {@code savepointPath} if it is a valid path: {@code /}-separated non-empty segments, no leading or trailing
     * {@code /}, no {@code .} or {@code ..} segments.
     *
     * @throws IllegalArgumentException naming the path otherwise
     */
    public static String checkPath(String savepointPath) {
        return CheckpointKeys.checkPrefix(savepointPath, "savepoint path");
    }

    private static String base(String savepointPath) {
        return ROOT + CheckpointKeys.checkPrefix(savepointPath, "savepoint path") + "/";
    }
}
