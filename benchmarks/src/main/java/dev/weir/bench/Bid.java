package dev.weir.bench;

/**
 * A bid of the benchmark workload (after the Nexmark bid event, trimmed to what the queries need).
 *
 * @param auction        the auction bid on; the key of the windowed queries
 * @param bidder         who bid
 * @param price          the bid, in cents
 * @param dateTimeMillis event time, milliseconds since the epoch
 */
public record Bid(long auction, long bidder, long price, long dateTimeMillis) {
}
