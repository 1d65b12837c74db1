package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.HotAuction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** q5's second step on Flink, keyed by window end: as Weir's, every auction tied for the most bids. */
final class HottestAuctions extends KeyedProcessFunction<Long, AuctionWindowCount, HotAuction> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> most;
    private transient ListState<Long> hottest;

    @Override
    public void open(OpenContext openContext) {
        most = getRuntimeContext().getState(new ValueStateDescriptor<>("most-bids", Long.class));
        hottest = getRuntimeContext().getListState(new ListStateDescriptor<>("hottest", Long.class));
    }

    @Override
    public void processElement(AuctionWindowCount c, Context ctx, Collector<HotAuction> out) throws Exception {
        Long current = most.value();
        if (current == null) {
            ctx.timerService().registerEventTimeTimer(c.windowEndMillis - 1);
        }
        if (current == null || c.bids > current) {
            most.update(c.bids);
            hottest.clear();
            hottest.add(c.auction);
        } else if (c.bids == current) {
            hottest.add(c.auction);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HotAuction> out) throws Exception {
        long windowEnd = ctx.getCurrentKey();
        for (long auction : hottest.get()) {
            out.collect(new HotAuction(windowEnd, auction, most.value()));
        }
        most.clear();
        hottest.clear();
    }
}
