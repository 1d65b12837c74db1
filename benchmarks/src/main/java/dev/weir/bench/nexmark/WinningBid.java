package dev.weir.bench.nexmark;

/**
 * q4's intermediate row: an auction closed with a winning bid.
 *
 * @param auction  the auction
 * @param category its category
 * @param price    the highest price (cents) of its bids with event time in {@code [opening, expiry)}
 */
public record WinningBid(long auction, int category, long price) {
}
