package dev.weir.runtime.task;

import java.util.UUID;

/**
 * Names one snapshot of a task: the checkpoint id (increasing per task) and the attempt that wrote it (one per task
 * run). The attempt keeps a zombie that was fenced from overwriting the snapshot its successor committed under the
 * same id. The name is what the committed offsets' metadata carries ({@link #metadata()}), with the
 * <b>lineage</b> of the run: empty for a pipeline started fresh, the {@link Savepoints#lineage lineage of the
 * savepoint} for one started from a savepoint, so a task restarted from that savepoint can tell its own checkpoints
 * from those of the run the savepoint was taken from. Store keys use {@link #fileName()}, which leaves it out.
 */
public record CheckpointName(long id, String attempt, String lineage) {
    private static final String PREFIX = "weir-checkpoint:";

    public CheckpointName {
        if (id < 1 || !attempt.matches("[a-z0-9]+") || !lineage.matches("[a-z0-9]*")) {
            throw new IllegalArgumentException("bad checkpoint name " + id + "/" + attempt + "/" + lineage);
        }
    }

    /** A name of the fresh lineage. */
    public CheckpointName(long id, String attempt) {
        this(id, attempt, "");
    }

    static String newAttempt() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The file or object name: {@code chk-<id>-<attempt>}. */
    public String fileName() {
        return "chk-" + id + "-" + attempt;
    }

    /** The offsets' commit metadata naming this snapshot: {@code weir-checkpoint:<file name>[@<lineage>]}. */
    String metadata() {
        return PREFIX + fileName() + (lineage.isEmpty() ? "" : "@" + lineage);
    }

    /** The checkpoint named by committed offsets' metadata; null if the metadata names none. */
    static CheckpointName fromMetadata(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return null;
        }
        String rest = metadata.substring(PREFIX.length());
        int at = rest.indexOf('@');
        CheckpointName name = fromFileName(at < 0 ? rest : rest.substring(0, at));
        if (name == null || at < 0) {
            return name;
        }
        try {
            return new CheckpointName(name.id(), name.attempt(), rest.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The same checkpoint in another lineage (store reads return names without one). */
    CheckpointName withLineage(String lineage) {
        return new CheckpointName(id, attempt, lineage);
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
