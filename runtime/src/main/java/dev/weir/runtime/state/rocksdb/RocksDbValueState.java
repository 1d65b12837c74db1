package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.NamespacedValueState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A namespaced value state in its own column family: key {@code [key group][key length][key][namespace]}, value the
 * serialized value. {@link #namespaces()} is a prefix scan over {@code [key group][key length][key]}.
 */
final class RocksDbValueState<K, N, V> implements NamespacedValueState<N, V> {
    private final RocksDbKeyedStateBackend<K> backend;
    private final StateColumn column;

    RocksDbValueState(RocksDbKeyedStateBackend<K> backend, StateColumn column) {
        this.backend = backend;
        this.column = column;
    }

    private void keyAt(N namespace) {
        backend.serializer().writeIdentity(namespace, column.startKey());
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(N namespace) {
        keyAt(namespace);
        return (V) column.get();
    }

    @Override
    public void put(N namespace, V value) {
        keyAt(namespace);
        if (value == null) {
            column.remove();
        } else {
            column.put(value);
        }
    }

    @Override
    public void remove(N namespace) {
        keyAt(namespace);
        column.remove();
    }

    /**
     * The current key's namespaces in byte order, materialized (a copy, so writing the state while iterating it is
     * harmless here). The scan is bounded above by the prefix's successor, so RocksDB stops at the key's end instead
     * of stepping over other keys' deleted entries.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Iterable<N> namespaces() {
        column.startKey();
        byte[] prefix = Arrays.copyOf(backend.keyPrefix(), backend.keyPrefixLength());
        byte[] end = successor(prefix);
        List<N> out = new ArrayList<>();
        try (Slice upper = end == null ? null : new Slice(end);
             ReadOptions options = new ReadOptions();
             RocksIterator it = backend.db().db().newIterator(column.family(),
                     upper == null ? options : options.setIterateUpperBound(upper))) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!KeyBytes.startsWith(key, prefix, prefix.length)) {
                    break;
                }
                out.add((N) backend.serializer().readIdentity(key, prefix.length, key.length - prefix.length));
            }
            it.status();
        } catch (RocksDBException e) {
            throw backend.db().failure("cannot list namespaces", e);
        }
        return out;
    }

    /** The smallest byte string greater than every string starting with {@code prefix}; null if there is none. */
    static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] s = Arrays.copyOf(prefix, i + 1);
                s[i]++;
                return s;
            }
        }
        return null;
    }
}
