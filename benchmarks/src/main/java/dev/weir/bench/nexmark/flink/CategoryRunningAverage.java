package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.CategoryAverage;
import dev.weir.bench.nexmark.WinningBid;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** q4's second step on Flink, keyed by category: as Weir's, one running (count, sum) per closing millisecond. */
final class CategoryRunningAverage extends KeyedProcessFunction<Integer, WinningBid, CategoryAverage> {
    private static final long serialVersionUID = 1L;
    private transient MapState<Long, long[]> pending;
    private transient ValueState<long[]> total;

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Long.class, long[].class));
        total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", long[].class));
    }

    @Override
    public void processElement(WinningBid win, Context ctx, Collector<CategoryAverage> out) throws Exception {
        long t = ctx.timestamp();
        long[] countAndSum = pending.get(t);
        if (countAndSum == null) {
            countAndSum = new long[2];
            ctx.timerService().registerEventTimeTimer(t);
        }
        countAndSum[0]++;
        countAndSum[1] += win.price();
        pending.put(t, countAndSum);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<CategoryAverage> out) throws Exception {
        long[] closed = pending.get(t);
        pending.remove(t);
        long[] sum = total.value();
        if (sum == null) {
            sum = new long[2];
        }
        sum[0] += closed[0];
        sum[1] += closed[1];
        total.update(sum);
        out.collect(new CategoryAverage(ctx.getCurrentKey(), t, sum[0], sum[1]));
    }
}
