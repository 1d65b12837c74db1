package dev.weir.runtime.spec.connector;

/**
 * A demo auction bid made by the {@code generator} connector.
 *
 * @param auction         the auction, {@code 1000 .. 1000+keys-1}
 * @param bidder          who bid
 * @param price           the bid in whole currency units, 1 to 1000
 * @param timestampMillis event time, milliseconds since the epoch
 */
public record Bid(long auction, String bidder, long price, long timestampMillis) {
}
