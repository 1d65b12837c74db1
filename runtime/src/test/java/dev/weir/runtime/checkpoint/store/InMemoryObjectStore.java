package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Collections;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An {@link ObjectStore} in memory, for unit tests. Records the keys of puts, the prefixes listed and the key
 * batches deleted, in order, and can be told to fail puts. Safe for concurrent use, as the real stores are.
 */
final class InMemoryObjectStore implements ObjectStore {
    /** Thread-safe: uploads put several objects at once ({@link ParallelTransfers}). */
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    final List<String> puts = Collections.synchronizedList(new ArrayList<>());
    final List<String> lists = Collections.synchronizedList(new ArrayList<>());
    final List<List<String>> deletes = Collections.synchronizedList(new ArrayList<>());
    private Predicate<String> failPut = key -> false;
    /** Runs before every put, with the key (tests use it to hold an upload midway). */
    Consumer<String> beforePut = key -> { };
    boolean closed;

    /** Puts of keys matching {@code keys} throw an {@link IOException} from now on. */
    void failPuts(Predicate<String> keys) {
        failPut = keys;
    }

    /** Every stored key. */
    List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }

    @Override
    public void put(String key, Path file) throws IOException {
        put(key, Files.readAllBytes(file));
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        checkOpen();
        beforePut.accept(key);
        if (failPut.test(key)) {
            throw new IOException("injected failure putting " + key);
        }
        puts.add(key);
        objects.put(key, bytes.clone());
    }

    @Override
    public byte[] get(String key) throws IOException {
        checkOpen();
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new NoSuchObjectException(key, "in memory at " + key);
        }
        return bytes.clone();
    }

    @Override
    public void download(String key, Path target) throws IOException {
        byte[] bytes = get(key);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean exists(String key) throws IOException {
        checkOpen();
        return objects.containsKey(key);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        checkOpen();
        lists.add(prefix);
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        checkOpen();
        deletes.add(List.copyOf(keys));
        keys.forEach(objects::remove);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
    }
}
