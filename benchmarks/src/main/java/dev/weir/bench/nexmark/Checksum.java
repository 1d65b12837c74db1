package dev.weir.bench.nexmark;

/**
 * An order-independent checksum of a query's result, a multiset of rows: the row count, and the sum and the xor of
 * the rows' {@link ResultRow#hash64()}. Two engines agree when all three are equal.
 */
public record Checksum(long rows, long sum, long xor) {
    public static final Checksum EMPTY = new Checksum(0, 0, 0);

    public Checksum add(ResultRow row) {
        long h = row.hash64();
        return new Checksum(rows + 1, sum + h, xor ^ h);
    }

    public Checksum plus(Checksum other) {
        return new Checksum(rows + other.rows, sum + other.sum, xor ^ other.xor);
    }

    /** {@code rows:sum:xor}, the hashes in hex: how it appears in reports and the CSV. */
    @Override
    public String toString() {
        return rows + ":" + Long.toHexString(sum) + ":" + Long.toHexString(xor);
    }

    /** Parses {@link #toString()}. */
    public static Checksum parse(String text) {
        String[] p = text.split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("not a checksum: " + text);
        }
        return new Checksum(Long.parseLong(p[0]), Long.parseUnsignedLong(p[1], 16), Long.parseUnsignedLong(p[2], 16));
    }

    /** A mutable accumulator for sinks (one per thread). */
    public static final class Accumulator {
        private long rows;
        private long sum;
        private long xor;

        public void add(ResultRow row) {
            long h = row.hash64();
            rows++;
            sum += h;
            xor ^= h;
        }

        public long rows() {
            return rows;
        }

        public Checksum value() {
            return new Checksum(rows, sum, xor);
        }
    }
}
