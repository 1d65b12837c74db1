/**
 * Durable checkpoint storage on any S3-compatible object store (AWS S3, MinIO; s3proxy in development and CI),
 * spoken to only through the S3 API.
 *
 * <ul>
 *   <li>{@link dev.weir.runtime.checkpoint.store.ObjectStore}: the few object operations the storage needs;
 *       {@link dev.weir.runtime.checkpoint.store.S3ObjectStore} implements them with the MinIO Java client,
 *       configured by {@link dev.weir.runtime.checkpoint.store.S3Config}.</li>
 *   <li>{@link dev.weir.runtime.checkpoint.store.CheckpointStorage}: the checkpoints of one task — incremental
 *       (content-addressed files shared across checkpoints), verified on restore (size and SHA-256), falling back to
 *       an older checkpoint when the preferred one is unusable, and cleaned up by reference counting.</li>
 *   <li>{@link dev.weir.runtime.checkpoint.store.SavepointStorage}: self-contained copies that outlive the
 *       checkpoints.</li>
 * </ul>
 *
 * <p>Both storages write a {@link dev.weir.runtime.checkpoint.store.CheckpointManifest} last: a checkpoint or
 * savepoint exists if and only if its manifest does. Key layout, retention and failure handling:
 * {@code docs/operations/checkpoint-store.md}.
 */
package dev.weir.runtime.checkpoint.store;
