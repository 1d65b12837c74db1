package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads manifests and restores what they name into a local directory, verifying the size and SHA-256 of every
 * object. Every problem with the stored data is a {@link CorruptCheckpointException}; transport errors propagate
 * as plain {@link IOException}s.
 */
final class ManifestRestorer {
    private ManifestRestorer() {
    }

    /** The manifest at {@code key}, expected to carry {@code name}. */
    static CheckpointManifest readManifest(ObjectStore store, String key, String name, String subject)
            throws IOException {
        byte[] json;
        try {
            json = store.get(key);
        } catch (NoSuchObjectException e) {
            throw new CorruptCheckpointException(subject, "manifest " + key + " is missing", key);
        }
        CheckpointManifest manifest;
        try {
            manifest = ManifestJson.read(json);
        } catch (IOException e) {
            throw new CorruptCheckpointException(subject, "manifest " + key + " is unreadable: " + e.getMessage(),
                    key);
        }
        if (!manifest.name().equals(name)) {
            throw new CorruptCheckpointException(subject, "manifest " + key + " names '" + manifest.name()
                    + "' instead", key);
        }
        return manifest;
    }

    /**
     * Downloads every file of {@code manifest} into {@code targetDir} ({@link ParallelTransfers#THREADS} at a time)
     * and reads its metadata, all verified.
     */
    static RestoredCheckpoint restore(ObjectStore store, CheckpointManifest manifest, Path targetDir, String subject)
            throws IOException {
        Files.createDirectories(targetDir);
        List<ParallelTransfers.Transfer> downloads = new ArrayList<>();
        for (Map.Entry<String, FileRef> file : manifest.files().entrySet()) {
            FileRef ref = file.getValue();
            String what = "file " + file.getKey() + " (object " + ref.objectKey() + ")";
            Path target = LocalFiles.resolve(targetDir, file.getKey());
            downloads.add(() -> {
                try {
                    store.download(ref.objectKey(), target);
                } catch (NoSuchObjectException e) {
                    throw new CorruptCheckpointException(subject, what + " is missing", ref.objectKey());
                }
                verify(ContentDigest.of(target), ref, what, subject);
            });
        }
        ParallelTransfers.runAll(downloads, "weir-checkpoint-get");
        return new RestoredCheckpoint(manifest, metadata(store, manifest, subject), targetDir);
    }

    /** The metadata of {@code manifest}, verified; none of its files. */
    static byte[] metadata(ObjectStore store, CheckpointManifest manifest, String subject) throws IOException {
        FileRef ref = manifest.metadata();
        String what = "metadata (object " + ref.objectKey() + ")";
        byte[] metadata;
        try {
            metadata = store.get(ref.objectKey());
        } catch (NoSuchObjectException e) {
            throw new CorruptCheckpointException(subject, what + " is missing", ref.objectKey());
        }
        verify(ContentDigest.of(metadata), ref, what, subject);
        return metadata;
    }

    private static void verify(ContentDigest actual, FileRef expected, String what, String subject)
            throws CorruptCheckpointException {
        if (actual.size() != expected.size()) {
            throw new CorruptCheckpointException(subject, what + " has size " + actual.size()
                    + " bytes, the manifest says " + expected.size(), expected.objectKey());
        }
        if (!actual.sha256().equals(expected.sha256())) {
            throw new CorruptCheckpointException(subject, what + " fails its checksum: SHA-256 "
                    + actual.sha256() + ", the manifest says " + expected.sha256(), expected.objectKey());
        }
    }
}
