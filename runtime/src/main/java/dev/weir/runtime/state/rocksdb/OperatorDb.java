package dev.weir.runtime.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance of one operator: the database, its column families by name and its write options. Writes skip
 * the write-ahead log: the working directory is never recovered after a crash (a run starts empty or from a
 * checkpoint, which flushes the memtables first).
 *
 * <p>Use after {@link #close()} would be a native use-after-free (a JVM crash), so every access path checks
 * {@link #checkOpen()} first. Task thread only.
 */
final class OperatorDb implements AutoCloseable {
    /**
     * Working directories open in this JVM: opening one twice would first delete the live database's files (a fresh
     * start clears its directory) and only then fail on RocksDB's lock.
     */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private final String operator;
    private final Path directory;
    private final RocksDB db;
    private final ColumnFamilyOptions columnFamilyOptions;
    private final ColumnFamilyHandle defaultFamily;
    private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();
    private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    private final List<String> restoredFiles;
    /** Held while closing, and by whoever reads native counters from another thread (the factory). */
    private final Object lock;
    private volatile boolean closed;

    private OperatorDb(String operator, Path directory, RocksDB db, ColumnFamilyOptions columnFamilyOptions,
                       List<byte[]> names, List<ColumnFamilyHandle> handles, List<String> restoredFiles, Object lock) {
        this.lock = lock;
        this.operator = operator;
        this.directory = directory;
        this.db = db;
        this.columnFamilyOptions = columnFamilyOptions;
        this.restoredFiles = restoredFiles;
        ColumnFamilyHandle defaultHandle = null;
        for (int i = 0; i < names.size(); i++) {
            String name = new String(names.get(i), StandardCharsets.UTF_8);
            if (name.equals("default")) {
                defaultHandle = handles.get(i);
            } else {
                families.put(name, handles.get(i));
            }
        }
        this.defaultFamily = defaultHandle;
    }

    /**
     * Opens the database of {@code operator} in {@code directory}, deleting whatever was there: empty, or a copy of
     * the checkpoint in {@code restoreFrom} (if not null) with all its column families. {@link #close()} holds
     * {@code lock}, so that another thread holding it may read the open database's native counters.
     */
    static OperatorDb open(String operator, Path directory, Path restoreFrom, DBOptions dbOptions,
                           ColumnFamilyOptions columnFamilyOptions, Object lock) {
        Path key = directory.toAbsolutePath().normalize();
        if (!IN_USE.add(key)) {
            throw new IllegalStateException("the RocksDB directory " + directory + " of operator '" + operator
                    + "' is in use by another backend of this process (give each factory its own local directory)");
        }
        try {
            return openUnchecked(operator, directory, restoreFrom, dbOptions, columnFamilyOptions, lock);
        } catch (RuntimeException e) {
            IN_USE.remove(key);
            throw e;
        }
    }

    private static OperatorDb openUnchecked(String operator, Path directory, Path restoreFrom, DBOptions dbOptions,
                                            ColumnFamilyOptions columnFamilyOptions, Object lock) {
        CheckpointFiles.deleteRecursively(directory);
        List<String> restored = null;
        try {
            if (restoreFrom != null) {
                restored = Collections.unmodifiableList(CheckpointFiles.populate(restoreFrom, directory));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        String path = directory.toAbsolutePath().toString();
        List<byte[]> names = new ArrayList<>();
        try {
            if (restored != null) {
                try (Options options = new Options(dbOptions, columnFamilyOptions)) {
                    names.addAll(RocksDB.listColumnFamilies(options, path));
                }
            }
            if (names.isEmpty()) {
                names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
            }
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, columnFamilyOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(dbOptions, path, descriptors, handles);
            return new OperatorDb(operator, directory, db, columnFamilyOptions, names, handles, restored, lock);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the RocksDB state of operator '" + operator + "' in "
                    + directory + (restoreFrom == null ? "" : " restored from " + restoreFrom) + ": " + e.getMessage(), e);
        }
    }

    String operator() {
        return operator;
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** The working directory of the database. */
    Path directory() {
        return directory;
    }

    /** The options of every column family (table format, compression): files written for ingestion use them too. */
    ColumnFamilyOptions columnFamilyOptions() {
        return columnFamilyOptions;
    }

    /** The files the database was restored from, or null if it started empty. */
    List<String> restoredFiles() {
        return restoredFiles;
    }

    /** Whether the column family {@code name} exists (created now or restored). */
    boolean hasFamily(String name) {
        return families.containsKey(name);
    }

    Set<String> familyNames() {
        return Collections.unmodifiableSet(families.keySet());
    }

    /** The column family {@code name}, created on first use. */
    ColumnFamilyHandle family(String name) {
        checkOpen();
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            try {
                handle = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8),
                        columnFamilyOptions));
            } catch (RocksDBException e) {
                throw failure("cannot create column family '" + name + "'", e);
            }
            families.put(name, handle);
        }
        return handle;
    }

    /**
     * Writes a native checkpoint of the database into {@code target} (which must not exist; its parent is created):
     * memtables are flushed and the table files hard-linked when on the same file system.
     *
     * @return the names of the checkpoint's files, sorted
     */
    List<String> checkpoint(Path target) {
        checkOpen();
        if (Files.exists(target)) {
            throw new IllegalStateException("cannot checkpoint operator '" + operator + "' into " + target
                    + ": it exists already (every checkpoint needs a directory of its own)");
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target.getParent(), e);
        }
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toAbsolutePath().toString());
        } catch (RocksDBException e) {
            throw failure("cannot checkpoint into " + target, e);
        }
        return CheckpointFiles.list(target);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the RocksDB state of operator '" + operator + "' is closed");
        }
    }

    /** A RocksDB failure as an unchecked exception naming the operator. */
    IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB state of operator '" + operator + "': " + what + ": "
                + e.getMessage(), e);
    }

    /** Closes the column families, the database and its write options, then deletes the working directory. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (ColumnFamilyHandle h : families.values()) {
                h.close();
            }
            if (defaultFamily != null) {
                defaultFamily.close();
            }
            db.close();
            writeOptions.close();
        }
        try {
            CheckpointFiles.deleteRecursively(directory);
        } finally {
            IN_USE.remove(directory.toAbsolutePath().normalize());
        }
    }

    boolean isClosed() {
        return closed;
    }
}
