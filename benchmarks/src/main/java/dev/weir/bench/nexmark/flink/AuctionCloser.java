package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.WinningBid;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * q4's first step on Flink, keyed by auction id: the same logic as Weir's
 * {@link dev.weir.bench.nexmark.weir.AuctionCloser} (highest bid in {@code [opening, expiry)}, emitted when the
 * watermark reaches {@code expiry - 1}; early bids wait until the watermark reaches their own time).
 */
final class AuctionCloser extends KeyedCoProcessFunction<Long, Auction, Bid, WinningBid> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Auction> auction;
    private transient ValueState<Long> maxPrice;
    private transient ListState<Bid> earlyBids;

    @Override
    public void open(OpenContext openContext) {
        auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", Auction.class));
        maxPrice = getRuntimeContext().getState(new ValueStateDescriptor<>("max-price", Long.class));
        earlyBids = getRuntimeContext().getListState(new ListStateDescriptor<>("early-bids", Bid.class));
    }

    @Override
    public void processElement1(Auction a, Context ctx, Collector<WinningBid> out) throws Exception {
        auction.update(a);
        long best = -1;
        Iterable<Bid> early = earlyBids.get();
        if (early != null) {
            for (Bid b : early) {
                if (a.isOpenAt(b.dateTimeMillis())) {
                    best = Math.max(best, b.price());
                }
            }
        }
        earlyBids.clear();
        if (best >= 0) {
            maxPrice.update(best);
        }
        ctx.timerService().registerEventTimeTimer(a.expiresMillis() - 1);
    }

    @Override
    public void processElement2(Bid b, Context ctx, Collector<WinningBid> out) throws Exception {
        Auction a = auction.value();
        if (a == null) {
            earlyBids.add(b);
            ctx.timerService().registerEventTimeTimer(b.dateTimeMillis());
        } else if (a.isOpenAt(b.dateTimeMillis())) {
            Long current = maxPrice.value();
            if (current == null || b.price() > current) {
                maxPrice.update(b.price());
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WinningBid> out) throws Exception {
        Auction a = auction.value();
        if (a == null) {
            earlyBids.clear();
        } else if (timestamp == a.expiresMillis() - 1) {
            Long price = maxPrice.value();
            if (price != null) {
                out.collect(new WinningBid(a.id(), a.category(), price));
            }
            auction.clear();
            maxPrice.clear();
        }
    }
}
