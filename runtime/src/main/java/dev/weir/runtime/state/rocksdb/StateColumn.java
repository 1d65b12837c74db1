package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.io.Output;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * One state's column family, read and written at {@code [current key prefix][namespace bytes]}: the key a state
 * builds with {@link #startKey()} and completes with its namespace. Buffers are reused, so a get or put allocates only
 * what RocksDB returns and what Kryo reads.
 */
final class StateColumn {
    private final String state;
    private final RocksDbKeyedStateBackend<?> backend;
    private final OperatorDb db;
    private final ColumnFamilyHandle family;
    private final Output key = new Output(64, -1);
    private final Output value = new Output(128, -1);

    StateColumn(String state, RocksDbKeyedStateBackend<?> backend, OperatorDb db, ColumnFamilyHandle family) {
        this.state = state;
        this.backend = backend;
        this.db = db;
        this.family = family;
    }

    ColumnFamilyHandle family() {
        return family;
    }

    /** Clears the key buffer and writes the current key's prefix ({@code [key group][length][key]}) into it. */
    Output startKey() {
        db.checkOpen();
        key.reset();
        key.writeBytes(backend.keyPrefix(), 0, backend.keyPrefixLength());
        return key;
    }

    /** The value at the key built since {@link #startKey()}, or null. */
    Object get() {
        byte[] bytes;
        try {
            bytes = db.db().get(family, key.getBuffer(), 0, key.position());
        } catch (RocksDBException e) {
            throw db.failure("cannot read state '" + state + "'", e);
        }
        return bytes == null ? null : backend.serializer().readValue(bytes);
    }

    /** Writes a non-null value at the key built since {@link #startKey()}. */
    void put(Object v) {
        value.reset();
        backend.serializer().writeValue(v, value);
        try {
            db.db().put(family, db.writeOptions(), key.getBuffer(), 0, key.position(), value.getBuffer(), 0,
                    value.position());
        } catch (RocksDBException e) {
            throw db.failure("cannot write state '" + state + "'", e);
        }
    }

    /** Deletes the key built since {@link #startKey()}. */
    void remove() {
        try {
            db.db().delete(family, db.writeOptions(), key.getBuffer(), 0, key.position());
        } catch (RocksDBException e) {
            throw db.failure("cannot delete from state '" + state + "'", e);
        }
    }
}
