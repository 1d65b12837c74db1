package dev.weir.runtime.state;

/**
 * A contiguous range of key groups {@code [startInclusive, endInclusive]} owned by one task.
 */
public record KeyGroupRange(int startInclusive, int endInclusive) {
    public KeyGroupRange {
        if (startInclusive < 0 || endInclusive < startInclusive) {
            throw new IllegalArgumentException("bad key group range [" + startInclusive + ", " + endInclusive + "]");
        }
    }

    public static KeyGroupRange all(int numberOfKeyGroups) {
        return new KeyGroupRange(0, numberOfKeyGroups - 1);
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startInclusive && keyGroup <= endInclusive;
    }

    /** Whether this range and {@code other} share a key group. */
    public boolean intersects(KeyGroupRange other) {
        return startInclusive <= other.endInclusive && other.startInclusive <= endInclusive;
    }

    public int size() {
        return endInclusive - startInclusive + 1;
    }
}
