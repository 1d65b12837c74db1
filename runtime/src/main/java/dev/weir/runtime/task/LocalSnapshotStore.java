package dev.weir.runtime.task;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints as directories {@code <root>/<pipeline>/task-<index>/chk-<id>-<attempt>/} holding the engine snapshot
 * ({@code metadata}) and the state backends' files. A checkpoint is written into a temporary directory, every file
 * forced to disk, then renamed: a checkpoint directory is either complete or absent. Instances that share the
 * directory (one machine, or a shared volume) can take over each other's tasks. Not incremental: each checkpoint
 * holds a full copy of its files (the S3 store shares them); it keeps the committed checkpoint and the one before.
 */
public final class LocalSnapshotStore implements SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSnapshotStore.class);
    private static final String METADATA = "metadata";
    /** Checkpoints kept besides the latest committed one. */
    private static final int EXTRA_RETAINED = 1;
    private final Path root;

    public LocalSnapshotStore(Path root) {
        this.root = root;
    }

    private Path dir(TaskId task) {
        return root.resolve(task.pipeline()).resolve("task-" + task.index());
    }

    @Override
    public void write(TaskId task, CheckpointName name, TaskSnapshot snapshot) throws IOException {
        Path dir = dir(task);
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".tmp-" + name.fileName());
        writeForced(tmp.resolve(METADATA), snapshot.metadata());
        for (Map.Entry<String, Path> f : snapshot.files().entrySet()) {
            Path target = tmp.resolve(f.getKey()).normalize();
            if (!target.startsWith(tmp) || target.getFileName().toString().equals(METADATA) && target.getParent().equals(tmp)) {
                throw new IllegalArgumentException("bad checkpoint file path " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.copy(f.getValue(), target);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        Files.move(tmp, dir.resolve(name.fileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    @Override
    public RestoredSnapshot read(TaskId task, CheckpointName name, Path directory) throws IOException {
        List<String> tried = new ArrayList<>();
        for (CheckpointName candidate : candidates(task, name)) {
            Path source = dir(task).resolve(candidate.fileName());
            if (!Files.isRegularFile(source.resolve(METADATA))) {
                tried.add(candidate.fileName() + " (missing)");
                continue;
            }
            if (!candidate.fileName().equals(name.fileName())) {
                LOG.warn("{}: checkpoint {} is unusable ({}); falling back to checkpoint {} — output committed after "
                        + "it may be produced again", task, name.fileName(), tried, candidate.fileName());
            }
            Files.createDirectories(directory);
            copyTree(source, directory);
            return new RestoredSnapshot(candidate.withLineage(name.lineage()), Files.readAllBytes(source.resolve(METADATA)), directory);
        }
        throw new IOException(task + ": no usable checkpoint at or before " + name.fileName() + " in " + dir(task)
                + "; tried " + (tried.isEmpty() ? List.of(name.fileName() + " (missing)") : tried));
    }

    /** {@code name} first, then the task's other checkpoints with a lower id, newest first. */
    private List<CheckpointName> candidates(TaskId task, CheckpointName name) throws IOException {
        List<CheckpointName> result = new ArrayList<>();
        result.add(name);
        List<CheckpointName> older = new ArrayList<>();
        for (CheckpointName c : stored(task)) {
            if (c.id() < name.id()) {
                older.add(c);
            }
        }
        older.sort(Comparator.comparingLong(CheckpointName::id).reversed());
        result.addAll(older);
        return result;
    }

    private List<CheckpointName> stored(TaskId task) throws IOException {
        Path dir = dir(task);
        List<CheckpointName> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                CheckpointName n = CheckpointName.fromFileName(f.getFileName().toString());
                if (n != null) {
                    result.add(n);
                }
            }
        }
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p) && !p.equals(from.resolve(METADATA))) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void retain(TaskId task, CheckpointName committed) throws IOException {
        long oldestToKeep = committed.id() - EXTRA_RETAINED;
        for (CheckpointName n : stored(task)) {
            if (n.id() < oldestToKeep) {
                deleteTree(dir(task).resolve(n.fileName()));
            }
        }
        Path dir = dir(task);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(".tmp-")
                        && Files.getLastModifiedTime(f).toMillis() < System.currentTimeMillis() - 60_000) {
                    deleteTree(f);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
