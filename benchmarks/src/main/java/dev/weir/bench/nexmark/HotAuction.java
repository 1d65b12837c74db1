package dev.weir.bench.nexmark;

/**
 * q5's row: an auction with the most bids in the sliding window ending at {@code windowEndMillis} (exclusive, event
 * time); one row per auction tied for the most.
 */
public record HotAuction(long windowEndMillis, long auction, long bids) implements ResultRow {
    @Override
    public long hash64() {
        return Hashing.of(15, windowEndMillis, auction, bids);
    }
}
