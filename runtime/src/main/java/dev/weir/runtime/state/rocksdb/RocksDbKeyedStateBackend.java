package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.io.Output;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyOutsideKeyGroupsException;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.KeyedStateSnapshot;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.time.TimerQueue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Keyed state of one operator in a RocksDB database of its own ({@link RocksDbStateBackendFactory} creates it): one
 * column family per state ({@code value:<name>} for object namespaces, {@code long:<name>} for {@code long}
 * namespaces) and per timer queue ({@code timers:<name>}).
 *
 * <p>State keys are {@code [key group: 2 bytes big-endian][length of the key bytes: varint][key bytes][namespace
 * bytes]} (see {@link KeyBytes}, {@link StateSerializer}): every column family is sorted by key group, then key, and
 * one key's entries are contiguous. The current key's prefix is serialized once per {@link #setCurrentKey} (not at
 * all when the key equals the previous one).
 *
 * <p>Values are serialized: {@link #storesReferences()} is false, so a value read is a copy and a change is kept only
 * by a {@code put}.
 *
 * <p>Snapshots depend on what the factory was told ({@link RocksDbStateBackendFactory#prepareSnapshot}): a native
 * checkpoint ({@link RocksDbCheckpointHandle}) or a logical {@link KeyedStateSnapshot}, the heap backend's format.
 *
 * <p>Not thread-safe: the task thread only.
 */
public final class RocksDbKeyedStateBackend<K> implements KeyedStateBackend<K> {
    static final String VALUE_PREFIX = "value:";
    static final String LONG_PREFIX = "long:";
    static final String TIMERS_PREFIX = "timers:";

    private final String operator;
    private final KeyGroupAssigner assigner;
    private final KeyGroupRange range;
    private final OperatorDb db;
    private final StateSerializer serializer;
    private final Supplier<SnapshotRequest> snapshots;
    private final Function<RocksDbSavepointHandle, Path> savepointFiles;
    private final Map<String, RocksDbValueState<K, ?, ?>> states = new HashMap<>();
    private final Map<String, RocksDbLongNamespacedState<?>> longStates = new HashMap<>();
    private final Map<String, RocksDbTimerQueue<K, ?>> timers = new HashMap<>();
    private final Output keyOutput = new Output(64, -1);
    private byte[] keyPrefix = new byte[64];
    private int keyPrefixLength;
    private K currentKey;
    private int currentKeyGroup;

    RocksDbKeyedStateBackend(String operator, KeyGroupAssigner assigner, KeyGroupRange range, OperatorDb db,
                             StateSerializer serializer, Supplier<SnapshotRequest> snapshots,
                             Function<RocksDbSavepointHandle, Path> savepointFiles) {
        int numberOfKeyGroups = assigner.numberOfKeyGroups();
        if (range.endInclusive() >= numberOfKeyGroups || numberOfKeyGroups > 1 << 16) {
            throw new IllegalArgumentException("key groups " + range + " of " + numberOfKeyGroups
                    + " (at most 65536 key groups)");
        }
        this.operator = operator;
        this.assigner = assigner;
        this.range = range;
        this.db = db;
        this.serializer = serializer;
        this.snapshots = snapshots;
        this.savepointFiles = savepointFiles;
    }

    @Override
    public KeyGroupAssigner keyGroupAssigner() {
        return assigner;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    /** The operator whose state this is. */
    public String operator() {
        return operator;
    }

    @Override
    public void setCurrentKey(K key) {
        if (currentKey != null && (key == currentKey || key.equals(currentKey))) {
            currentKey = key;
            return;
        }
        int kg = assigner.keyGroupOf(key);
        if (!range.contains(kg)) {
            throw new KeyOutsideKeyGroupsException(assigner, key, range);
        }
        keyOutput.reset();
        serializer.writeIdentity(key, keyOutput);
        int length = keyOutput.position();
        int total = KeyBytes.KEY_GROUP_BYTES + KeyBytes.varIntLength(length) + length;
        if (keyPrefix.length < total) {
            keyPrefix = new byte[Math.max(total, keyPrefix.length * 2)];
        }
        KeyBytes.putKeyGroup(keyPrefix, 0, kg);
        int at = KeyBytes.putVarInt(keyPrefix, KeyBytes.KEY_GROUP_BYTES, length);
        System.arraycopy(keyOutput.getBuffer(), 0, keyPrefix, at, length);
        keyPrefixLength = total;
        currentKey = key;
        currentKeyGroup = kg;
    }

    @Override
    public K currentKey() {
        return currentKey;
    }

    @Override
    public int currentKeyGroup() {
        return currentKeyGroup;
    }

    /** {@code [key group][length][key]} of the current key, valid up to {@link #keyPrefixLength()}. */
    byte[] keyPrefix() {
        if (currentKey == null) {
            throw new IllegalStateException("no current key: state is accessed before setCurrentKey");
        }
        return keyPrefix;
    }

    int keyPrefixLength() {
        return keyPrefixLength;
    }

    StateSerializer serializer() {
        return serializer;
    }

    OperatorDb db() {
        return db;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> NamespacedValueState<N, V> valueState(String name, Class<?> valueType) {
        RocksDbValueState<K, ?, ?> state = states.get(name);
        if (state == null) {
            if (longStates.containsKey(name) || db.hasFamily(LONG_PREFIX + name)) {
                throw new IllegalArgumentException("state '" + name + "' already exists with long namespaces");
            }
            state = new RocksDbValueState<>(this, column(name, VALUE_PREFIX));
            states.put(name, state);
        }
        return (NamespacedValueState<N, V>) state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> LongNamespacedValueState<V> longNamespacedState(String name, Class<?> valueType) {
        RocksDbLongNamespacedState<?> state = longStates.get(name);
        if (state == null) {
            if (states.containsKey(name) || db.hasFamily(VALUE_PREFIX + name)) {
                throw new IllegalArgumentException("state '" + name + "' already exists with object namespaces");
            }
            state = new RocksDbLongNamespacedState<>(column(name, LONG_PREFIX));
            longStates.put(name, state);
        }
        return (LongNamespacedValueState<V>) state;
    }

    private StateColumn column(String name, String prefix) {
        return new StateColumn(name, this, db, db.family(prefix + name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> TimerQueue<K, N> timerQueue(String name, Class<?> namespaceType) {
        return (TimerQueue<K, N>) timers.computeIfAbsent(name, n -> new RocksDbTimerQueue<>(n, db,
                db.family(TIMERS_PREFIX + n), serializer, assigner, snapshots));
    }

    @Override
    public boolean storesReferences() {
        return false;
    }

    /** Counts the entries of every state: a scan of the database (metrics and tests). */
    @Override
    public long entryCount() {
        db.checkOpen();
        long n = 0;
        for (String family : db.familyNames()) {
            if (family.startsWith(VALUE_PREFIX) || family.startsWith(LONG_PREFIX)) {
                try (RocksIterator it = db.db().newIterator(db.family(family))) {
                    for (it.seekToFirst(); it.isValid(); it.next()) {
                        n++;
                    }
                    it.status();
                } catch (RocksDBException e) {
                    throw db.failure("cannot count entries", e);
                }
            }
        }
        return n;
    }

    /**
     * A {@link RocksDbCheckpointHandle} after {@code prepareSnapshot(CHECKPOINT, dir)} (the database's files written to
     * {@code <dir>/<directory name of the operator>}), a {@link RocksDbSavepointHandle} after
     * {@code prepareSnapshot(NATIVE_SAVEPOINT, dir)} (the files in {@code <dir>/<handle's directory>}), else a
     * {@link KeyedStateSnapshot} with every value deserialized.
     */
    @Override
    public Object snapshotState() {
        SnapshotRequest request = snapshots.get();
        return switch (request.kind()) {
            case CHECKPOINT -> new RocksDbCheckpointHandle(operator, numberOfKeyGroups(), range,
                    db.checkpoint(request.directory().resolve(CheckpointFiles.directoryName(operator))));
            case NATIVE_SAVEPOINT -> {
                String directory = RocksDbSavepointHandle.directoryFor(operator, range);
                yield new RocksDbSavepointHandle(operator, numberOfKeyGroups(), range, directory,
                        db.checkpoint(request.directory().resolve(directory)));
            }
            case SAVEPOINT -> LogicalSnapshots.snapshot(this);
        };
    }

    /**
     * Restores a {@link RocksDbCheckpointHandle} (checking that the database was opened from that checkpoint's files,
     * for this operator and key groups), or adds the entries of this backend's key groups from a
     * {@link RocksDbSavepointHandle} (its files found through {@link RocksDbStateBackendFactory#restoreSavepointFiles},
     * copied raw; timers included) or from a {@link KeyedStateSnapshot}.
     *
     * @throws IllegalArgumentException if the state is of another kind, the handle does not match, the savepoint's
     *                                  files are missing, or the snapshot has another number of key groups or a key
     *                                  filed under a wrong key group
     */
    @Override
    public void restoreState(Object state) {
        if (state instanceof RocksDbCheckpointHandle handle) {
            checkHandle(handle);
            return;
        }
        if (state instanceof RocksDbSavepointHandle handle) {
            restoreNative(handle);
            return;
        }
        KeyedStateSnapshot snapshot = Snapshots.expect(state, KeyedStateSnapshot.class, "RocksDB keyed state backend");
        LogicalSnapshots.restore(this, snapshot);
    }

    private void restoreNative(RocksDbSavepointHandle handle) {
        if (!handle.operator().equals(operator) || handle.numberOfKeyGroups() != numberOfKeyGroups()) {
            throw new IllegalArgumentException("the savepoint's RocksDB state of operator '" + handle.operator()
                    + "' with " + handle.numberOfKeyGroups() + " key groups does not fit operator '" + operator
                    + "' with " + numberOfKeyGroups() + " (the number of key groups is fixed for a pipeline's lifetime)");
        }
        if (!handle.keyGroupRange().intersects(range)) {
            return; // another task's key groups: its files need not even be here
        }
        NativeSavepointRestore.copy(this, handle, savepointFiles.apply(handle));
        for (RocksDbTimerQueue<K, ?> queue : timers.values()) {
            queue.reload();
        }
    }

    private void checkHandle(RocksDbCheckpointHandle handle) {
        if (!handle.operator().equals(operator) || handle.numberOfKeyGroups() != numberOfKeyGroups()
                || !handle.keyGroupRange().equals(range)) {
            throw new IllegalArgumentException("the RocksDB checkpoint of operator '" + handle.operator() + "' with key groups "
                    + handle.keyGroupRange() + " of " + handle.numberOfKeyGroups() + " does not fit operator '" + operator
                    + "' with key groups " + range + " of " + numberOfKeyGroups()
                    + " (a native checkpoint restores into the same operator and key groups only; rescale from a savepoint)");
        }
        if (db.restoredFiles() == null) {
            throw new IllegalArgumentException("the RocksDB state of operator '" + operator + "' was not opened from "
                    + "checkpoint files: call RocksDbStateBackendFactory.restoreFrom(checkpoint directory) before the "
                    + "pipeline is built");
        }
        if (!new HashSet<>(db.restoredFiles()).containsAll(handle.files())) {
            throw new IllegalArgumentException("the RocksDB state of operator '" + operator + "' was opened from files "
                    + db.restoredFiles() + ", which lack some of the checkpoint's " + handle.files());
        }
    }

    /** Closes the database (the factory does it too); later access fails with {@link IllegalStateException}. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "RocksDbKeyedStateBackend(" + operator + ", " + range + " of " + numberOfKeyGroups() + ")";
    }
}
