package dev.weir.runtime.task;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one checkpoint of a task consists of: the engine's snapshot (operator state, timers, source positions, encoded
 * by {@link dev.weir.runtime.checkpoint.StateCodec}) and the local files of native state backends (RocksDB
 * checkpoints: SST files, manifests), which the engine snapshot refers to by relative path.
 *
 * @param metadata the engine snapshot's bytes
 * @param files    path relative to the checkpoint's local directory (e.g. {@code "window/000012.sst"}) -> the file;
 *                 empty for heap state
 */
public record TaskSnapshot(byte[] metadata, SortedMap<String, Path> files) {
    public TaskSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static TaskSnapshot of(byte[] metadata) {
        return new TaskSnapshot(metadata, new TreeMap<>());
    }
}
