package dev.weir.runtime.state.heap;

/**
 * An open-addressing hash table from (key, {@code long} namespace) to a value: the storage of one key group of a
 * {@code long}-namespaced state (a key's window panes). One table instead of a map of maps, so a lookup touches
 * about four cache lines (the slot's hash and namespace, the slot's key and value references, the key, the value)
 * instead of seven; on the engine's hottest path that is most of the cost. Linear probing with backward-shift
 * deletion (no tombstones). Written by hand for that reason: no library offers a table over (object, long) pairs.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KeyNamespaceTable<K, V> {
    /** Per slot {@code i}: {@code meta[2i]} = namespace, {@code meta[2i + 1]} = hash of (key, namespace). */
    private long[] meta;
    /** Per slot {@code i}: {@code refs[2i]} = key, {@code refs[2i + 1]} = value; a null value marks a free slot. */
    private Object[] refs;
    private int mask;
    private int size;

    KeyNamespaceTable() {
        allocate(16);
    }

    private void allocate(int capacity) {
        meta = new long[capacity * 2];
        refs = new Object[capacity * 2];
        mask = capacity - 1;
    }

    /** Mixes a key's hash code and a namespace (murmur3 finalizer). */
    static long hash(int keyHash, long namespace) {
        long h = namespace * 0x9E3779B97F4A7C15L + keyHash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private int find(Object key, long namespace, long hash) {
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (refs[2 * i + 1] == null) {
                return -1 - i;
            }
            if (meta[2 * i + 1] == hash && meta[2 * i] == namespace) {
                Object k = refs[2 * i];
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    V get(K key, int keyHash, long namespace) {
        int i = find(key, namespace, hash(keyHash, namespace));
        return i < 0 ? null : (V) refs[2 * i + 1];
    }

    /** Puts a non-null value. */
    void put(K key, int keyHash, long namespace, V value) {
        long hash = hash(keyHash, namespace);
        int i = find(key, namespace, hash);
        if (i >= 0) {
            refs[2 * i + 1] = value;
            return;
        }
        int free = -1 - i;
        meta[2 * free] = namespace;
        meta[2 * free + 1] = hash;
        refs[2 * free] = key;
        refs[2 * free + 1] = value;
        if (++size * 4 > (mask + 1) * 3) {
            grow();
        }
    }

    boolean remove(K key, int keyHash, long namespace) {
        int i = find(key, namespace, hash(keyHash, namespace));
        if (i < 0) {
            return false;
        }
        shiftBack(i);
        size--;
        return true;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (refs[2 * i + 1] == null) {
                break;
            }
            int home = (int) meta[2 * i + 1] & mask;
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                meta[2 * hole] = meta[2 * i];
                meta[2 * hole + 1] = meta[2 * i + 1];
                refs[2 * hole] = refs[2 * i];
                refs[2 * hole + 1] = refs[2 * i + 1];
                hole = i;
            }
        }
        refs[2 * hole] = null;
        refs[2 * hole + 1] = null;
    }

    private void grow() {
        long[] oldMeta = meta;
        Object[] oldRefs = refs;
        allocate((mask + 1) * 2);
        for (int i = 0; i < oldRefs.length / 2; i++) {
            if (oldRefs[2 * i + 1] != null) {
                long hash = oldMeta[2 * i + 1];
                int j = (int) hash & mask;
                while (refs[2 * j + 1] != null) {
                    j = (j + 1) & mask;
                }
                meta[2 * j] = oldMeta[2 * i];
                meta[2 * j + 1] = hash;
                refs[2 * j] = oldRefs[2 * i];
                refs[2 * j + 1] = oldRefs[2 * i + 1];
            }
        }
    }

    int size() {
        return size;
    }

    /** Copies the entries (in slot order) into arrays of at least {@link #size()} elements. */
    void copyTo(Object[] keys, long[] namespaces, Object[] values) {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            if (refs[2 * i + 1] != null) {
                keys[n] = refs[2 * i];
                namespaces[n] = meta[2 * i];
                values[n++] = refs[2 * i + 1];
            }
        }
    }
}
