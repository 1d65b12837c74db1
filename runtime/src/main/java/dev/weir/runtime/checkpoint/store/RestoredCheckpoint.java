package dev.weir.runtime.checkpoint.store;

import java.nio.file.Path;

/**
 * A checkpoint or savepoint restored and verified.
 *
 * @param manifest  its manifest
 * @param metadata  its metadata bytes (the engine snapshot)
 * @param directory the local directory holding its files, at the manifest's relative paths; null if only the metadata
 *                  was read
 */
public record RestoredCheckpoint(CheckpointManifest manifest, byte[] metadata, Path directory) {
}
