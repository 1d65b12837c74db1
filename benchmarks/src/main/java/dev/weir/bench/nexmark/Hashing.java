package dev.weir.bench.nexmark;

/** The 64-bit hashing of result rows and the generator's pseudo-random draws: SplitMix64 mixing. */
public final class Hashing {
    /** The SplitMix64 increment. */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Hashing() {
    }

    /** The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Hashes a row's fields in order: {@code of(tag, a, b, ...)}; the tag keeps rows of different kinds apart. */
    public static long of(long tag, long... fields) {
        long h = mix(tag + GOLDEN_GAMMA);
        for (long f : fields) {
            h = mix(h ^ mix(f + GOLDEN_GAMMA));
        }
        return h;
    }

    /**
     * A 64-bit hash of a string: {@link String#hashCode()} (specified by the JLS, so the same in every JVM, and
     * cached in the string) and its length, mixed.
     */
    public static long of(String s) {
        return mix(((long) s.length() << 32) ^ (s.hashCode() & 0xFFFF_FFFFL));
    }
}
