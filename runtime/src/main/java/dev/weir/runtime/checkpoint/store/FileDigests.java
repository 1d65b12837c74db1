package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The digests of the files of one upload, remembered for the next: a RocksDB checkpoint links the same immutable SST
 * files again and again, and hashing all of them each time cost ~1 s per GB of state. A file's digest is reused only
 * when it is an SST file ({@code *.sst}, never rewritten by RocksDB) with the same file identity (inode, via
 * {@link BasicFileAttributes#fileKey()}: hard links share it), size and modification time as when it was hashed;
 * anything else, or a file system without file keys, is hashed again. Each upload keeps only its own files, so the
 * cache holds at most one checkpoint's worth of entries.
 */
final class FileDigests {
    private record Identity(Object fileKey, long size, long modifiedMillis) {
    }

    private Map<Identity, ContentDigest> previous = new HashMap<>();
    private Map<Identity, ContentDigest> current = new HashMap<>();
    private int reused;

    /** The digest of {@code file}: remembered from the previous upload if it is the same immutable file, else hashed. */
    ContentDigest of(Path file) throws IOException {
        Identity id = identity(file);
        if (id == null) {
            return ContentDigest.of(file);
        }
        ContentDigest d = previous.get(id);
        if (d == null) {
            d = ContentDigest.of(file);
        } else {
            reused++;
        }
        current.put(id, d);
        return d;
    }

    /** After an upload: its files become the ones remembered; returns how many digests it reused. */
    int endUpload() {
        previous = current;
        current = new HashMap<>();
        int n = reused;
        reused = 0;
        return n;
    }

    private static Identity identity(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".sst")) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() == null ? null : new Identity(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
    }
}
