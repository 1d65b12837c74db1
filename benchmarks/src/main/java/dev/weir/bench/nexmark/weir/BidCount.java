package dev.weir.bench.nexmark.weir;

import dev.weir.api.window.AggregateFunction;
import dev.weir.bench.nexmark.Bid;

/** q5's window aggregate: bids per auction and window, in a mutable {@code long[1]}. */
public final class BidCount implements AggregateFunction<Bid, long[], Long> {
    @Override
    public long[] createAccumulator() {
        return new long[1];
    }

    @Override
    public long[] add(Bid bid, long[] count) {
        count[0]++;
        return count;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        a[0] += b[0];
        return a;
    }

    @Override
    public Long result(long[] count) {
        return count[0];
    }
}
