package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The few object-store operations checkpoint storage needs: flat keys ({@code /} separated by convention) mapping
 * to immutable byte contents. A {@code put} replaces the whole object atomically: readers see the old or the new
 * content, never a mix.
 *
 * <p>Every method throws {@link IOException} for transport and server errors, with the key in the message; reading
 * an absent object throws {@link NoSuchObjectException}.
 */
public interface ObjectStore extends AutoCloseable {
    /** Stores the file's content under {@code key} (large files in parts), replacing any object there. */
    void put(String key, Path file) throws IOException;

    /** Stores {@code bytes} under {@code key}, replacing any object there. */
    void put(String key, byte[] bytes) throws IOException;

    /** The object's content; throws {@link NoSuchObjectException} when there is none. */
    byte[] get(String key) throws IOException;

    /**
     * Writes the object's content to {@code target}, creating its parent directories and replacing the file if it
     * exists; throws {@link NoSuchObjectException} when there is no object (leaving {@code target} untouched).
     */
    void download(String key, Path target) throws IOException;

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key) throws IOException;

    /**
     * Every key starting with {@code prefix}, at any depth, in ascending order. The prefix is a plain string prefix:
     * end it with {@code /} to list one "folder" ({@code "a/b"} also matches {@code "a/bc"}).
     */
    List<String> list(String prefix) throws IOException;

    /** Deletes the objects; keys without an object are ignored. */
    void delete(Collection<String> keys) throws IOException;

    /** Releases connections and threads. */
    @Override
    void close() throws IOException;
}
