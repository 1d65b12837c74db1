package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.io.Output;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.TimerQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A {@link TimerQueue} in a column family of its own. A timer is a key without a value:
 * {@code [timestamp: 8 bytes, numeric byte order][key group: 2][key length][key][namespace]}, so RocksDB's order is
 * firing order, and timers with equal timestamps fire in key-group, key-byte, namespace-byte order: fixed for a given
 * state, so a restored task fires them as the original would have. Registering twice writes the same key (dedupe).
 *
 * <p><b>Firing</b> reads the due timers in chunks, each from a fresh iterator that seeks to the <em>floor</em>: a key
 * below which no timer is live (the last fired one). Deleting a fired timer leaves a tombstone, so seeking from the
 * start of the column family for every timer would step over all earlier tombstones (quadratic when millions of
 * windows end at one timestamp); seeking to the floor steps over none. The chunk is fired from a sorted in-memory set
 * of pending keys: a callback that registers a timer at or before the chunk's last key adds it there (it fires in
 * order, even before timers of the chunk), one that deletes such a timer removes it, so a chunk is never re-read.
 * {@link #nextTimestamp()} is cached and recomputed by one seek to the floor when a deletion or a firing may have
 * changed it.
 *
 * <p>{@link #size()} and {@link #all()} scan the column family (metrics, tests, savepoints). Task thread only.
 */
final class RocksDbTimerQueue<K, N> implements TimerQueue<K, N> {
    private static final int CHUNK = 256;
    private static final byte[] EMPTY = new byte[0];

    private final String name;
    private final OperatorDb db;
    private final ColumnFamilyHandle family;
    private final StateSerializer serializer;
    private final KeyGroupAssigner keyGroups;
    private final Supplier<SnapshotRequest> snapshots;
    private final Output keyOutput = new Output(64, -1);
    private final Output timerOutput = new Output(64, -1);
    private final byte[] header = new byte[KeyBytes.LONG_BYTES + KeyBytes.KEY_GROUP_BYTES + 5];
    private Object lastKey;
    private byte[] lastKeyBytes;

    /** No live timer's key is smaller; null: unknown, start of the column family. */
    private byte[] floor;
    private long next;
    private boolean nextKnown;

    /** While firing: the due timers read but not fired yet, plus those registered since at or before chunkLast. */
    private final TreeSet<byte[]> pending = new TreeSet<>(Arrays::compareUnsigned);
    private boolean firing;
    private byte[] chunkLast;

    RocksDbTimerQueue(String name, OperatorDb db, ColumnFamilyHandle family, StateSerializer serializer,
                      KeyGroupAssigner keyGroups, Supplier<SnapshotRequest> snapshots) {
        this.name = name;
        this.db = db;
        this.family = family;
        this.serializer = serializer;
        this.keyGroups = keyGroups;
        this.snapshots = snapshots;
    }

    /** The RocksDB key of a timer. */
    private byte[] encode(long timestamp, K key, N namespace) {
        if (key != lastKey && (lastKey == null || !lastKey.equals(key))) {
            keyOutput.reset();
            serializer.writeIdentity(key, keyOutput);
            lastKeyBytes = keyOutput.toBytes();
            lastKey = key;
        }
        KeyBytes.putOrderedLong(header, 0, timestamp);
        KeyBytes.putKeyGroup(header, KeyBytes.LONG_BYTES, keyGroups.keyGroupOf(key));
        int headerLength = KeyBytes.putVarInt(header, KeyBytes.LONG_BYTES + KeyBytes.KEY_GROUP_BYTES,
                lastKeyBytes.length);
        timerOutput.reset();
        timerOutput.writeBytes(header, 0, headerLength);
        timerOutput.writeBytes(lastKeyBytes);
        serializer.writeIdentity(namespace, timerOutput);
        return timerOutput.toBytes();
    }

    @SuppressWarnings("unchecked")
    private InternalTimer<K, N> decode(byte[] k) {
        long timestamp = KeyBytes.getOrderedLong(k, 0);
        int at = KeyBytes.LONG_BYTES + KeyBytes.KEY_GROUP_BYTES;
        long varInt = KeyBytes.getVarInt(k, at);
        int keyLength = (int) (varInt >>> 8);
        at += (int) (varInt & 0xFF);
        K key = (K) serializer.readIdentity(k, at, keyLength);
        at += keyLength;
        N namespace = (N) serializer.readIdentity(k, at, k.length - at);
        return new InternalTimer<>(timestamp, key, namespace);
    }

    @Override
    public void register(long timestampMillis, K key, N namespace) {
        db.checkOpen();
        byte[] k = encode(timestampMillis, key, namespace);
        try {
            db.db().put(family, db.writeOptions(), k, EMPTY);
        } catch (RocksDBException e) {
            throw db.failure("cannot register a timer in '" + name + "'", e);
        }
        if (floor != null && KeyBytes.compare(k, floor) < 0) {
            floor = k;
        }
        if (nextKnown && timestampMillis < next) {
            next = timestampMillis;
        }
        if (firing && KeyBytes.compare(k, chunkLast) <= 0) {
            pending.add(k);
        }
    }

    @Override
    public void delete(long timestampMillis, K key, N namespace) {
        db.checkOpen();
        byte[] k = encode(timestampMillis, key, namespace);
        try {
            db.db().delete(family, db.writeOptions(), k);
        } catch (RocksDBException e) {
            throw db.failure("cannot delete a timer in '" + name + "'", e);
        }
        if (nextKnown && timestampMillis == next) {
            nextKnown = false;
        }
        if (firing && KeyBytes.compare(k, chunkLast) <= 0) {
            pending.remove(k);
        }
    }

    @Override
    public void fireUpTo(long upToMillis, Consumer<InternalTimer<K, N>> callback) {
        if (firing) {
            throw new IllegalStateException("timer queue '" + name + "' is firing already");
        }
        if (nextTimestamp() > upToMillis) {
            return;
        }
        firing = true;
        byte[] bound = null;
        if (upToMillis != Long.MAX_VALUE) {
            bound = new byte[KeyBytes.LONG_BYTES];
            KeyBytes.putOrderedLong(bound, 0, upToMillis + 1);
        }
        try (Slice upper = bound == null ? null : new Slice(bound);
             ReadOptions options = new ReadOptions()) {
            if (upper != null) {
                options.setIterateUpperBound(upper);
            }
            List<byte[]> chunk;
            while (!(chunk = readChunk(options)).isEmpty()) {
                chunkLast = chunk.get(chunk.size() - 1);
                pending.addAll(chunk);
                byte[] k;
                while ((k = pending.pollFirst()) != null) {
                    db.db().delete(family, db.writeOptions(), k);
                    floor = k;
                    nextKnown = false;
                    callback.accept(decode(k));
                }
                // every live timer up to chunkLast has fired: the next chunk starts after it
                floor = chunkLast;
            }
        } catch (RocksDBException e) {
            throw db.failure("cannot fire timers of '" + name + "'", e);
        } finally {
            firing = false;
            chunkLast = null;
            pending.clear();
            nextKnown = false;
        }
    }

    /** Up to {@link #CHUNK} keys from the floor on, within the options' bound. */
    private List<byte[]> readChunk(ReadOptions options) throws RocksDBException {
        db.checkOpen();
        List<byte[]> chunk = new ArrayList<>(Math.min(CHUNK, 16));
        try (RocksIterator it = db.db().newIterator(family, options)) {
            seekFloor(it);
            for (; it.isValid() && chunk.size() < CHUNK; it.next()) {
                chunk.add(it.key());
            }
            it.status();
        }
        return chunk;
    }

    private void seekFloor(RocksIterator it) {
        if (floor == null) {
            it.seekToFirst();
        } else {
            it.seek(floor);
        }
    }

    @Override
    public long nextTimestamp() {
        if (!nextKnown) {
            db.checkOpen();
            try (RocksIterator it = db.db().newIterator(family)) {
                seekFloor(it);
                if (it.isValid()) {
                    floor = it.key();
                    next = KeyBytes.getOrderedLong(floor, 0);
                } else {
                    next = Long.MAX_VALUE;
                }
                it.status();
            } catch (RocksDBException e) {
                throw db.failure("cannot read timers of '" + name + "'", e);
            }
            nextKnown = true;
        }
        return next;
    }

    /** Counts the timers: a scan of the column family. */
    @Override
    public long size() {
        db.checkOpen();
        long n = 0;
        try (RocksIterator it = db.db().newIterator(family)) {
            seekFloor(it);
            for (; it.isValid(); it.next()) {
                n++;
            }
            it.status();
        } catch (RocksDBException e) {
            throw db.failure("cannot count timers of '" + name + "'", e);
        }
        return n;
    }

    /** All timers in firing order, read now (a copy). */
    @Override
    public Iterable<InternalTimer<K, N>> all() {
        db.checkOpen();
        List<InternalTimer<K, N>> timers = new ArrayList<>();
        try (RocksIterator it = db.db().newIterator(family)) {
            seekFloor(it);
            for (; it.isValid(); it.next()) {
                timers.add(decode(it.key()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw db.failure("cannot read timers of '" + name + "'", e);
        }
        return timers;
    }

    /**
     * For a {@link SnapshotKind#CHECKPOINT} or {@link SnapshotKind#NATIVE_SAVEPOINT}: null, the timers are in the
     * snapshot's files. For a canonical savepoint: the timers in firing order (the heap queue's format), or null if
     * there are none.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Object snapshotState() {
        if (snapshots.get().kind() != SnapshotKind.SAVEPOINT) {
            return null;
        }
        List<InternalTimer<K, N>> timers = (List<InternalTimer<K, N>>) all();
        return timers.isEmpty() ? null : timers;
    }

    /**
     * Forgets what this queue inferred from its column family (the floor, the next timestamp): timers were written
     * into it behind its back (a native savepoint's restore).
     */
    void reload() {
        if (firing) {
            throw new IllegalStateException("timer queue '" + name + "' is firing");
        }
        floor = null;
        nextKnown = false;
    }

    /** Registers the timers of a savepoint (a list of {@link InternalTimer}) whose key {@code keep} accepts. */
    @Override
    @SuppressWarnings("unchecked")
    public void restoreState(Object state, Predicate<? super K> keep) {
        if (state == null) {
            return;
        }
        for (Object o : Snapshots.expect(state, List.class, "timer queue")) {
            InternalTimer<K, N> t = Snapshots.expect(o, InternalTimer.class, "timer queue");
            if (keep.test(t.key())) {
                register(t.timestampMillis(), t.key(), t.namespace());
            }
        }
    }

    @Override
    public String toString() {
        return "RocksDbTimerQueue(" + name + ")";
    }
}
