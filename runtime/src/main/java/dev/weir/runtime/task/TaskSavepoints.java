package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.RestoredCheckpoint;
import dev.weir.runtime.checkpoint.store.SavepointStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The savepoints of pipelines in an object store (S3, or a directory): a savepoint at path {@code p} is one part per
 * task of the run that took it, {@code savepoints/<p>/task-<index>-of-<parallelism>/} in {@link SavepointStorage}'s
 * layout (metadata = the task's {@linkplain dev.weir.runtime.checkpoint.Checkpointer#savepoint() savepoint bytes},
 * manifest written last). A task writes its part after its final transaction committed, so a part exists only for
 * state whose output is visible; the savepoint is <b>complete</b> when every task's part exists. Any number of tasks
 * can restore a complete savepoint: each reads all parts and keeps its key groups and source partitions.
 *
 * <p>The path is the user's name for the savepoint ({@code /}-separated segments, e.g.
 * {@code orders/2026-11-26-before-upgrade}); it also derives the {@linkplain #lineage lineage} of the runs started
 * from it and the id of its {@linkplain #barrierId barriers}.
 */
public final class TaskSavepoints {
    private static final Pattern PART = Pattern.compile("task-(\\d+)-of-(\\d+)/MANIFEST\\.json");
    private static final String ROOT = "savepoints/";

    private final ObjectStore store;
    private final SavepointStorage storage;

    public TaskSavepoints(ObjectStore store) {
        this.store = store;
        this.storage = new SavepointStorage(store);
    }

    /**
     * A complete savepoint: every part's metadata, the local directories holding the files of the parts that were
     * downloaded (native state), and the largest checkpoint id among the parts.
     */
    public record Savepoint(String path, int parallelism, List<byte[]> parts, List<Path> fileDirectories,
                            long lastCheckpointId) {
        public Savepoint {
            parts = List.copyOf(parts);
            fileDirectories = List.copyOf(fileDirectories);
        }
    }

    /** Which parts of a savepoint a reader needs the files of (native state of key groups it owns). */
    @FunctionalInterface
    public interface PartFiles {
        /** Every part's files. */
        PartFiles ALL = (index, parallelism) -> true;

        /** Whether the files of part {@code index} of a savepoint taken by {@code parallelism} tasks are needed. */
        boolean needed(int index, int parallelism);
    }

    /** The lineage of runs started from the savepoint at {@code path}: 10 hex digits of its SHA-256. */
    public static String lineage(String path) {
        return HexFormat.of().formatHex(sha256(path), 0, 5);
    }

    /** The id the barriers of a stop-with-savepoint to {@code path} carry. */
    static long barrierId(String path) {
        byte[] d = sha256(path);
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (d[i] & 0xff);
        }
        return id;
    }

    private static byte[] sha256(String path) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String partPath(String path, TaskId task) {
        return path + "/task-" + task.index() + "-of-" + task.parallelism();
    }

    /**
     * Writes {@code task}'s part of the savepoint at {@code path}: its metadata and {@code files} (native state, by
     * path relative to the part), which are uploaded first.
     *
     * @throws IOException if the part exists already (a savepoint path is used once) or the store fails
     */
    void writePart(String path, TaskId task, long checkpointId, byte[] part, Map<String, Path> files)
            throws IOException {
        storage.write(partPath(path, task), task.toString(), checkpointId, part, files);
    }

    /** Whether anything (a complete or incomplete savepoint) is stored at {@code path}. */
    public boolean exists(String path) throws IOException {
        return !store.list(ROOT + SavepointStorage.checkPath(path) + "/").isEmpty();
    }

    /** {@code read(path, scratch, PartFiles.ALL)}. */
    public Savepoint read(String path, Path scratch) throws IOException {
        return read(path, scratch, PartFiles.ALL);
    }

    /**
     * Reads the complete savepoint at {@code path}, verifying every part: the metadata of all, and the files of
     * those {@code files} needs, each part's under {@code scratch/part-<index>}.
     *
     * @throws IOException if there is no savepoint at {@code path}, it is incomplete (naming the missing parts) or
     *                     a part is corrupt
     */
    public Savepoint read(String path, Path scratch, PartFiles files) throws IOException {
        String base = ROOT + path + "/";
        TreeMap<Integer, String> parts = new TreeMap<>();
        int parallelism = -1;
        for (String key : store.list(base)) {
            Matcher m = PART.matcher(key.substring(base.length()));
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            int of = Integer.parseInt(m.group(2));
            if (parallelism >= 0 && of != parallelism) {
                throw new IOException("savepoint " + path + " mixes parts of runs with " + parallelism + " and " + of
                        + " tasks (" + store + ")");
            }
            parallelism = of;
            parts.put(index, path + "/task-" + index + "-of-" + of);
        }
        if (parallelism < 0) {
            throw new IOException("no savepoint at " + path + " (" + store + ")");
        }
        if (parts.size() != parallelism) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                if (!parts.containsKey(i)) {
                    missing.add("task-" + i + "-of-" + parallelism);
                }
            }
            throw new IOException("savepoint " + path + " is incomplete: parts " + missing + " are missing (their "
                    + "tasks did not finish the stop-with-savepoint); take another savepoint");
        }
        List<byte[]> bytes = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        long lastId = 0;
        for (Map.Entry<Integer, String> p : parts.entrySet()) {
            RestoredCheckpoint r;
            if (files.needed(p.getKey(), parallelism)) {
                r = storage.restore(p.getValue(), scratch.resolve("part-" + p.getKey()));
                directories.add(r.directory());
            } else {
                r = storage.restoreMetadata(p.getValue());
            }
            bytes.add(r.metadata());
            lastId = Math.max(lastId, r.manifest().checkpointId());
        }
        return new Savepoint(path, parallelism, bytes, directories, lastId);
    }
}
