package dev.weir.bench.nexmark;

/** q7's row: a bid with the highest price of the tumbling window ending at {@code windowEndMillis} (exclusive). */
public record HighestBid(long windowEndMillis, Bid bid) implements ResultRow {
    @Override
    public long hash64() {
        return Hashing.of(17, windowEndMillis, bid.hash64());
    }
}
