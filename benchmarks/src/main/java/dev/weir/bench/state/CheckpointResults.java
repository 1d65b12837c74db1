package dev.weir.bench.state;

import java.util.List;
import java.util.Optional;

/**
 * What the checkpoint and recovery parts measured. Durations in nanoseconds, sizes in bytes.
 *
 * @param fill            the initial fill of the backend
 * @param updates         the rounds of updates of a fraction of the keys, each followed by a checkpoint
 * @param checkpoints     the full checkpoint, one per round, and one after compactions settled (if waited for)
 * @param settles         the waits for background compactions: after the fill, after the last round
 * @param recovery        the in-process restore of checkpoint 2 into an empty directory, if measured
 * @param processRecovery the restore by a fresh JVM after a kill -9, if measured
 * @param savepoint       a native savepoint of the state after the last round and its restore at parallelism 2, if
 *                        measured
 */
public record CheckpointResults(Fill fill, List<Update> updates, List<CheckpointRun> checkpoints,
                                List<Settle> settles, Optional<Recovery> recovery,
                                Optional<ProcessRecovery> processRecovery, Optional<Savepoint> savepoint) {

    public CheckpointResults {
        updates = List.copyOf(updates);
        checkpoints = List.copyOf(checkpoints);
        settles = List.copyOf(settles);
    }

    /**
     * @param keys        keys written
     * @param valueBytes  bytes per value
     * @param nanos       time of the puts
     * @param puts        puts per second
     * @param diskBytes   the database directory's size right after the fill (memtables not flushed yet)
     * @param nativeBytes RocksDB block cache usage (memtables included) right after the fill
     */
    public record Fill(long keys, int valueBytes, long nanos, double puts, long diskBytes, long nativeBytes) {
    }

    /**
     * @param round 1, 2, …
     * @param keys  keys given a new value (other keys in each round)
     * @param nanos time of the puts
     */
    public record Update(int round, long keys, long nanos) {
    }

    /** A file of a checkpoint, for the list of what an incremental checkpoint uploaded. */
    public record FileInfo(String name, long bytes) {
    }

    /**
     * One checkpoint: the synchronous part, then the upload.
     *
     * @param label         what it is (full, after the update, after compactions)
     * @param id            checkpoint id
     * @param name          checkpoint name in the store
     * @param syncNanos     {@code snapshotState()}: flush of the memtables and native checkpoint (hard links)
     * @param uploadNanos   {@code CheckpointStorage.upload}: hashing of every file, upload of the new ones,
     *                      metadata and manifest
     * @param digestNanos   a separate SHA-256 of every file of the checkpoint (page cache warm), to show how much
     *                      of the upload is hashing files that are not uploaded
     * @param files         files in the checkpoint
     * @param sstFiles      of which SST files
     * @param totalBytes    size of all files
     * @param filesUploaded files the store did not have
     * @param filesReused   files the store had
     * @param bytesUploaded size of the uploaded files
     * @param uploaded      the uploaded files (for incremental checkpoints: what is new)
     */
    public record CheckpointRun(String label, long id, String name, long syncNanos, long uploadNanos,
                                long digestNanos, int files, int sstFiles, long totalBytes, int filesUploaded,
                                int filesReused, long bytesUploaded, List<FileInfo> uploaded) {
        public CheckpointRun {
            uploaded = List.copyOf(uploaded);
        }

        public double uploadedFraction() {
            return totalBytes == 0 ? 0 : (double) bytesUploaded / totalBytes;
        }

        public long totalNanos() {
            return syncNanos + uploadNanos;
        }
    }

    /**
     * A wait without writes, while background compactions work, watching the database directory.
     *
     * @param label           when (after the fill, after the last round)
     * @param waitedNanos     how long the harness waited
     * @param stable          whether the SST files stopped changing (for 5 s) before the wait ended
     * @param sstFilesBefore  SST files when the wait began
     * @param sstBytesBefore  their size
     * @param sstFilesAfter   SST files when it ended
     * @param sstBytesAfter   their size
     */
    public record Settle(String label, long waitedNanos, boolean stable, int sstFilesBefore, long sstBytesBefore,
                         int sstFilesAfter, long sstBytesAfter) {
    }

    /**
     * Restore in this JVM, from "restart" to the first read of a key.
     *
     * @param checkpoint   the checkpoint restored
     * @param connectNanos a new {@code S3ObjectStore} (client, bucket check) and {@code CheckpointStorage}
     * @param downloadNanos {@code CheckpointStorage.restore}: manifest, every file downloaded and SHA-256 verified
     * @param files        files downloaded
     * @param bytes        their size
     * @param openNanos    {@code restoreFrom} + {@code create} (hard links into the working directory, open the
     *                     database) + {@code restoreState(handle)}
     * @param firstGetNanos {@code setCurrentKey} + {@code get} of one updated key (cold block cache)
     * @param verified     whether the values read back were the expected ones (an updated and an untouched key)
     * @param randomGets   gets per second of 10,000 random keys right after (cold cache)
     */
    public record Recovery(String checkpoint, long connectNanos, long downloadNanos, int files, long bytes,
                           long openNanos, long firstGetNanos, boolean verified, double randomGets) {
        public long totalNanos() {
            return connectNanos + downloadNanos + openNanos + firstGetNanos;
        }
    }

    /**
     * Restore by a fresh JVM after the JVM holding the state was killed with SIGKILL; wall-clock milliseconds.
     *
     * @param killToFirstRecordMillis from the kill to the first record processed (get + put) by the new JVM
     * @param killToJvmStartMillis    from the kill to the new JVM's start (the kill, reaping, fork and exec)
     * @param jvmStartToMainMillis    JVM start-up until {@code main}
     * @param connectMillis           S3 client and bucket check
     * @param downloadMillis          download and verification
     * @param openMillis              open the database
     * @param firstRecordMillis       the first get + put
     * @param verified                the first value read was the expected one
     * @param warmDownloadMillis      the same download and verification once more in that JVM, now warm (not
     *                                part of the recovery; shows what a cold JVM costs)
     */
    public record ProcessRecovery(long killToFirstRecordMillis, long killToJvmStartMillis, long jvmStartToMainMillis,
                                  long connectMillis, long downloadMillis, long openMillis, long firstRecordMillis,
                                  boolean verified, long warmDownloadMillis) {
    }

    /**
     * A native savepoint taken: the RocksDB checkpoint of the database ({@code syncNanos}) and the upload of its
     * files and metadata ({@code uploadNanos}).
     */
    public record SavepointTaken(long syncNanos, long uploadNanos, int files, long bytes) {
    }

    /**
     * One task of a parallelism-2 restore of the savepoint: the download and verification of the part, and the raw copy
     * of its key groups {@code [firstKeyGroup, lastKeyGroup]} ({@code entries} entries).
     *
     * @param verified the task holds the right values for a sample of its keys (and both tasks together every key)
     */
    public record SavepointRestore(int task, int firstKeyGroup, int lastKeyGroup, long downloadNanos,
                                   long downloadedBytes, long copyNanos, long entries, boolean verified) {
        SavepointRestore withVerified(boolean v) {
            return new SavepointRestore(task, firstKeyGroup, lastKeyGroup, downloadNanos, downloadedBytes, copyNanos,
                    entries, v);
        }
    }

    /** The savepoint measurement. */
    public record Savepoint(SavepointTaken taken, List<SavepointRestore> restores) {
        public Savepoint {
            restores = List.copyOf(restores);
        }
    }
}
