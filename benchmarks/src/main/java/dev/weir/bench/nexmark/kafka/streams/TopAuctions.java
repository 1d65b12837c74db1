package dev.weir.bench.nexmark.kafka.streams;

import java.util.ArrayList;
import java.util.List;

/** q5's second aggregate, per sliding window: the auctions with the most bids (ties all kept). */
record TopAuctions(long bids, List<Long> auctions) {
    static TopAuctions empty() {
        return new TopAuctions(0, List.of());
    }

    /** Adds one auction's count; a mark's (zero bids) changes nothing. */
    TopAuctions add(AuctionCount c) {
        if (c.bids() == 0 || c.bids() < bids) {
            return this;
        } else if (c.bids() > bids) {
            return new TopAuctions(c.bids(), List.of(c.auction()));
        }
        List<Long> tied = new ArrayList<>(auctions);
        tied.add(c.auction());
        return new TopAuctions(bids, tied);
    }
}
