package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.checkpoint.store.FileSystemObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSavepointsTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSavepointIsReadOnlyWhenEveryTaskWroteItsPartAndAPathIsUsedOnce() throws Exception {
        TaskSavepoints savepoints = new TaskSavepoints(new FileSystemObjectStore(dir.resolve("store")));
        savepoints.writePart("orders/before-upgrade", new TaskId("orders", 1, 3), 7, bytes("one"), Map.of());
        savepoints.writePart("orders/before-upgrade", new TaskId("orders", 0, 3), 9, bytes("zero"), Map.of());
        assertThat(savepoints.exists("orders/before-upgrade")).isTrue();
        assertThat(savepoints.exists("orders/before")).as("a path, not a prefix").isFalse();

        assertThatThrownBy(() -> savepoints.read("orders/before-upgrade", dir.resolve("scratch")))
                .hasMessageContaining("incomplete").hasMessageContaining("[task-2-of-3]");
        assertThatThrownBy(() -> savepoints.read("orders/other", dir.resolve("scratch")))
                .hasMessageContaining("no savepoint at orders/other");

        savepoints.writePart("orders/before-upgrade", new TaskId("orders", 2, 3), 8, bytes("two"), Map.of());
        TaskSavepoints.Savepoint s = savepoints.read("orders/before-upgrade", dir.resolve("scratch"));
        assertThat(s.parallelism()).isEqualTo(3);
        assertThat(s.lastCheckpointId()).isEqualTo(9);
        assertThat(s.parts()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("zero", "one", "two");
        assertThatThrownBy(() -> savepoints.writePart("orders/before-upgrade", new TaskId("orders", 2, 3), 10,
                bytes("again"), Map.of())).hasMessageContaining("exists already");
    }

    @Test
    void aReaderDownloadsTheFilesOfThePartsItNeedsOnlyAndReadsEveryPartsMetadata() throws Exception {
        TaskSavepoints savepoints = new TaskSavepoints(new FileSystemObjectStore(dir.resolve("store")));
        for (int task = 0; task < 3; task++) {
            Path file = Files.writeString(dir.resolve("sst-" + task), "table of task " + task);
            savepoints.writePart("p/native", new TaskId("p", task, 3), 4, bytes("meta" + task),
                    Map.of("op-kg" + task + "/000009.sst", file));
        }

        TaskSavepoints.Savepoint s = savepoints.read("p/native", dir.resolve("scratch"),
                (index, parallelism) -> index != 1);

        assertThat(s.parts()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("meta0", "meta1", "meta2");
        assertThat(s.fileDirectories()).containsExactly(dir.resolve("scratch/part-0"), dir.resolve("scratch/part-2"));
        assertThat(Files.readString(dir.resolve("scratch/part-2/op-kg2/000009.sst"))).isEqualTo("table of task 2");
        assertThat(dir.resolve("scratch/part-1")).doesNotExist();
    }

    @Test
    void aCorruptPartIsDetected() throws Exception {
        Path store = dir.resolve("store");
        TaskSavepoints savepoints = new TaskSavepoints(new FileSystemObjectStore(store));
        savepoints.writePart("p/s1", new TaskId("p", 0, 1), 1, bytes("state"), Map.of());
        Files.writeString(store.resolve("savepoints/p/s1/task-0-of-1/metadata"), "tampered");
        assertThatThrownBy(() -> savepoints.read("p/s1", dir.resolve("scratch"))).hasMessageContaining("metadata");
    }

    @Test
    void lineagesAndBarrierIdsDeriveFromThePathAndTravelInCheckpointNames() {
        assertThat(TaskSavepoints.lineage("orders/s1")).matches("[0-9a-f]{10}")
                .isEqualTo(TaskSavepoints.lineage("orders/s1")).isNotEqualTo(TaskSavepoints.lineage("orders/s2"));
        assertThat(TaskSavepoints.barrierId("orders/s1")).isNotEqualTo(TaskSavepoints.barrierId("orders/s2"));
        CheckpointName n = new CheckpointName(5, "abc", TaskSavepoints.lineage("orders/s1"));
        assertThat(CheckpointName.fromMetadata(n.metadata())).isEqualTo(n);
        assertThat(n.fileName()).isEqualTo("chk-5-abc");
        assertThat(new TaskId("orders", 0, 2).shuffleTopic("by key", n.lineage()))
                .isEqualTo("weir.orders." + n.lineage() + ".shuffle.by_key");
    }

    @Test
    void theFileSystemStoreListsByPrefixAndReplacesAtomically() throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(dir);
        store.put("a/b/c", bytes("1"));
        store.put("a/b/c", bytes("2"));
        store.put("a/bc", bytes("3"));
        store.put("x", bytes("4"));
        assertThat(new String(store.get("a/b/c"), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(store.list("a/b")).containsExactly("a/b/c", "a/bc");
        assertThat(store.list("a/b/")).containsExactly("a/b/c");
        store.delete(List.of("a/b/c", "missing"));
        assertThat(store.exists("a/b/c")).isFalse();
        assertThatThrownBy(() -> store.get("a/b/c")).isInstanceOf(
                dev.weir.runtime.checkpoint.store.NoSuchObjectException.class);
        assertThatThrownBy(() -> store.put("../escape", bytes("x"))).hasMessageContaining("bad object key");
    }
}
