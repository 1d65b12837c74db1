package dev.weir.bench.nexmark.kafka.streams;

/**
 * q5 between its two stages: an auction's bids in the sliding window ending at the record's key (exclusive, event
 * time); {@code bids == 0} only for the window of an end-of-input mark.
 */
record AuctionCount(long auction, long bids) {
}
