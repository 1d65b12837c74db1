package dev.weir.bench.nexmark;

/** q2's row: a bid's auction and price (cents). */
public record AuctionPrice(long auction, long price) implements ResultRow {
    @Override
    public long hash64() {
        return Hashing.of(12, auction, price);
    }
}
