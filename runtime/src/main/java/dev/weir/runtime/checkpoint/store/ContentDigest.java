package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 (lower-case hex) and length of some content. */
record ContentDigest(String sha256, long size) {

    static ContentDigest of(byte[] bytes) {
        return new ContentDigest(HexFormat.of().formatHex(newDigest().digest(bytes)), bytes.length);
    }

    static ContentDigest of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new ContentDigest(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
