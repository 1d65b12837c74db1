package dev.weir.bench.nexmark.weir;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.bench.nexmark.CategoryAverage;
import dev.weir.bench.nexmark.WinningBid;
import java.time.Instant;

/**
 * q4, second step, keyed by category: collects the winning bids of each closing millisecond (their event
 * timestamp) and, when the watermark reaches it, adds them to the category's running count and sum and emits one
 * {@link CategoryAverage}. Waiting for the watermark makes the result independent of the order in which auctions
 * closing in the same millisecond arrive.
 */
public final class CategoryRunningAverage implements KeyedFunction<Integer, WinningBid, CategoryAverage> {
    static final MapStateDescriptor<Long, long[]> PENDING = MapStateDescriptor.of("pending", Long.class, long[].class);
    static final ValueStateDescriptor<long[]> TOTAL = ValueStateDescriptor.of("total", long[].class);

    @Override
    public void process(WinningBid win, KeyedContext<Integer> ctx, Collector<CategoryAverage> out) {
        MapState<Long, long[]> pending = ctx.state().map(PENDING);
        long t = ctx.timestampMillis();
        long[] countAndSum = pending.get(t);
        if (countAndSum == null) {
            countAndSum = new long[2];
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(t));
        }
        countAndSum[0]++;
        countAndSum[1] += win.price();
        pending.put(t, countAndSum);
    }

    @Override
    public void onTimer(TimerContext<Integer> ctx, Collector<CategoryAverage> out) {
        MapState<Long, long[]> pending = ctx.state().map(PENDING);
        long t = ctx.timestampMillis();
        long[] closed = pending.get(t);
        pending.remove(t);
        ValueState<long[]> total = ctx.state().value(TOTAL);
        long[] sum = total.valueOr(new long[2]);
        sum[0] += closed[0];
        sum[1] += closed[1];
        total.update(sum);
        out.emit(new CategoryAverage(ctx.currentKey(), t, sum[0], sum[1]));
    }
}
