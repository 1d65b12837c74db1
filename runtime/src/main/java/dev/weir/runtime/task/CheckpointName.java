package dev.weir.runtime.task;

import java.util.UUID;

/**
 * Names one snapshot of a task: the checkpoint id (increasing per task) and the attempt that wrote it (one per task
 * run). The attempt keeps a zombie that was fenced from overwriting the snapshot its successor committed under the
 * same id. The name is what the committed offsets' metadata carries ({@link #metadata()}).
 */
public record CheckpointName(long id, String attempt) {
    private static final String PREFIX = "weir-checkpoint:";

    public CheckpointName {
        if (id < 1 || !attempt.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("bad checkpoint name " + id + "/" + attempt);
        }
    }

    static String newAttempt() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The file or object name: {@code chk-<id>-<attempt>}. */
    public String fileName() {
        return "chk-" + id + "-" + attempt;
    }

    /** The offsets' commit metadata naming this snapshot. */
    String metadata() {
        return PREFIX + fileName();
    }

    /** The checkpoint named by committed offsets' metadata; null if the metadata names none. */
    static CheckpointName fromMetadata(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return null;
        }
        return fromFileName(metadata.substring(PREFIX.length()));
    }

    /** Parses {@link #fileName()}; null if {@code name} is not a checkpoint name. */
    public static CheckpointName fromFileName(String name) {
        if (!name.startsWith("chk-")) {
            return null;
        }
        int dash = name.indexOf('-', 4);
        if (dash < 0) {
            return null;
        }
        try {
            return new CheckpointName(Long.parseLong(name.substring(4, dash)), name.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
