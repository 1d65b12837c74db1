package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.SavepointFormat;
import dev.weir.runtime.state.StateBackendFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.MemoryUsageType;
import org.rocksdb.MemoryUtil;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Creates RocksDB keyed state backends, one database per keyed operator in
 * {@code <localDirectory>/db/<directory name of the operator>}, all sharing one LRU block cache and one write buffer
 * manager charged to that cache, so the native memory of a task is bounded by {@link RocksDbOptions#blockCacheBytes()}
 * however many operators and states it has ({@link #nativeMemory()} reports it).
 *
 * <p><b>Snapshots.</b> By default the backends' snapshots are logical ({@link SnapshotKind#SAVEPOINT}, the heap
 * format). {@link #prepareSnapshot(SnapshotKind, Path)} with {@link SnapshotKind#CHECKPOINT} makes the following
 * {@code snapshotState()} calls write native checkpoints into {@code <directory>/<directory name of the operator>}
 * instead (each checkpoint needs a new directory); {@link SnapshotKind#NATIVE_SAVEPOINT} does the same for a native
 * savepoint ({@link #prepareSavepoint(SavepointFormat, Path)}, restored with {@link #restoreSavepointFiles}). To
 * continue from native checkpoint files, call
 * {@link #restoreFrom(Path)} before the backends are created: each backend whose operator has a sub-directory there
 * opens a copy of it (table files hard-linked), and its {@code restoreState(RocksDbCheckpointHandle)} then only checks
 * the handle. Without a restore, a backend deletes whatever an earlier run left in its working directory.
 *
 * <p>{@link #close()} closes every database, column family, option object, the cache and the write buffer manager (no
 * native memory is left behind) and deletes the working directories.
 *
 * <p>Creating backends, snapshots and closing happen on the task thread; {@link #nativeMemory()} may be called from
 * another thread (a metrics reporter): it is synchronized with {@link #create} and {@link #close}.
 */
public final class RocksDbStateBackendFactory implements StateBackendFactory {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDbOptions options;
    private final Cache blockCache;
    private final WriteBufferManager writeBufferManager;
    private final BloomFilter bloomFilter;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnFamilyOptions;
    private final Map<String, OperatorDb> databases = new LinkedHashMap<>();
    private volatile SnapshotRequest snapshotRequest = SnapshotRequest.SAVEPOINT;
    private Path restoreDirectory;
    private List<Path> savepointParts = List.of();
    private boolean closed;

    public RocksDbStateBackendFactory(RocksDbOptions options) {
        this.options = options;
        // One shard: a task's databases are used by one thread, and the default of up to 64 shards splits the cache
        // into pieces smaller than the filter of one large SST file, which then never stays cached (every get
        // re-read and checksummed it: 10M keys fell from ~70k to ~3.7k events/s once compaction left level 0).
        blockCache = new LRUCache(options.blockCacheBytes(), 0, false);
        writeBufferManager = new WriteBufferManager(options.writeBufferBytes(), blockCache);
        bloomFilter = new BloomFilter(10, false);
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(writeBufferManager)
                .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                .setKeepLogFileNum(2)
                .setAvoidFlushDuringShutdown(true);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(blockCache)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                // partitioned index and filters: a get loads only the small partitions it needs, not a whole
                // file's filter; the top level stays pinned
                .setIndexType(IndexType.kTwoLevelIndexSearch)
                .setPartitionFilters(true)
                .setPinTopLevelIndexAndFilter(true)
                .setFilterPolicy(bloomFilter);
        // Per column family; the write buffer manager bounds the sum over every column family of every database.
        long memtable = Math.max(1L << 20, Math.min(64L << 20, options.writeBufferBytes() / 4));
        columnFamilyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(memtable);
    }

    /** The directory name of {@code operator}'s database and of its part of a checkpoint. */
    public static String directoryName(String operator) {
        return CheckpointFiles.directoryName(operator);
    }

    public RocksDbOptions options() {
        return options;
    }

    /**
     * Sets what the next {@code snapshotState()} calls of every backend of this factory produce, until the next call:
     * native checkpoints into {@code checkpointDirectory/<operator>} (which must not exist yet), or logical savepoints
     * ({@code checkpointDirectory} is ignored, may be null).
     */
    public void prepareSnapshot(SnapshotKind kind, Path checkpointDirectory) {
        snapshotRequest = new SnapshotRequest(kind, kind == SnapshotKind.SAVEPOINT ? null : checkpointDirectory);
    }

    /** {@code prepareSnapshot(CHECKPOINT, directory)}: the {@link StateBackendFactory} form. */
    @Override
    public void prepareCheckpoint(Path directory) {
        prepareSnapshot(SnapshotKind.CHECKPOINT, directory);
    }

    /**
     * {@code prepareSnapshot(SAVEPOINT, null)} for {@link SavepointFormat#CANONICAL},
     * {@code prepareSnapshot(NATIVE_SAVEPOINT, directory)} for {@link SavepointFormat#NATIVE}: the
     * {@link StateBackendFactory} form.
     */
    @Override
    public void prepareSavepoint(SavepointFormat format, Path directory) {
        switch (format) {
            case CANONICAL -> prepareSnapshot(SnapshotKind.SAVEPOINT, null);
            case NATIVE -> prepareSnapshot(SnapshotKind.NATIVE_SAVEPOINT, directory);
        }
    }

    /**
     * Where backends restoring a {@link RocksDbSavepointHandle} find its files: in
     * {@code <one of partDirectories>/<handle's directory>} (the directories a native savepoint's parts were
     * downloaded to; a part whose key groups this task does not own need not be among them).
     */
    @Override
    public synchronized void restoreSavepointFiles(List<Path> partDirectories) {
        savepointParts = List.copyOf(partDirectories);
    }

    private synchronized Path savepointFiles(RocksDbSavepointHandle handle) {
        for (Path part : savepointParts) {
            Path files = part.resolve(handle.directory());
            if (Files.isDirectory(files)) {
                return files;
            }
        }
        throw new IllegalArgumentException("the files of the savepoint's RocksDB state of operator '" + handle.operator()
                + "', key groups " + handle.keyGroupRange() + " (" + handle.directory() + ") are in none of "
                + savepointParts + " (the savepoint's part was not downloaded)");
    }

    SnapshotRequest snapshotRequest() {
        return snapshotRequest;
    }

    /**
     * Makes the backends created from now on start from the native checkpoint in {@code checkpointDirectory} (as
     * {@link #prepareSnapshot} with {@link SnapshotKind#CHECKPOINT} wrote it, or as downloaded): an operator whose
     * sub-directory exists there opens a copy of it, one without starts empty.
     *
     * @throws IllegalStateException if backends were created already
     */
    @Override
    public synchronized void restoreFrom(Path checkpointDirectory) {
        if (!databases.isEmpty()) {
            throw new IllegalStateException("restoreFrom must be called before the backends are created, "
                    + databases.size() + " exist already");
        }
        restoreDirectory = checkpointDirectory;
    }

    /**
     * The backend of {@code operator}: a database in {@code <localDirectory>/db/<directory name>}, empty or restored
     * ({@link #restoreFrom}).
     *
     * @throws IllegalStateException if the factory is closed or {@code operator} has a backend already
     */
    @Override
    public <K> RocksDbKeyedStateBackend<K> create(String operator, int numberOfKeyGroups, KeyGroupRange keyGroups) {
        return create(operator, KeyGroups.hashing(numberOfKeyGroups), keyGroups);
    }

    @Override
    public synchronized <K> RocksDbKeyedStateBackend<K> create(String operator, KeyGroupAssigner assigner,
                                                               KeyGroupRange keyGroups) {
        if (closed) {
            throw new IllegalStateException("the RocksDB state backend factory is closed");
        }
        OperatorDb existing = databases.get(operator);
        if (existing != null && !existing.isClosed()) {
            throw new IllegalStateException("operator '" + operator + "' has a RocksDB backend already");
        }
        String directory = directoryName(operator);
        Path restore = restoreDirectory == null ? null : restoreDirectory.resolve(directory);
        if (restore != null && !Files.isDirectory(restore)) {
            restore = null;
        }
        OperatorDb db = OperatorDb.open(operator, options.localDirectory().resolve("db").resolve(directory), restore,
                dbOptions, columnFamilyOptions, this);
        databases.put(operator, db);
        ClassLoader loader = options.classLoader() != null ? options.classLoader()
                : RocksDbStateBackendFactory.class.getClassLoader();
        return new RocksDbKeyedStateBackend<>(operator, assigner, keyGroups, db, new StateSerializer(loader),
                this::snapshotRequest, this::savepointFiles);
    }

    /** What the open databases use now (a snapshot of RocksDB's counters). */
    @Override
    public long nativeMemoryBytes() {
        return nativeMemory().totalBytes();
    }

    public synchronized NativeMemory nativeMemory() {
        List<RocksDB> open = new ArrayList<>();
        for (OperatorDb db : databases.values()) {
            if (!db.isClosed()) {
                open.add(db.db());
            }
        }
        long memTables = 0;
        long tableReaders = 0;
        if (!open.isEmpty()) {
            Map<MemoryUsageType, Long> usage = MemoryUtil.getApproximateMemoryUsageByType(open, Set.of(blockCache));
            memTables = usage.getOrDefault(MemoryUsageType.kMemTableTotal, 0L);
            tableReaders = usage.getOrDefault(MemoryUsageType.kTableReadersTotal, 0L);
        }
        return closed ? new NativeMemory(0, options.blockCacheBytes(), 0, 0, 0)
                : new NativeMemory(blockCache.getUsage(), options.blockCacheBytes(), blockCache.getPinnedUsage(),
                memTables, tableReaders);
    }

    /** Closes every database and then the shared native objects; deletes the working directories. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (OperatorDb db : databases.values()) {
            try {
                db.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        databases.clear();
        columnFamilyOptions.close();
        dbOptions.close();
        bloomFilter.close();
        writeBufferManager.close();
        blockCache.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "rocksdb(" + options.localDirectory() + ")";
    }
}
