package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a stored checkpoint can be damaged is detected, and the message says where and what. */
class CheckpointRestoreTest {
    static final String TASK = "p/task-0";
    static final String SUBJECT = "checkpoint chk-2-a of task " + TASK + " is unusable: ";
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final CheckpointStorage storage = new CheckpointStorage(store, TASK);
    @TempDir
    Path tmp;
    CheckpointManifest manifest;
    FileRef sst;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void upload() throws Exception {
        manifest = storage.upload(2, "chk-2-a", utf8("metadata"), TestFiles.write(tmp.resolve("local"),
                Map.of("db/1.sst", utf8("0123456789"), "db/CURRENT", utf8("current")))).manifest();
        sst = manifest.files().get("db/1.sst");
    }

    private Path target() {
        return tmp.resolve("restored");
    }

    @Test
    void aMissingFileObjectIsNamed() throws Exception {
        store.delete(java.util.List.of(sst.objectKey()));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage(SUBJECT + "file db/1.sst (object " + sst.objectKey() + ") is missing")
                .satisfies(e -> assertThat(((CorruptCheckpointException) e).objectKey()).contains(sst.objectKey()));
    }

    @Test
    void aFileObjectOfTheWrongSizeIsNamed() throws Exception {
        store.put(sst.objectKey(), utf8("0123"));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage(SUBJECT + "file db/1.sst (object " + sst.objectKey()
                        + ") has size 4 bytes, the manifest says 10");
    }

    @Test
    void aFileObjectWithOtherBytesOfTheSameSizeFailsItsChecksum() throws Exception {
        store.put(sst.objectKey(), utf8("0123456780"));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage(SUBJECT + "file db/1.sst (object " + sst.objectKey() + ") fails its checksum: SHA-256 "
                        + ContentDigest.of(utf8("0123456780")).sha256() + ", the manifest says " + sst.sha256());
    }

    @Test
    void missingOrDamagedMetadataIsNamed() throws Exception {
        String key = TASK + "/checkpoints/chk-2-a/metadata";
        store.put(key, utf8("metadatA"));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .hasMessageStartingWith(SUBJECT + "metadata (object " + key + ") fails its checksum");
        store.delete(java.util.List.of(key));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .hasMessage(SUBJECT + "metadata (object " + key + ") is missing");
    }

    @Test
    void aMissingManifestMeansTheCheckpointDoesNotExist() {
        assertThatThrownBy(() -> storage.restore("chk-9-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage("checkpoint chk-9-a of task " + TASK + " is unusable: manifest " + TASK
                        + "/checkpoints/chk-9-a/MANIFEST.json is missing");
    }

    @Test
    void unreadableManifestsAreNamed() throws Exception {
        String key = TASK + "/checkpoints/chk-2-a/MANIFEST.json";
        store.put(key, utf8("{\"formatVersion\": 1, \"task\": "));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageStartingWith(SUBJECT + "manifest " + key + " is unreadable: not a valid manifest");

        CheckpointManifest future = new CheckpointManifest(2, TASK, 2, "chk-2-a", Instant.EPOCH,
                manifest.metadata(), manifest.files());
        store.put(key, ManifestJson.write(future));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .hasMessage(SUBJECT + "manifest " + key + " is unreadable: unsupported manifest format version 2 "
                        + "(this version reads 1)");

        CheckpointManifest other = new CheckpointManifest(1, TASK, 2, "chk-3-a", Instant.EPOCH,
                manifest.metadata(), manifest.files());
        store.put(key, ManifestJson.write(other));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .hasMessage(SUBJECT + "manifest " + key + " names 'chk-3-a' instead");
    }

    @Test
    void aManifestWhosePathsLeaveTheTargetDirectoryIsRejected() throws Exception {
        String key = TASK + "/checkpoints/chk-2-a/MANIFEST.json";
        String json = new String(store.get(key), StandardCharsets.UTF_8).replace("\"db/1.sst\"", "\"../../etc/x\"");
        store.put(key, utf8(json));
        assertThatThrownBy(() -> storage.restore("chk-2-a", target()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("is unreadable").hasMessageContaining("../../etc/x");
        assertThat(tmp.resolve("etc")).doesNotExist();
    }

    @Test
    void aRestoreReplacesFilesAlreadyInTheTarget() throws Exception {
        Files.createDirectories(target().resolve("db"));
        Files.writeString(target().resolve("db/1.sst"), "stale content, longer than the real one");
        RestoredCheckpoint restored = storage.restore("chk-2-a", target());
        assertThat(restored.metadata()).isEqualTo(utf8("metadata"));
        TestFiles.assertHoldsExactly(target(), new TreeMap<>(Map.of("db/1.sst", utf8("0123456789"),
                "db/CURRENT", utf8("current"))));
    }
}
