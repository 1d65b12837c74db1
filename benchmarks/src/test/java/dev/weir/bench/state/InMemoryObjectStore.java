package dev.weir.bench.state;

import dev.weir.runtime.checkpoint.store.NoSuchObjectException;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** An object store in a map, for tests; {@link #close()} does nothing, so "connections" can share it. */
final class InMemoryObjectStore implements ObjectStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public void put(String key, Path file) throws IOException {
        objects.put(key, Files.readAllBytes(file));
    }

    @Override
    public void put(String key, byte[] bytes) {
        objects.put(key, bytes.clone());
    }

    @Override
    public byte[] get(String key) throws IOException {
        byte[] b = objects.get(key);
        if (b == null) {
            throw new NoSuchObjectException(key, "memory");
        }
        return b.clone();
    }

    @Override
    public void download(String key, Path target) throws IOException {
        byte[] b = get(key);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, b);
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : objects.tailMap(prefix).keySet()) {
            if (!k.startsWith(prefix)) {
                break;
            }
            out.add(k);
        }
        return out;
    }

    @Override
    public void delete(Collection<String> keys) {
        keys.forEach(objects::remove);
    }

    @Override
    public void close() {
    }

    int size() {
        return objects.size();
    }
}
