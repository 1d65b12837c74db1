package dev.weir.bench.nexmark.flink;

/**
 * q5's per-window count on Flink: bids of one auction in the window ending at {@code windowEndMillis}
 * (exclusive). A Flink POJO (public fields, no-argument constructor).
 */
public final class AuctionWindowCount {
    public long auction;
    public long windowEndMillis;
    public long bids;

    public AuctionWindowCount() {
    }

    AuctionWindowCount(long auction, long windowEndMillis, long bids) {
        this.auction = auction;
        this.windowEndMillis = windowEndMillis;
        this.bids = bids;
    }
}
