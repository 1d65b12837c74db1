package dev.weir.bench.state;

/**
 * The checkpoint workload's state: key {@code k} (a {@code Long} in {@code [0, keys)}) holds {@code valueBytes}
 * pseudo-random bytes computed from {@code (k, version)}, incompressible so the files are as large as the state.
 * Version 0 is the initial fill; an update writes version 1. The keys updated are the first {@code n} of a
 * multiplicative permutation of the key space, so they are spread over every key group and every file.
 */
final class StateValues {
    private final long keys;
    private final int valueBytes;
    private final long multiplier;

    StateValues(long keys, int valueBytes) {
        if (keys < 1 || keys > Integer.MAX_VALUE || valueBytes < 1) {
            throw new IllegalArgumentException("keys must be in [1, 2^31) and valueBytes >= 1");
        }
        this.keys = keys;
        this.valueBytes = valueBytes;
        this.multiplier = KeyedCountWorkload.coprimeMultiplier(keys);
    }

    long keys() {
        return keys;
    }

    int valueBytes() {
        return valueBytes;
    }

    /** The value of {@code key} at {@code version}. */
    byte[] value(long key, int version) {
        byte[] v = new byte[valueBytes];
        fill(v, key, version);
        return v;
    }

    /** Fills {@code v} with the value of {@code key} at {@code version}. */
    void fill(byte[] v, long key, int version) {
        long state = key * 0x100000001b3L + version;
        for (int i = 0; i < v.length; i += 8) {
            long r = KeyedCountWorkload.mix(state + i);
            for (int j = 0; j < 8 && i + j < v.length; j++) {
                v[i + j] = (byte) (r >>> (8 * j));
            }
        }
    }

    /** The {@code n}-th updated key ({@code n < keys}): a permutation of the key space. */
    long updatedKey(long n) {
        return n % keys * multiplier % keys;
    }
}
