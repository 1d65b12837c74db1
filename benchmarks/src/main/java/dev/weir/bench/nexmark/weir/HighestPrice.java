package dev.weir.bench.nexmark.weir;

import dev.weir.api.window.AggregateFunction;
import dev.weir.bench.nexmark.Bid;
import java.util.ArrayList;
import java.util.List;

/** q7's window aggregate: the bids with the highest price so far (all of them when several tie). */
public final class HighestPrice implements AggregateFunction<Bid, List<Bid>, List<Bid>> {
    @Override
    public List<Bid> createAccumulator() {
        return new ArrayList<>(2);
    }

    @Override
    public List<Bid> add(Bid bid, List<Bid> highest) {
        if (highest.isEmpty() || bid.price() > highest.get(0).price()) {
            highest.clear();
            highest.add(bid);
        } else if (bid.price() == highest.get(0).price()) {
            highest.add(bid);
        }
        return highest;
    }

    @Override
    public List<Bid> merge(List<Bid> a, List<Bid> b) {
        for (Bid bid : b) {
            add(bid, a);
        }
        return a;
    }

    @Override
    public List<Bid> result(List<Bid> highest) {
        return highest;
    }
}
