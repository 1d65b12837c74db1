package dev.weir.bench;

import dev.weir.runtime.source.GeneratorSource;
import java.time.Instant;

/**
 * Makes bid {@code i} from {@code i} alone, so any run, any partitioning and the brute-force oracle see the same
 * stream. Every field comes from a SplitMix64 hash of the index (no shared random state, no allocation besides
 * the {@link Bid}):
 * <ul>
 *   <li>auction: uniform in {@code [0, auctions)};</li>
 *   <li>event time: {@code base + i * 10 µs} (100,000 events per second of event time) plus a jitter uniform in
 *       {@code [0, 511]} ms, so events arrive up to 511 ms out of order. Example: bid 250,000 is 2.5 s after
 *       {@code base}, plus its jitter.</li>
 * </ul>
 * With a bounded out-of-orderness of 1 s, no bid is ever late: a bid's time is at least the newest time seen so
 * far minus 511 ms, above any watermark (newest minus 1,001 ms).
 */
public final class BidGenerator implements GeneratorSource.Generator<Bid> {
    /** Event-time rate of the stream. */
    public static final long EVENTS_PER_SECOND = 100_000;
    /** Largest jitter added to a bid's event time. */
    public static final long MAX_JITTER_MILLIS = 511;
    /** Number of distinct auctions of the standard workload. */
    public static final int STANDARD_AUCTIONS = 10_000;
    /** 2025-01-01T00:00:00Z: aligned to every window size the queries use. */
    public static final long STANDARD_BASE_MILLIS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final long BIDDERS = 1_000_000;
    private static final long MIN_PRICE_CENTS = 100;
    private static final long PRICE_RANGE_CENTS = 100_000;

    private final long baseMillis;
    private final int auctions;
    private final long seed;

    /**
     * @param baseMillis event time of bid 0 before jitter, milliseconds since the epoch
     * @param auctions   number of distinct auctions (keys)
     * @param seed       varies the stream; equal seeds give equal streams
     */
    public BidGenerator(long baseMillis, int auctions, long seed) {
        if (auctions < 1) {
            throw new IllegalArgumentException("auctions must be >= 1, was " + auctions);
        }
        this.baseMillis = baseMillis;
        this.auctions = auctions;
        this.seed = seed;
    }

    /** The workload of the issue: 10,000 auctions from 2025-01-01T00:00:00Z. */
    public static BidGenerator standard() {
        return new BidGenerator(STANDARD_BASE_MILLIS, STANDARD_AUCTIONS, 0);
    }

    /** A single-partition source of bids {@code 0 .. events - 1}, timestamped with their event time. */
    public GeneratorSource<Bid> source(long events) {
        return new GeneratorSource<>(Bid.class, events, 1, this, (bid, index) -> bid.dateTimeMillis());
    }

    @Override
    public Bid generate(long index) {
        long h = hash(index);
        long h2 = mix(h);
        return new Bid(auctionOf(h), scale(h2 >>> 32, BIDDERS), MIN_PRICE_CENTS + scale(h2 & 0xFFFF_FFFFL,
                PRICE_RANGE_CENTS), eventTimeOf(index, h));
    }

    /** The auction of bid {@code index}, without making the bid. */
    public long auction(long index) {
        return auctionOf(hash(index));
    }

    /** The event time of bid {@code index}, without making the bid. */
    public long eventTimeMillis(long index) {
        return eventTimeOf(index, hash(index));
    }

    public int auctions() {
        return auctions;
    }

    public long baseMillis() {
        return baseMillis;
    }

    private long auctionOf(long h) {
        return scale(h >>> 32, auctions);
    }

    private long eventTimeOf(long index, long h) {
        return baseMillis + index * 1_000 / EVENTS_PER_SECOND + (h & MAX_JITTER_MILLIS);
    }

    private long hash(long index) {
        return mix(seed + (index + 1) * GOLDEN_GAMMA);
    }

    /** Maps 32 uniform bits to {@code [0, bound)} by multiply-shift (no division, no modulo bias to speak of). */
    private static long scale(long bits32, long bound) {
        return (bits32 * bound) >>> 32;
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
