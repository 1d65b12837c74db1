package dev.weir.runtime.checkpoint.store;

import java.util.Objects;

/**
 * One stored file of a checkpoint: the object holding its bytes and what those bytes must be.
 *
 * @param objectKey the object's key in the {@link ObjectStore} (for a checkpoint file
 *                  {@code <taskPrefix>/shared/<sha256>}, possibly shared by several checkpoints)
 * @param sha256    the SHA-256 of the content, 64 lower-case hex digits
 * @param size      the content's length in bytes
 */
public record FileRef(String objectKey, String sha256, long size) {
    public FileRef {
        Objects.requireNonNull(objectKey, "objectKey");
        if (objectKey.isBlank()) {
            throw new IllegalArgumentException("empty object key");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("bad SHA-256 '" + sha256 + "' of " + objectKey);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + objectKey);
        }
    }
}
