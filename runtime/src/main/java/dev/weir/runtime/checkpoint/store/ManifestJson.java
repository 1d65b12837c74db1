package dev.weir.runtime.checkpoint.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The JSON form of a {@link CheckpointManifest} (indented, times as ISO-8601 strings). */
final class ManifestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ManifestJson() {
    }

    static byte[] write(CheckpointManifest manifest) throws IOException {
        return MAPPER.writeValueAsBytes(manifest);
    }

    /** Parses and validates a manifest; any problem is an {@link IOException} saying what is wrong. */
    static CheckpointManifest read(byte[] json) throws IOException {
        CheckpointManifest manifest;
        try {
            manifest = MAPPER.readValue(json, CheckpointManifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException("not a valid manifest: " + e.getOriginalMessage(), e);
        }
        if (manifest == null) {
            throw new IOException("not a valid manifest: empty");
        }
        if (manifest.formatVersion() != CheckpointManifest.FORMAT_VERSION) {
            throw new IOException("unsupported manifest format version " + manifest.formatVersion()
                    + " (this version reads " + CheckpointManifest.FORMAT_VERSION + ")");
        }
        return manifest;
    }
}
