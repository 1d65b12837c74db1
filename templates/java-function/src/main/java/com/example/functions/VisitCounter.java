package com.example.functions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.metadata.WeirFunction;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import java.time.Duration;
import java.time.Instant;

/**
 * A keyed function with state and an event-time timer: counts each user's clicks and, when a user has been quiet
 * for 30 minutes of event time, emits the total and forgets the user.
 */
@WeirFunction(name = "visit-counter", version = "1.0.0", description = "Clicks per visit, emitted when the visit ends")
public class VisitCounter implements KeyedFunction<String, Click, String> {
    static final Duration QUIET = Duration.ofMinutes(30);
    static final ValueStateDescriptor<Long> CLICKS = ValueStateDescriptor.of("clicks", Long.class);
    static final ValueStateDescriptor<Long> LAST_SEEN = ValueStateDescriptor.of("last-seen", Long.class);

    @Override
    public void process(Click click, KeyedContext<String> ctx, Collector<String> out) {
        ValueState<Long> clicks = ctx.state().value(CLICKS);
        clicks.update(clicks.valueOr(0L) + 1);
        ValueState<Long> lastSeen = ctx.state().value(LAST_SEEN);
        long last = Math.max(lastSeen.valueOr(Long.MIN_VALUE), ctx.timestampMillis());
        lastSeen.update(last);
        ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(last).plus(QUIET));
    }

    @Override
    public void onTimer(TimerContext<String> ctx, Collector<String> out) {
        Long last = ctx.state().value(LAST_SEEN).value();
        if (last != null && ctx.timestampMillis() == last + QUIET.toMillis()) {
            out.emit(ctx.currentKey() + " made " + ctx.state().value(CLICKS).value() + " clicks");
            ctx.state().value(CLICKS).clear();
            ctx.state().value(LAST_SEEN).clear();
        }
    }
}
