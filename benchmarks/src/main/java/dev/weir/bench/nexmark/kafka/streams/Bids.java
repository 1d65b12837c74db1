package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Bid;
import java.util.ArrayList;
import java.util.List;

/** q4's store value: the bids that arrived before their auction. */
record Bids(List<Bid> list) {
    static Bids append(Bids old, Bid b) {
        List<Bid> l = old == null ? new ArrayList<>() : new ArrayList<>(old.list);
        l.add(b);
        return new Bids(l);
    }
}
