package dev.weir.bench.nexmark;

/**
 * A bid (Nexmark's {@code Bid}, without the URL and padding fields).
 *
 * @param auction        the auction's id (may name an auction that has closed or not opened yet)
 * @param bidder         the bidder's person id
 * @param price          cents
 * @param channel        where the bid came from
 * @param dateTimeMillis time of the bid (event time), milliseconds since the epoch
 */
public record Bid(long auction, long bidder, long price, String channel, long dateTimeMillis) implements Event {
    @Override
    public long hash64() {
        return Hashing.of(3, auction, bidder, price, Hashing.of(channel), dateTimeMillis);
    }

    /** The same bid at another price. */
    public Bid withPrice(long newPrice) {
        return new Bid(auction, bidder, newPrice, channel, dateTimeMillis);
    }
}
