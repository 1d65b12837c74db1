package dev.weir.bench.nexmark;

/** q3's row: a seller (name, city, state) and one of their auctions. */
public record SellerAuction(String name, String city, String state, long auction) implements ResultRow {
    @Override
    public long hash64() {
        return Hashing.of(13, Hashing.of(name), Hashing.of(city), Hashing.of(state), auction);
    }
}
