package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.io.Output;
import dev.weir.runtime.state.LongNamespacedValueState;

/**
 * A {@code long}-namespaced state (window panes) in its own column family: key
 * {@code [key group][key length][key][namespace: 8 bytes, numeric byte order]}, value the serialized value.
 */
final class RocksDbLongNamespacedState<V> implements LongNamespacedValueState<V> {
    private final StateColumn column;
    private final byte[] namespaceBytes = new byte[KeyBytes.LONG_BYTES];

    RocksDbLongNamespacedState(StateColumn column) {
        this.column = column;
    }

    private void keyAt(long namespace) {
        Output key = column.startKey();
        KeyBytes.putOrderedLong(namespaceBytes, 0, namespace);
        key.writeBytes(namespaceBytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(long namespace) {
        keyAt(namespace);
        return (V) column.get();
    }

    @Override
    public void put(long namespace, V value) {
        keyAt(namespace);
        if (value == null) {
            column.remove();
        } else {
            column.put(value);
        }
    }

    @Override
    public void remove(long namespace) {
        keyAt(namespace);
        column.remove();
    }
}
