package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
    static final String SHA = "ab".repeat(32);

    static CheckpointManifest manifest() {
        TreeMap<String, FileRef> files = new TreeMap<>();
        files.put("window/000012.sst", new FileRef("t/shared/" + SHA, SHA, 1234));
        return new CheckpointManifest(1, "orders/task-3", 12, "chk-12-abc", Instant.parse("2026-11-25T10:15:30.123Z"),
                new FileRef("t/checkpoints/chk-12-abc/metadata", SHA, 99), files);
    }

    @Test
    void roundTripsWithReadableTimes() throws Exception {
        byte[] json = ManifestJson.write(manifest());
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"createdAt\" : \"2026-11-25T10:15:30.123Z\"")
                .contains("\"window/000012.sst\"");
        assertThat(ManifestJson.read(json)).isEqualTo(manifest());
    }

    @Test
    void unknownFieldsAreIgnoredButOtherFormatVersionsAreNot() throws Exception {
        String json = new String(ManifestJson.write(manifest()), StandardCharsets.UTF_8);
        assertThat(ManifestJson.read(json.replaceFirst("\\{\n", "{\n  \"addedLater\" : true,\n")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(manifest());
        assertThatThrownBy(() -> ManifestJson.read(json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unsupported manifest format version 7");
    }

    @Test
    void invalidContentIsRejected() throws Exception {
        String json = new String(ManifestJson.write(manifest()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ManifestJson.read(json.replace(SHA + "\"", "xyz\"").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("bad SHA-256");
        assertThatThrownBy(() -> ManifestJson.read("null".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a valid manifest");
        assertThatThrownBy(() -> ManifestJson.read(new byte[0])).hasMessageContaining("not a valid manifest");
    }
}
