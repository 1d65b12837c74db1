package dev.weir.bench.nexmark;

/**
 * q8's row: a person who registered and opened an auction in the same tumbling window, which starts at
 * {@code windowStartMillis} (inclusive, event time).
 */
public record NewSeller(long person, String name, long windowStartMillis) implements ResultRow {
    @Override
    public long hash64() {
        return Hashing.of(18, person, Hashing.of(name), windowStartMillis);
    }
}
