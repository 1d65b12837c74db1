package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end behaviour of {@link CheckpointStorage} and {@link SavepointStorage}, run against every
 * {@link ObjectStore}: the in-memory fake (unit test) and a real S3 server (integration test).
 */
abstract class CheckpointStorageScenarios {
    static final String TASK = "orders-pipeline/task-3";

    protected ObjectStore store;
    protected CheckpointStorage storage;
    @TempDir
    Path tmp;
    private final Random random = new Random(20261125);

    /** A store holding no objects. */
    protected abstract ObjectStore newEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newEmptyStore();
        storage = new CheckpointStorage(store, TASK);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store == null) { // the store could not be opened: that failure is the test's result
            return;
        }
        try {
            store.delete(store.list(""));
        } finally {
            store.close();
        }
    }

    private Path dir(String name) {
        return tmp.resolve(name);
    }

    private byte[] randomBytes(int size) {
        return TestFiles.random(random, size);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checkpointsSharingFilesUploadTheSharedOnesOnce() throws Exception {
        byte[] a = randomBytes(3000);
        byte[] b = randomBytes(5000);
        byte[] c = randomBytes(700);
        UploadResult first = storage.upload(1, "chk-1-a", utf8("meta-1"),
                TestFiles.write(dir("c1"), Map.of("db/000001.sst", a, "db/000002.sst", b)));
        assertThat(first.filesUploaded()).isEqualTo(2);
        assertThat(first.filesReused()).isZero();
        assertThat(first.bytesUploaded()).isEqualTo(8000);

        UploadResult second = storage.upload(2, "chk-2-a", utf8("meta-2"),
                TestFiles.write(dir("c2"), Map.of("db/000001.sst", a, "db/000002.sst", b, "db/000003.sst", c)));
        assertThat(second.filesUploaded()).isEqualTo(1);
        assertThat(second.filesReused()).isEqualTo(2);
        assertThat(second.bytesUploaded()).isEqualTo(700);
        assertThat(second.manifest().files().get("db/000001.sst"))
                .isEqualTo(first.manifest().files().get("db/000001.sst"));
        assertThat(store.list(TASK + "/shared/")).hasSize(3);
        assertThat(storage.completedCheckpoints()).extracting(CheckpointManifest::name)
                .containsExactly("chk-1-a", "chk-2-a");
    }

    @Test
    void restoreIntoAnEmptyDirectoryGivesByteIdenticalFilesAndMetadata() throws Exception {
        Map<String, byte[]> contents = new TreeMap<>(Map.of(
                "window/000012.sst", randomBytes(64 * 1024 + 17),
                "window/MANIFEST-000005", randomBytes(300),
                "CURRENT", utf8("MANIFEST-000005\n"),
                "empty.log", new byte[0]));
        byte[] metadata = randomBytes(2048);
        storage.upload(7, "chk-7-b", metadata, TestFiles.write(dir("local"), contents));

        Path target = dir("restored");
        RestoredCheckpoint restored = new CheckpointStorage(store, TASK).restore("chk-7-b", target);

        TestFiles.assertHoldsExactly(target, contents);
        assertThat(restored.metadata()).isEqualTo(metadata);
        assertThat(restored.directory()).isEqualTo(target);
        assertThat(restored.manifest().checkpointId()).isEqualTo(7);
        assertThat(restored.manifest().task()).isEqualTo(TASK);
    }

    @Test
    void aCorruptSharedObjectFailsTheRestoreAndTheOlderCheckpointIsUsed() throws Exception {
        Map<String, byte[]> one = Map.of("db/1.sst", randomBytes(1000), "db/2.sst", randomBytes(1000));
        Map<String, byte[]> two = new TreeMap<>(one);
        two.put("db/3.sst", randomBytes(1500));
        storage.upload(1, "chk-1-a", utf8("meta-1"), TestFiles.write(dir("c1"), one));
        UploadResult second = storage.upload(2, "chk-2-a", utf8("meta-2"), TestFiles.write(dir("c2"), two));
        String newObject = second.manifest().files().get("db/3.sst").objectKey();
        byte[] corrupt = store.get(newObject);
        corrupt[100] ^= 0x5a;
        store.put(newObject, corrupt);

        assertThatThrownBy(() -> storage.restore("chk-2-a", dir("direct")))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("checkpoint chk-2-a of task " + TASK)
                .hasMessageContaining("file db/3.sst (object " + newObject + ")")
                .hasMessageContaining("fails its checksum");

        Path target = dir("restored");
        RestoredCheckpoint restored = storage.restoreNewestUsable("chk-2-a", target);
        assertThat(restored.manifest().name()).isEqualTo("chk-1-a");
        assertThat(restored.metadata()).isEqualTo(utf8("meta-1"));
        TestFiles.assertHoldsExactly(target, one);
    }

    @Test
    void aDeletedObjectFailsTheRestoreAndTheOlderCheckpointIsUsed() throws Exception {
        Map<String, byte[]> one = Map.of("db/1.sst", randomBytes(1000));
        Map<String, byte[]> two = Map.of("db/1.sst", one.get("db/1.sst"), "db/2.sst", randomBytes(2000));
        storage.upload(1, "chk-1-a", utf8("meta-1"), TestFiles.write(dir("c1"), one));
        UploadResult second = storage.upload(2, "chk-2-a", utf8("meta-2"), TestFiles.write(dir("c2"), two));
        String gone = second.manifest().files().get("db/2.sst").objectKey();
        store.delete(List.of(gone));

        assertThatThrownBy(() -> storage.restore("chk-2-a", dir("direct")))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage("checkpoint chk-2-a of task " + TASK + " is unusable: file db/2.sst (object " + gone
                        + ") is missing");

        Path target = dir("restored");
        RestoredCheckpoint restored = storage.restoreNewestUsable("chk-2-a", target);
        assertThat(restored.manifest().name()).isEqualTo("chk-1-a");
        TestFiles.assertHoldsExactly(target, one);
    }

    /**
     * Like RocksDB: each checkpoint adds new files and drops some old ones; after every checkpoint the storage keeps
     * the newest 3. The shared objects must always be exactly the files those 3 reference.
     */
    @Test
    void retainLatestKeepsExactlyTheFilesOfTheRetainedCheckpoints() throws Exception {
        Path db = dir("db");
        Map<String, byte[]> live = new TreeMap<>();
        Map<String, Path> liveFiles = new TreeMap<>();
        int nextFile = 0;
        int totalDeleted = 0;
        for (long id = 1; id <= 50; id++) {
            int drops = live.isEmpty() ? 0 : random.nextInt(Math.min(3, live.size()) + 1);
            for (int i = 0; i < drops; i++) {
                List<String> names = new ArrayList<>(live.keySet());
                String victim = names.get(random.nextInt(names.size()));
                live.remove(victim);
                Files.delete(liveFiles.remove(victim));
            }
            int adds = 1 + random.nextInt(3);
            Map<String, byte[]> added = new TreeMap<>();
            for (int i = 0; i < adds; i++) {
                added.put(String.format("db/%06d.sst", nextFile++), randomBytes(200 + random.nextInt(2000)));
            }
            live.putAll(added);
            liveFiles.putAll(TestFiles.write(db, added));
            if (id == 20) { // a crashed attempt: its file and metadata are stored, its manifest never was
                storage.upload(0, "never", new byte[0], Map.of());
                store.delete(List.of(TASK + "/checkpoints/never/MANIFEST.json"));
                store.put(TASK + "/shared/" + "0".repeat(64), utf8("orphan of a crashed upload"));
                store.put(TASK + "/checkpoints/chk-19-zombie/metadata", utf8("no manifest"));
            }
            UploadResult result = storage.upload(id, "chk-" + id + "-a", utf8("meta-" + id), liveFiles);
            assertThat(result.filesUploaded()).isEqualTo(adds);
            totalDeleted += storage.retainLatest(3).checkpointsDeleted();

            List<CheckpointManifest> retained = storage.completedCheckpoints();
            assertThat(retained).extracting(CheckpointManifest::checkpointId)
                    .containsExactlyElementsOf(idsFrom(Math.max(1, id - 2), id));
            assertThat(sharedKeys()).isEqualTo(referencedKeys(retained));
        }
        assertThat(totalDeleted).isEqualTo(47);
        List<String> manifests = store.list(TASK + "/checkpoints/").stream()
                .filter(k -> k.endsWith("/MANIFEST.json")).toList();
        assertThat(manifests).containsExactly(TASK + "/checkpoints/chk-48-a/MANIFEST.json",
                TASK + "/checkpoints/chk-49-a/MANIFEST.json", TASK + "/checkpoints/chk-50-a/MANIFEST.json");
        assertThat(store.list(TASK + "/checkpoints/")).hasSize(6); // 3 x (metadata + manifest)
        assertThat(sharedKeys()).isEqualTo(referencedKeys(storage.completedCheckpoints()));

        Path target = dir("restored");
        storage.restore("chk-50-a", target);
        TestFiles.assertHoldsExactly(target, live);
    }

    private static List<Long> idsFrom(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }

    private Set<String> sharedKeys() throws Exception {
        return new TreeSet<>(store.list(TASK + "/shared/"));
    }

    private static Set<String> referencedKeys(List<CheckpointManifest> manifests) {
        Set<String> keys = new TreeSet<>();
        manifests.forEach(m -> m.files().values().forEach(ref -> keys.add(ref.objectKey())));
        return keys;
    }

    @Test
    void aSavepointSurvivesTheDeletionOfEveryCheckpointAndRestoresByteIdentically() throws Exception {
        Map<String, byte[]> contents = Map.of("db/1.sst", randomBytes(4000), "db/CURRENT", utf8("x"));
        Map<String, Path> files = TestFiles.write(dir("local"), contents);
        storage.upload(5, "chk-5-a", utf8("meta-5"), files);
        CheckpointManifest savepoint = storage.writeSavepoint("orders-pipeline/before-upgrade/task-3",
                utf8("meta-5"), files);
        assertThat(savepoint.task()).isEqualTo(TASK);
        assertThat(savepoint.checkpointId()).isEqualTo(5);
        assertThat(savepoint.files().values()).allSatisfy(ref ->
                assertThat(ref.objectKey()).startsWith("savepoints/orders-pipeline/before-upgrade/task-3/files/"));

        store.delete(store.list(TASK + "/"));
        assertThat(store.list(TASK + "/")).isEmpty();

        Path target = dir("restored");
        RestoredCheckpoint restored = new SavepointStorage(store)
                .restore("orders-pipeline/before-upgrade/task-3", target);
        TestFiles.assertHoldsExactly(target, contents);
        assertThat(restored.metadata()).isEqualTo(utf8("meta-5"));
        assertThat(restored.manifest()).isEqualTo(savepoint);
        Set<String> onlySavepointKeys = new HashSet<>(store.list(""));
        assertThat(onlySavepointKeys).allSatisfy(k -> assertThat(k).startsWith("savepoints/"));
    }
}
