package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Auction;

/** q4's store value: an open auction and the highest price of its counting bids so far (null: none yet). */
record OpenAuction(Auction auction, Long maxPrice) {
    OpenAuction withBid(long bidTimeMillis, long price) {
        if (!auction.isOpenAt(bidTimeMillis) || (maxPrice != null && maxPrice >= price)) {
            return this;
        }
        return new OpenAuction(auction, price);
    }
}
