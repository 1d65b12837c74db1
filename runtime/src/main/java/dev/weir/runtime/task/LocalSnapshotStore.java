package dev.weir.runtime.task;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Snapshots as files {@code <root>/<pipeline>/task-<index>/chk-<id>-<attempt>.snapshot}, written to a temporary file,
 * forced to disk and renamed, so a snapshot file is either complete or absent. Instances that share the directory
 * (one machine, or a shared volume) can take over each other's tasks.
 */
public final class LocalSnapshotStore implements SnapshotStore {
    private static final String SUFFIX = ".snapshot";
    private final Path root;

    public LocalSnapshotStore(Path root) {
        this.root = root;
    }

    private Path dir(TaskId task) {
        return root.resolve(task.pipeline()).resolve("task-" + task.index());
    }

    private Path file(TaskId task, CheckpointName name) {
        return dir(task).resolve(name.fileName() + SUFFIX);
    }

    @Override
    public void write(TaskId task, CheckpointName name, byte[] snapshot) throws IOException {
        Path dir = dir(task);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name.fileName(), ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(snapshot));
            ch.force(true);
        }
        Files.move(tmp, file(task, name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Optional<byte[]> read(TaskId task, CheckpointName name) throws IOException {
        Path f = file(task, name);
        return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
    }

    @Override
    public void deleteOlderThan(TaskId task, long oldestToKeep) throws IOException {
        Path dir = dir(task);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                CheckpointName name = n.endsWith(SUFFIX)
                        ? CheckpointName.fromFileName(n.substring(0, n.length() - SUFFIX.length())) : null;
                if (name != null && name.id() < oldestToKeep) {
                    Files.deleteIfExists(f);
                } else if (n.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis()
                        < System.currentTimeMillis() - 60_000) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
