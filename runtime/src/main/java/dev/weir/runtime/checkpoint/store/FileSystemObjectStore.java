package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An {@link ObjectStore} in a local (or mounted network) directory: key {@code a/b/c} is the file
 * {@code <root>/a/b/c}. A put writes a temporary file and moves it into place atomically. For a single machine and
 * for tests; a store that must survive the machine is S3 ({@link S3ObjectStore}).
 *
 * <p>Written by hand because it is thirty lines over {@code java.nio.file}; no library is worth a dependency here.
 */
public final class FileSystemObjectStore implements ObjectStore {
    private static final String TEMP_PREFIX = ".tmp-";
    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    private Path file(String key) {
        CheckpointKeys.checkPrefix(key, "object key");
        return root.resolve(key);
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, "");
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        moveIntoPlace(temp, target);
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, "");
        Files.write(temp, bytes);
        moveIntoPlace(temp, target);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key, key + " in " + root);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path source = file(key);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchObjectException(key, key + " in " + root);
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String key = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (key.startsWith(prefix) && !f.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    keys.add(key);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(keys);
        return keys;
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        for (String key : keys) {
            Files.deleteIfExists(file(key));
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "FileSystemObjectStore(" + root + ")";
    }
}
