package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.util.Optional;

/**
 * A checkpoint or savepoint cannot be restored: its manifest is missing or unreadable, or one of its objects is
 * missing or does not match the manifest (size or SHA-256). The message names the checkpoint, the file and object,
 * and what is wrong. Transport errors are plain {@link IOException}s, not this.
 */
public class CorruptCheckpointException extends IOException {
    private final String reason;
    private final String objectKey;

    /**
     * @param subject   what was restored, e.g. {@code checkpoint chk-3-ab of task orders/task-1}
     * @param reason    what is wrong, e.g. {@code file a.sst (object t/shared/12..) is missing}
     * @param objectKey the bad object's key, or null when no single object is to blame
     */
    public CorruptCheckpointException(String subject, String reason, String objectKey) {
        super(subject + " is unusable: " + reason);
        this.reason = reason;
        this.objectKey = objectKey;
    }

    /** An exception whose message is its whole {@linkplain #reason() reason}, with no single object to blame. */
    public CorruptCheckpointException(String message) {
        super(message);
        this.reason = message;
        this.objectKey = null;
    }

    /** What is wrong, without the subject. */
    public String reason() {
        return reason;
    }

    /** The key of the missing or mismatching object, if one is to blame. */
    public Optional<String> objectKey() {
        return Optional.ofNullable(objectKey);
    }
}
