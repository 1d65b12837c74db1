package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Bid;
import java.util.ArrayList;
import java.util.List;

/** q7's window aggregate: the bids with the highest price so far (ties all kept); empty for a window of marks only. */
record TopBids(List<Bid> bids) {
    static TopBids empty() {
        return new TopBids(List.of());
    }

    TopBids add(Bid b) {
        if (bids.isEmpty() || b.price() > bids.get(0).price()) {
            return new TopBids(List.of(b));
        } else if (b.price() < bids.get(0).price()) {
            return this;
        }
        List<Bid> tied = new ArrayList<>(bids);
        tied.add(b);
        return new TopBids(tied);
    }
}
