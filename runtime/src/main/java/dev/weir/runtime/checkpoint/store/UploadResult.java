package dev.weir.runtime.checkpoint.store;

import java.time.Duration;

/**
 * What {@link CheckpointStorage#upload} did.
 *
 * @param manifest      the manifest written (the checkpoint now exists)
 * @param filesUploaded files whose content was not stored yet and was uploaded
 * @param filesReused   files whose content an earlier checkpoint of the task had stored already
 * @param bytesUploaded the bytes of the uploaded files (metadata and manifest not counted)
 * @param duration      wall-clock time of the whole upload, hashing included
 */
public record UploadResult(CheckpointManifest manifest, int filesUploaded, int filesReused, long bytesUploaded,
                           Duration duration) {
}
