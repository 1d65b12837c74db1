package dev.weir.bench.nexmark.weir;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.WindowResult;
import dev.weir.bench.nexmark.HotAuction;
import java.time.Instant;

/**
 * q5, second step, keyed by window end: keeps the largest bid count of the window and the auctions that have it;
 * when the watermark reaches the window's max timestamp (all of the window's counts have arrived by then) it emits
 * one {@link HotAuction} per auction tied for the most and drops the window's state.
 */
public final class HottestAuctions implements KeyedFunction<Long, WindowResult<Long, Long>, HotAuction> {
    static final ValueStateDescriptor<Long> MOST = ValueStateDescriptor.of("most-bids", Long.class);
    static final ListStateDescriptor<Long> AUCTIONS = ListStateDescriptor.of("hottest", Long.class);

    @Override
    public void process(WindowResult<Long, Long> count, KeyedContext<Long> ctx, Collector<HotAuction> out) {
        ValueState<Long> most = ctx.state().value(MOST);
        ListState<Long> hottest = ctx.state().list(AUCTIONS);
        Long current = most.value();
        if (current == null) {
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(count.window().maxTimestampMillis()));
        }
        if (current == null || count.value() > current) {
            most.update(count.value());
            hottest.clear();
            hottest.add(count.key());
        } else if (count.value().equals(current)) {
            hottest.add(count.key());
        }
    }

    @Override
    public void onTimer(TimerContext<Long> ctx, Collector<HotAuction> out) {
        ValueState<Long> most = ctx.state().value(MOST);
        ListState<Long> hottest = ctx.state().list(AUCTIONS);
        long windowEnd = ctx.currentKey();
        for (long auction : hottest.get()) {
            out.emit(new HotAuction(windowEnd, auction, most.value()));
        }
        most.clear();
        hottest.clear();
    }
}
