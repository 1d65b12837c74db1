package dev.weir.bench.nexmark;

/** A row of a query's result, hashed canonically for the {@link Checksum}: equal rows hash equally in every JVM. */
public interface ResultRow {
    /** A 64-bit hash of the row's fields (only of values, never of identities or of {@code Object#hashCode}). */
    long hash64();
}
