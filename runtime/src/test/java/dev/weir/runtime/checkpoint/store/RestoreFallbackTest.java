package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckpointStorage#restoreNewestUsable}: which checkpoint it falls back to, and when it gives up. */
class RestoreFallbackTest {
    static final String TASK = "p/task-1";
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final CheckpointStorage storage = new CheckpointStorage(store, TASK);
    @TempDir
    Path tmp;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Checkpoints 1..4, each with a file of its own ({@code own-<id>}) and a common one. */
    @BeforeEach
    void upload() throws Exception {
        for (int id = 1; id <= 4; id++) {
            storage.upload(id, "chk-" + id + "-a", utf8("meta-" + id), TestFiles.write(tmp.resolve("c" + id),
                    Map.of("common", utf8("common"), "own-" + id, utf8("own file of checkpoint " + id))));
        }
    }

    private void corruptOwnFile(int id) throws Exception {
        store.put(TASK + "/shared/" + ContentDigest.of(utf8("own file of checkpoint " + id)).sha256(), utf8("bad"));
    }

    @Test
    void theUsablePreferredCheckpointIsRestored() throws Exception {
        RestoredCheckpoint r = storage.restoreNewestUsable("chk-3-a", tmp.resolve("r"));
        assertThat(r.manifest().name()).isEqualTo("chk-3-a");
    }

    @Test
    void fallsBackToTheNewestUsableOlderCheckpointAndCleansTheTargetBetweenAttempts() throws Exception {
        corruptOwnFile(4);
        store.delete(List.of(TASK + "/checkpoints/chk-3-a/metadata"));
        Path target = tmp.resolve("r");

        RestoredCheckpoint r = storage.restoreNewestUsable("chk-4-a", target);

        assertThat(r.manifest().name()).isEqualTo("chk-2-a");
        assertThat(r.metadata()).isEqualTo(utf8("meta-2"));
        TestFiles.assertHoldsExactly(target, Map.of("common", utf8("common"),
                "own-2", utf8("own file of checkpoint 2")));
    }

    @Test
    void neverFallsForwardToACheckpointNewerThanThePreferredOne() throws Exception {
        corruptOwnFile(2);
        RestoredCheckpoint r = storage.restoreNewestUsable("chk-2-a", tmp.resolve("r"));
        assertThat(r.manifest().name()).isEqualTo("chk-1-a");
    }

    @Test
    void aPreferredCheckpointWithoutManifestFallsBackByTheIdInItsName() throws Exception {
        RestoredCheckpoint r = storage.restoreNewestUsable("chk-3-zombie", tmp.resolve("r"));
        assertThat(r.manifest().name()).isEqualTo("chk-2-a");
    }

    @Test
    void withoutAnIdForThePreferredCheckpointNothingOlderCanBeChosen() {
        assertThatThrownBy(() -> storage.restoreNewestUsable("latest", tmp.resolve("r")))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage("no usable checkpoint of task " + TASK + ": tried latest (manifest " + TASK
                        + "/checkpoints/latest/MANIFEST.json is missing); no older checkpoint can be chosen: the id "
                        + "of latest is unknown");
    }

    @Test
    void whenNothingIsUsableTheErrorListsEveryCheckpointTriedAndWhy() throws Exception {
        for (int id = 1; id <= 3; id++) {
            corruptOwnFile(id);
        }
        Path target = tmp.resolve("r");
        assertThatThrownBy(() -> storage.restoreNewestUsable("chk-3-a", target))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageStartingWith("no usable checkpoint of task " + TASK + ": tried chk-3-a (file own-3 ")
                .hasMessageContaining("; chk-2-a (file own-2 (object ")
                .hasMessageContaining("; chk-1-a (file own-1 (object ")
                .hasMessageNotContaining("chk-4-a");
        assertThat(target).isEmptyDirectory();
    }
}
