package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.io.Output;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateSnapshot;
import dev.weir.runtime.state.KeyedStateSnapshot.KeyGroupState;
import dev.weir.runtime.state.KeyedStateSnapshot.StateEntries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A RocksDB backend's state as a {@link KeyedStateSnapshot} (the heap backend's format: savepoints move between the
 * backends and across parallelism) and back.
 */
final class LogicalSnapshots {
    /** Flush a restore's write batch at this size. */
    private static final long BATCH_BYTES = 4L << 20;

    private LogicalSnapshots() {
    }

    /** Every state's entries, grouped by key group (ascending), with keys, namespaces and values deserialized. */
    static KeyedStateSnapshot snapshot(RocksDbKeyedStateBackend<?> backend) {
        OperatorDb db = backend.db();
        db.checkOpen();
        StateSerializer serializer = backend.serializer();
        TreeMap<Integer, Map<String, StateEntries>> groups = new TreeMap<>();
        List<String> families = new ArrayList<>(db.familyNames());
        families.sort(null);
        for (String family : families) {
            boolean longNamespaces = family.startsWith(RocksDbKeyedStateBackend.LONG_PREFIX);
            if (!longNamespaces && !family.startsWith(RocksDbKeyedStateBackend.VALUE_PREFIX)) {
                continue;
            }
            String state = family.substring(family.indexOf(':') + 1);
            Collector collector = new Collector(state, longNamespaces, groups);
            try (RocksIterator it = db.db().newIterator(db.family(family))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    int keyGroup = KeyBytes.getKeyGroup(k, 0);
                    long varInt = KeyBytes.getVarInt(k, KeyBytes.KEY_GROUP_BYTES);
                    int keyLength = (int) (varInt >>> 8);
                    int keyAt = KeyBytes.KEY_GROUP_BYTES + (int) (varInt & 0xFF);
                    int namespaceAt = keyAt + keyLength;
                    collector.group(keyGroup);
                    if (!collector.sameKey(k, namespaceAt)) {
                        // one key object per run of entries: a restore checks each distinct key's group once
                        collector.lastKey = serializer.readIdentity(k, keyAt, keyLength);
                        collector.lastKeyBytes = Arrays.copyOf(k, namespaceAt);
                    }
                    Object key = collector.lastKey;
                    Object namespace = longNamespaces ? (Object) KeyBytes.getOrderedLong(k, namespaceAt)
                            : serializer.readIdentity(k, namespaceAt, k.length - namespaceAt);
                    collector.add(key, namespace, serializer.readValue(it.value()));
                }
                it.status();
            } catch (RocksDBException e) {
                throw db.failure("cannot read state '" + state + "' for a snapshot", e);
            }
            collector.flush();
        }
        List<KeyGroupState> out = new ArrayList<>();
        groups.forEach((group, states) -> out.add(new KeyGroupState(group, states)));
        return new KeyedStateSnapshot(backend.numberOfKeyGroups(), backend.keyGroupRange(), out);
    }

    /** The entries of one state, per key group, as the iteration delivers them (key group by key group). */
    private static final class Collector {
        private final String state;
        private final boolean longNamespaces;
        private final TreeMap<Integer, Map<String, StateEntries>> groups;
        private final List<Object> keys = new ArrayList<>();
        private final List<Object> namespaces = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private int keyGroup = -1;
        Object lastKey;
        byte[] lastKeyBytes;

        Collector(String state, boolean longNamespaces, TreeMap<Integer, Map<String, StateEntries>> groups) {
            this.state = state;
            this.longNamespaces = longNamespaces;
            this.groups = groups;
        }

        /** Whether the entry's {@code [key group][length][key]} (its first {@code length} bytes) is the last one's. */
        boolean sameKey(byte[] k, int length) {
            return lastKeyBytes != null && lastKeyBytes.length == length
                    && Arrays.equals(lastKeyBytes, 0, length, k, 0, length);
        }

        void group(int next) {
            if (next != keyGroup) {
                flush();
                keyGroup = next;
            }
        }

        void add(Object key, Object namespace, Object value) {
            keys.add(key);
            namespaces.add(namespace);
            values.add(value);
        }

        void flush() {
            if (keys.isEmpty()) {
                return;
            }
            StateEntries entries;
            if (longNamespaces) {
                long[] ns = new long[namespaces.size()];
                for (int i = 0; i < ns.length; i++) {
                    ns[i] = (Long) namespaces.get(i);
                }
                entries = new StateEntries.LongNamespaced(keys.toArray(), ns, values.toArray());
            } else {
                entries = new StateEntries.Namespaced(keys.toArray(), namespaces.toArray(), values.toArray());
            }
            groups.computeIfAbsent(keyGroup, g -> new TreeMap<>()).put(state, entries);
            keys.clear();
            namespaces.clear();
            values.clear();
        }
    }

    /**
     * Writes the entries of the snapshot's key groups that are in the backend's range (others are ignored), adding
     * them to what the backend holds.
     *
     * @throws IllegalArgumentException if the number of key groups differs, a state's namespace kind differs, or a
     *                                  key is filed under another key group than its hash gives
     */
    static void restore(RocksDbKeyedStateBackend<?> backend, KeyedStateSnapshot snapshot) {
        if (snapshot.numberOfKeyGroups() != backend.numberOfKeyGroups()) {
            throw new IllegalArgumentException("the snapshot has " + snapshot.numberOfKeyGroups()
                    + " key groups, this pipeline " + backend.numberOfKeyGroups()
                    + " (the number is fixed for a pipeline's lifetime)");
        }
        OperatorDb db = backend.db();
        StateSerializer serializer = backend.serializer();
        Output key = new Output(64, -1);
        Output keyBytes = new Output(64, -1);
        Output value = new Output(128, -1);
        byte[] header = new byte[KeyBytes.KEY_GROUP_BYTES + 5];
        byte[] longBytes = new byte[KeyBytes.LONG_BYTES];
        try (WriteBatch batch = new WriteBatch()) {
            for (KeyGroupState group : snapshot.keyGroups()) {
                if (!backend.keyGroupRange().contains(group.keyGroup())) {
                    continue;
                }
                for (Map.Entry<String, StateEntries> e : group.states().entrySet()) {
                    String state = e.getKey();
                    StateEntries entries = e.getValue();
                    boolean longNamespaces = entries instanceof StateEntries.LongNamespaced;
                    Object[] keys = longNamespaces ? ((StateEntries.LongNamespaced) entries).keys()
                            : ((StateEntries.Namespaced) entries).keys();
                    Object[] values = longNamespaces ? ((StateEntries.LongNamespaced) entries).values()
                            : ((StateEntries.Namespaced) entries).values();
                    ColumnFamilyHandle family;
                    if (longNamespaces) {
                        backend.longNamespacedState(state, Object.class);
                        family = db.family(RocksDbKeyedStateBackend.LONG_PREFIX + state);
                    } else {
                        backend.valueState(state, Object.class);
                        family = db.family(RocksDbKeyedStateBackend.VALUE_PREFIX + state);
                    }
                    Object previous = null;
                    for (int i = 0; i < keys.length; i++) {
                        if (values[i] == null) {
                            continue;
                        }
                        if (keys[i] != previous) {
                            KeyGroups.checkFiledUnder(backend.keyGroupAssigner(), state, group.keyGroup(), keys[i]);
                            keyBytes.reset();
                            serializer.writeIdentity(keys[i], keyBytes);
                            previous = keys[i];
                        }
                        key.reset();
                        KeyBytes.putKeyGroup(header, 0, group.keyGroup());
                        key.writeBytes(header, 0, KeyBytes.putVarInt(header, KeyBytes.KEY_GROUP_BYTES, keyBytes.position()));
                        key.writeBytes(keyBytes.getBuffer(), 0, keyBytes.position());
                        if (longNamespaces) {
                            KeyBytes.putOrderedLong(longBytes, 0, ((StateEntries.LongNamespaced) entries).namespaces()[i]);
                            key.writeBytes(longBytes);
                        } else {
                            serializer.writeIdentity(((StateEntries.Namespaced) entries).namespaces()[i], key);
                        }
                        value.reset();
                        serializer.writeValue(values[i], value);
                        batch.put(family, key.toBytes(), value.toBytes());
                        if (batch.getDataSize() >= BATCH_BYTES) {
                            db.db().write(db.writeOptions(), batch);
                            batch.clear();
                        }
                    }
                }
            }
            db.db().write(db.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw db.failure("cannot restore a snapshot", e);
        }
    }
}
