package dev.weir.runtime.state.heap;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} to objects, with linear probing and backward-shift deletion.
 * Written by hand, not taken from a primitive-collections library, because the engine needs only this one small
 * structure on its hottest path (a key's live window panes) and a library like fastutil would add ~20 MB to the
 * runtime. Keys are mixed with the murmur3 finalizer, since pane starts are multiples of the pane size and would
 * collide in a table indexed by their low bits.
 */
final class LongObjectMap<V> {
    private static final Object FREE = null;
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongObjectMap() {
        keys = new long[4];
        values = new Object[4];
        mask = 3;
    }

    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == FREE) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    /** Puts a non-null value. */
    void put(long key, V value) {
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                if (++size * 4 > (mask + 1) * 3) {
                    grow();
                }
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    boolean remove(long key) {
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                return false;
            }
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return true;
            }
        }
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole, so no tombstones are needed. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == FREE) {
                break;
            }
            int home = slot(keys[i], mask);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = FREE;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                @SuppressWarnings("unchecked")
                V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @Override
    public String toString() {
        return "LongObjectMap{size=" + size + ", keys=" + Arrays.toString(keys) + "}";
    }
}
