package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavepointStorageTest {
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final SavepointStorage savepoints = new SavepointStorage(store);
    @TempDir
    Path tmp;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFileIsCopiedUnderTheSavepointPathAndTheManifestIsWrittenLast() throws Exception {
        CheckpointManifest m = savepoints.write("pipe/sp-1", "pipe/task-0", 12, utf8("meta"),
                TestFiles.write(tmp, Map.of("db/1.sst", utf8("one"), "CURRENT", utf8("cur"))));

        assertThat(store.keys()).containsExactly("savepoints/pipe/sp-1/MANIFEST.json",
                "savepoints/pipe/sp-1/files/CURRENT", "savepoints/pipe/sp-1/files/db/1.sst",
                "savepoints/pipe/sp-1/metadata");
        assertThat(store.puts).last().isEqualTo("savepoints/pipe/sp-1/MANIFEST.json");
        assertThat(m.name()).isEqualTo("pipe/sp-1");
        assertThat(m.task()).isEqualTo("pipe/task-0");
        assertThat(m.checkpointId()).isEqualTo(12);
        assertThat(m.files().get("db/1.sst").sha256()).isEqualTo(ContentDigest.of(utf8("one")).sha256());
    }

    @Test
    void anExistingSavepointIsNotReplaced() throws Exception {
        savepoints.write("pipe/sp-1", "t", 1, utf8("m"), Map.of());
        assertThatThrownBy(() -> savepoints.write("pipe/sp-1", "t", 2, utf8("m2"), Map.of()))
                .hasMessageContaining("savepoint pipe/sp-1 exists already");
        assertThat(store.get("savepoints/pipe/sp-1/metadata")).isEqualTo(utf8("m"));
    }

    @Test
    void aDamagedSavepointFileIsDetected() throws Exception {
        savepoints.write("sp", "t", 1, utf8("m"), TestFiles.write(tmp.resolve("l"), Map.of("a", utf8("abc"))));
        store.put("savepoints/sp/files/a", utf8("abd"));
        assertThatThrownBy(() -> savepoints.restore("sp", tmp.resolve("r")))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageStartingWith("savepoint sp is unusable: file a (object savepoints/sp/files/a) fails its "
                        + "checksum");
        assertThatThrownBy(() -> savepoints.restore("other", tmp.resolve("r")))
                .hasMessage("savepoint other is unusable: manifest savepoints/other/MANIFEST.json is missing");
    }

    @Test
    void savepointPathsAreValidated() {
        for (String bad : new String[] {"", "/abs", "trailing/", "a//b", "a/../b"}) {
            assertThatThrownBy(() -> savepoints.write(bad, "t", 1, utf8("m"), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
