package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ObjectStore} must do; subclasses supply a store holding no objects. */
abstract class ObjectStoreContract {
    protected ObjectStore store;
    @TempDir
    Path tmp;

    /** A store that holds no objects (a fresh key prefix, say). */
    protected abstract ObjectStore newEmptyStore() throws Exception;

    /** Removes what a test stored, before the store is closed. */
    protected void cleanUp(ObjectStore store) throws Exception {
        store.delete(store.list(""));
    }

    @BeforeEach
    void open() throws Exception {
        store = newEmptyStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store == null) { // the store could not be opened: that failure is the test's result
            return;
        }
        try {
            cleanUp(store);
        } finally {
            store.close();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putBytesThenGetReturnsThem() throws Exception {
        store.put("a/b/one", bytes("hello"));
        assertThat(store.get("a/b/one")).isEqualTo(bytes("hello"));
    }

    @Test
    void emptyObjectRoundTrips() throws Exception {
        store.put("empty", new byte[0]);
        assertThat(store.get("empty")).isEmpty();
        assertThat(store.exists("empty")).isTrue();
    }

    @Test
    void putReplacesTheObject() throws Exception {
        store.put("k", bytes("first"));
        store.put("k", bytes("second, longer"));
        assertThat(store.get("k")).isEqualTo(bytes("second, longer"));
    }

    @Test
    void putFileThenDownloadCreatesParentsAndReplacesTheTarget() throws Exception {
        Path source = Files.writeString(tmp.resolve("source.bin"), "file content");
        store.put("files/x", source);
        Path target = tmp.resolve("out/deeper/x.bin");
        store.download("files/x", target);
        assertThat(Files.readString(target)).isEqualTo("file content");

        Files.writeString(target, "something else that is longer than the object");
        store.download("files/x", target);
        assertThat(Files.readString(target)).isEqualTo("file content");
    }

    @Test
    void readingAnAbsentObjectThrowsNoSuchObjectNamingTheKey() throws Exception {
        assertThatThrownBy(() -> store.get("nothing/here"))
                .isInstanceOf(NoSuchObjectException.class)
                .hasMessageContaining("nothing/here")
                .satisfies(e -> assertThat(((NoSuchObjectException) e).key()).isEqualTo("nothing/here"));
        Path target = tmp.resolve("never.bin");
        assertThatThrownBy(() -> store.download("nothing/here", target)).isInstanceOf(NoSuchObjectException.class);
        assertThat(target).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void existsTellsWhetherAnObjectIsStored() throws Exception {
        store.put("there", bytes("1"));
        assertThat(store.exists("there")).isTrue();
        assertThat(store.exists("not-there")).isFalse();
        assertThat(store.exists("the")).isFalse();
    }

    @Test
    void listIsRecursiveSortedAndUsesAPlainStringPrefix() throws Exception {
        for (String key : List.of("a/b/c/d", "a/bc", "a/b/x", "a/z", "b/1")) {
            store.put(key, bytes(key));
        }
        assertThat(store.list("a/b/")).containsExactly("a/b/c/d", "a/b/x");
        assertThat(store.list("a/b")).containsExactly("a/b/c/d", "a/b/x", "a/bc");
        assertThat(store.list("")).containsExactly("a/b/c/d", "a/b/x", "a/bc", "a/z", "b/1");
        assertThat(store.list("c/")).isEmpty();
    }

    @Test
    void deleteRemovesObjectsAndIgnoresAbsentKeys() throws Exception {
        store.put("d/1", bytes("1"));
        store.put("d/2", bytes("2"));
        store.put("d/3", bytes("3"));
        store.delete(List.of("d/1", "d/3", "d/never-stored"));
        assertThat(store.list("d/")).containsExactly("d/2");
        store.delete(List.of());
        assertThat(store.list("d/")).containsExactly("d/2");
    }
}
