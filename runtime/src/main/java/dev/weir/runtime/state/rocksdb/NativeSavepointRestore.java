package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.KeyGroupRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * Restores one part of a native savepoint ({@link RocksDbSavepointHandle}) into a backend: opens the part's files as
 * a read-only database and copies the entries of the key groups both own into the backend's database, as bytes.
 * Nothing is decoded, so memory stays bounded (one write batch) however large the state.
 *
 * <p>State column families ({@code value:}, {@code long:}) are sorted by key group, so only the shared key groups are
 * read (one seek, an upper bound). Timer column families are sorted by timestamp first; they are scanned whole and
 * filtered by the key group that follows the timestamp. Rewriting is simpler than ingesting the files themselves
 * (which would need clipping to the key-group range and would mix the parts' sequence numbers) and costs about one
 * write per entry.
 */
final class NativeSavepointRestore {
    /** Write a batch once it holds this many bytes. */
    private static final long BATCH_BYTES = 4L << 20;

    private NativeSavepointRestore() {
    }

    /**
     * Copies the entries of {@code files} (the part described by {@code handle}) in key groups of {@code target}'s
     * range into {@code target}'s database, creating its column families as needed.
     *
     * @return the number of entries copied
     */
    static long copy(RocksDbKeyedStateBackend<?> target, RocksDbSavepointHandle handle, Path files) {
        KeyGroupRange range = target.keyGroupRange();
        int first = Math.max(range.startInclusive(), handle.keyGroupRange().startInclusive());
        int last = Math.min(range.endInclusive(), handle.keyGroupRange().endInclusive());
        if (first > last) {
            return 0;
        }
        OperatorDb into = target.db();
        into.checkOpen();
        String path = files.toAbsolutePath().toString();
        try (Options listOptions = new Options();
             DBOptions dbOptions = new DBOptions().setMaxOpenFiles(64);
             ColumnFamilyOptions familyOptions = new ColumnFamilyOptions()) {
            List<byte[]> names = RocksDB.listColumnFamilies(listOptions, path);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, familyOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB from = RocksDB.openReadOnly(dbOptions, path, descriptors, handles)) {
                try {
                    long copied = 0;
                    for (int i = 0; i < names.size(); i++) {
                        String family = new String(names.get(i), StandardCharsets.UTF_8);
                        if (family.startsWith(RocksDbKeyedStateBackend.TIMERS_PREFIX)) {
                            copied += copyTimers(from, handles.get(i), into, into.family(family), first, last);
                        } else if (family.startsWith(RocksDbKeyedStateBackend.VALUE_PREFIX)
                                || family.startsWith(RocksDbKeyedStateBackend.LONG_PREFIX)) {
                            copied += copyState(from, handles.get(i), into, into.family(family), first, last);
                        }
                    }
                    return copied;
                } finally {
                    for (ColumnFamilyHandle h : handles) {
                        h.close();
                    }
                }
            }
        } catch (RocksDBException e) {
            throw into.failure("cannot restore key groups " + first + "-" + last + " from the savepoint files in "
                    + files, e);
        }
    }

    /** The entries of key groups {@code [first, last]}: one contiguous run from {@code [first]} to {@code [last + 1]}. */
    private static long copyState(RocksDB from, ColumnFamilyHandle source, OperatorDb into, ColumnFamilyHandle target,
                                  int first, int last) throws RocksDBException {
        byte[] lower = new byte[KeyBytes.KEY_GROUP_BYTES];
        KeyBytes.putKeyGroup(lower, 0, first);
        byte[] upper = null; // none after the largest key group there can be
        if (last + 1 < 1 << 16) {
            upper = new byte[KeyBytes.KEY_GROUP_BYTES];
            KeyBytes.putKeyGroup(upper, 0, last + 1);
        }
        try (Slice bound = upper == null ? null : new Slice(upper);
             ReadOptions read = readOptions();
             RocksIterator it = from.newIterator(source, bound == null ? read : read.setIterateUpperBound(bound));
             WriteBatch batch = new WriteBatch()) {
            long n = 0;
            for (it.seek(lower); it.isValid(); it.next()) {
                batch.put(target, it.key(), it.value());
                n++;
                flushIfFull(into, batch);
            }
            it.status();
            into.db().write(into.writeOptions(), batch);
            return n;
        }
    }

    /** Every timer whose key group (after the 8-byte timestamp) is in {@code [first, last]}. */
    private static long copyTimers(RocksDB from, ColumnFamilyHandle source, OperatorDb into, ColumnFamilyHandle target,
                                   int first, int last) throws RocksDBException {
        try (ReadOptions read = readOptions();
             RocksIterator it = from.newIterator(source, read);
             WriteBatch batch = new WriteBatch()) {
            long n = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                int keyGroup = KeyBytes.getKeyGroup(k, KeyBytes.LONG_BYTES);
                if (keyGroup >= first && keyGroup <= last) {
                    batch.put(target, k, it.value());
                    n++;
                    flushIfFull(into, batch);
                }
            }
            it.status();
            into.db().write(into.writeOptions(), batch);
            return n;
        }
    }

    /** A one-pass scan: the part's blocks stay out of the block cache. */
    private static ReadOptions readOptions() {
        return new ReadOptions().setFillCache(false).setReadaheadSize(2L << 20);
    }

    private static void flushIfFull(OperatorDb into, WriteBatch batch) throws RocksDBException {
        if (batch.getDataSize() >= BATCH_BYTES) {
            into.db().write(into.writeOptions(), batch);
            batch.clear();
        }
    }
}
