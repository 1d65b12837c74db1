package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.SstFileWriter;

/**
 * Restores one part of a native savepoint ({@link RocksDbSavepointHandle}) into a backend: opens the part's files as
 * a read-only database, writes the entries of the key groups both own into new table files, as bytes, and ingests
 * those into the backend's database. Nothing is decoded, so memory stays bounded however large the state.
 *
 * <p>State column families ({@code value:}, {@code long:}) are sorted by key group, so only the shared key groups are
 * read (one seek, an upper bound). Timer column families are sorted by timestamp first; they are scanned whole and
 * filtered by the key group that follows the timestamp. Writing sorted table files ({@link SstFileWriter}) and
 * ingesting them (moved, not copied) skips the memtable, the flushes and most compaction work a write per entry would
 * cost; the part's own files cannot be ingested as they are, since they also hold other tasks' key groups.
 */
final class NativeSavepointRestore {
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
        Path staging = into.directory().resolveSibling(into.directory().getFileName() + ".ingest");
        String path = files.toAbsolutePath().toString();
        try (Options listOptions = new Options();
             DBOptions dbOptions = new DBOptions().setMaxOpenFiles(64);
             ColumnFamilyOptions familyOptions = new ColumnFamilyOptions()) {
            CheckpointFiles.deleteRecursively(staging);
            Files.createDirectories(staging);
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
                        boolean timers = family.startsWith(RocksDbKeyedStateBackend.TIMERS_PREFIX);
                        if (!timers && !family.startsWith(RocksDbKeyedStateBackend.VALUE_PREFIX)
                                && !family.startsWith(RocksDbKeyedStateBackend.LONG_PREFIX)) {
                            continue;
                        }
                        Path table = staging.resolve(i + ".sst");
                        long n = timers ? writeTimers(from, handles.get(i), into, table, first, last)
                                : writeState(from, handles.get(i), into, table, first, last);
                        if (n > 0) {
                            ingest(into, into.family(family), table);
                            copied += n;
                        } else {
                            into.family(family); // the state exists, even if this task has none of it
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the savepoint's key groups " + first + "-" + last + " of "
                    + files + " in " + staging, e);
        } finally {
            CheckpointFiles.deleteRecursively(staging);
        }
    }

    /** Key groups {@code [first, last]}: one contiguous run from {@code [first]} up to {@code [last + 1]}. */
    private static long writeState(RocksDB from, ColumnFamilyHandle source, OperatorDb into, Path table, int first,
                                   int last) throws RocksDBException {
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
             TableWriter out = new TableWriter(into, table)) {
            for (it.seek(lower); it.isValid(); it.next()) {
                out.put(it.key(), it.value());
            }
            it.status();
            return out.finish();
        }
    }

    /** Every timer whose key group (after the 8-byte timestamp) is in {@code [first, last]}. */
    private static long writeTimers(RocksDB from, ColumnFamilyHandle source, OperatorDb into, Path table, int first,
                                    int last) throws RocksDBException {
        try (ReadOptions read = readOptions();
             RocksIterator it = from.newIterator(source, read);
             TableWriter out = new TableWriter(into, table)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                int keyGroup = KeyBytes.getKeyGroup(k, KeyBytes.LONG_BYTES);
                if (keyGroup >= first && keyGroup <= last) {
                    out.put(k, it.value());
                }
            }
            it.status();
            return out.finish();
        }
    }

    private static void ingest(OperatorDb into, ColumnFamilyHandle family, Path table) throws RocksDBException {
        try (IngestExternalFileOptions options = new IngestExternalFileOptions().setMoveFiles(true)) {
            into.db().ingestExternalFile(family, List.of(table.toAbsolutePath().toString()), options);
        }
    }

    /** A one-pass scan: the part's blocks stay out of the block cache. */
    private static ReadOptions readOptions() {
        return new ReadOptions().setFillCache(false).setReadaheadSize(2L << 20);
    }

    /** A table file written with the target's column family options (table format, filters, compression), opened lazily. */
    private static final class TableWriter implements AutoCloseable {
        private final OperatorDb into;
        private final Path table;
        private EnvOptions env;
        private DBOptions dbOptions;
        private Options options;
        private SstFileWriter writer;
        private long entries;

        TableWriter(OperatorDb into, Path table) {
            this.into = into;
            this.table = table;
        }

        void put(byte[] key, byte[] value) throws RocksDBException {
            if (writer == null) {
                env = new EnvOptions();
                dbOptions = new DBOptions();
                options = new Options(dbOptions, into.columnFamilyOptions());
                writer = new SstFileWriter(env, options);
                writer.open(table.toAbsolutePath().toString());
            }
            writer.put(key, value);
            entries++;
        }

        /** Finishes the file, if any entry was written; returns the number of entries. */
        long finish() throws RocksDBException {
            if (writer != null) {
                writer.finish();
            }
            return entries;
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
                options.close();
                dbOptions.close();
                env.close();
            }
        }
    }
}
