package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointUploadTest {
    static final String TASK = "p/task-0";
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);
    final CheckpointStorage storage = new CheckpointStorage(store, TASK, clock);
    @TempDir
    Path tmp;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void manifestDescribesEveryFileByContentAndIsWrittenLast() throws Exception {
        UploadResult result = storage.upload(3, "chk-3-a", utf8("snapshot"),
                TestFiles.write(tmp, Map.of("w/a.sst", utf8("aaa"), "b.log", utf8("bb"))));

        CheckpointManifest m = result.manifest();
        String shaA = ContentDigest.of(utf8("aaa")).sha256();
        assertThat(m.files()).containsExactly(
                Map.entry("b.log", new FileRef(TASK + "/shared/" + ContentDigest.of(utf8("bb")).sha256(),
                        ContentDigest.of(utf8("bb")).sha256(), 2)),
                Map.entry("w/a.sst", new FileRef(TASK + "/shared/" + shaA, shaA, 3)));
        assertThat(m.metadata()).isEqualTo(new FileRef(TASK + "/checkpoints/chk-3-a/metadata",
                ContentDigest.of(utf8("snapshot")).sha256(), 8));
        assertThat(m.createdAt()).isEqualTo(clock.instant());
        assertThat(m.task()).isEqualTo(TASK);
        assertThat(m.formatVersion()).isEqualTo(CheckpointManifest.FORMAT_VERSION);
        assertThat(store.puts).last().isEqualTo(TASK + "/checkpoints/chk-3-a/MANIFEST.json");
        assertThat(store.puts.get(store.puts.size() - 2)).isEqualTo(TASK + "/checkpoints/chk-3-a/metadata");
        assertThat(ManifestJson.read(store.get(TASK + "/checkpoints/chk-3-a/MANIFEST.json"))).isEqualTo(m);
    }

    @Test
    void knownSharedObjectsAreListedOnceThenRemembered() throws Exception {
        for (int id = 1; id <= 4; id++) {
            storage.upload(id, "chk-" + id + "-a", utf8("m"),
                    TestFiles.write(tmp.resolve("c" + id), Map.of("f" + id, utf8("content " + id))));
        }
        assertThat(store.lists).containsExactly(TASK + "/shared/");
    }

    @Test
    void aNewInstanceReusesObjectsAnEarlierInstanceStored() throws Exception {
        Map<String, Path> files = TestFiles.write(tmp, Map.of("a", utf8("same"), "b", utf8("also same")));
        storage.upload(1, "chk-1-a", utf8("m"), files);

        UploadResult afterRestart = new CheckpointStorage(store, TASK).upload(2, "chk-2-b", utf8("m"), files);
        assertThat(afterRestart.filesUploaded()).isZero();
        assertThat(afterRestart.filesReused()).isEqualTo(2);
        assertThat(afterRestart.bytesUploaded()).isZero();
    }

    @Test
    void identicalContentUnderTwoPathsIsStoredOnce() throws Exception {
        UploadResult result = storage.upload(1, "chk-1-a", utf8("m"),
                TestFiles.write(tmp, Map.of("x/one", utf8("twin"), "y/two", utf8("twin"))));
        assertThat(result.filesUploaded()).isEqualTo(1);
        assertThat(result.filesReused()).isEqualTo(1);
        assertThat(result.bytesUploaded()).isEqualTo(4);
        assertThat(store.list(TASK + "/shared/")).hasSize(1);
    }

    @Test
    void aFailedUploadLeavesNoCheckpoint() throws Exception {
        storage.upload(1, "chk-1-a", utf8("m"), TestFiles.write(tmp.resolve("c1"), Map.of("a", utf8("1"))));
        store.failPuts(key -> key.endsWith("MANIFEST.json"));
        assertThatThrownBy(() -> storage.upload(2, "chk-2-a", utf8("m"),
                TestFiles.write(tmp.resolve("c2"), Map.of("a", utf8("1"), "b", utf8("2")))))
                .hasMessageContaining("injected failure");
        assertThat(storage.completedCheckpoints()).extracting(CheckpointManifest::name).containsExactly("chk-1-a");
    }

    @Test
    void aSharedObjectFoundCorruptByARestoreIsUploadedAgain() throws Exception {
        Map<String, Path> files = TestFiles.write(tmp.resolve("c"), Map.of("a.sst", utf8("precious")));
        UploadResult first = storage.upload(1, "chk-1-a", utf8("m"), files);
        String key = first.manifest().files().get("a.sst").objectKey();
        store.put(key, utf8("garbage!"));
        assertThatThrownBy(() -> storage.restore("chk-1-a", tmp.resolve("r1")))
                .isInstanceOf(CorruptCheckpointException.class);

        UploadResult second = storage.upload(2, "chk-2-a", utf8("m"), files);
        assertThat(second.filesUploaded()).isEqualTo(1);
        storage.restore("chk-2-a", tmp.resolve("r2"));
        TestFiles.assertHoldsExactly(tmp.resolve("r2"), Map.of("a.sst", utf8("precious")));
    }

    @Test
    void badNamesAndPathsAreRejectedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> storage.upload(1, "a/b", utf8("m"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
        assertThatThrownBy(() -> storage.upload(1, "chk-1", utf8("m"), Map.of("../escape", tmp)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
        assertThatThrownBy(() -> new CheckpointStorage(store, "/abs/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.puts).isEmpty();
    }

    @Test
    void completedCheckpointsAreOrderedByIdAndSkipUnreadableManifests() throws Exception {
        for (long id : List.of(10L, 9L, 100L)) {
            storage.upload(id, "chk-" + id + "-a", utf8("m"), Map.of());
        }
        store.put(TASK + "/checkpoints/chk-50-a/MANIFEST.json", utf8("{ not json"));
        assertThat(storage.completedCheckpoints()).extracting(CheckpointManifest::checkpointId)
                .containsExactly(9L, 10L, 100L);
    }
}
