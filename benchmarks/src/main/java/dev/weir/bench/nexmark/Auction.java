package dev.weir.bench.nexmark;

/**
 * An auction opens (Nexmark's {@code Auction}, without the item name, description and padding fields). It is open
 * for bids with event times in {@code [dateTimeMillis, expiresMillis)}.
 *
 * @param id             auction id, from {@link NexmarkGenerator#FIRST_AUCTION_ID}
 * @param seller         the seller's person id
 * @param category       category, {@code 10 .. 14}
 * @param initialBid     starting price, cents
 * @param reserve        reserve price, cents
 * @param dateTimeMillis opening time (event time, inclusive), milliseconds since the epoch
 * @param expiresMillis  closing time (event time, exclusive), milliseconds since the epoch
 */
public record Auction(long id, long seller, int category, long initialBid, long reserve, long dateTimeMillis,
                      long expiresMillis) implements Event {
    @Override
    public long hash64() {
        return Hashing.of(2, id, seller, category, initialBid, reserve, dateTimeMillis, expiresMillis);
    }

    /** Whether a bid at {@code bidTimeMillis} (event time) counts: {@code dateTime <= t < expires}. */
    public boolean isOpenAt(long bidTimeMillis) {
        return bidTimeMillis >= dateTimeMillis && bidTimeMillis < expiresMillis;
    }
}
