package dev.weir.api.window;

import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.time.TimeDomain;
import java.time.Duration;

/**
 * For long windows: emits early (speculative) panes every {@code interval} before the window completes, then
 * behaves like {@link EventTimeTrigger} (one on-time pane, one update per late element). With
 * {@link TimeDomain#PROCESSING_TIME} the interval is wall-clock time since the window's first element; with
 * {@link TimeDomain#EVENT_TIME} early panes fire when the watermark passes {@code start + k * interval}.
 */
public final class EarlyFiringTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    private static final ValueStateDescriptor<Long> NEXT = ValueStateDescriptor.of("early-firing.next", Long.class);

    private final long intervalMillis;
    private final TimeDomain domain;

    EarlyFiringTrigger(Duration interval, TimeDomain domain) {
        WindowSpec.requirePositive(interval, "early firing interval");
        this.intervalMillis = interval.toMillis();
        this.domain = domain;
    }

    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    public TimeDomain domain() {
        return domain;
    }

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        TriggerResult onTime = EventTimeTrigger.INSTANCE.onElement(element, timestampMillis, window, ctx);
        if (onTime.isFire()) {
            return onTime;
        }
        ValueState<Long> next = ctx.state(NEXT);
        if (next.value() == null) {
            scheduleNext(window, ctx, next, ctx.currentProcessingTimeMillis());
        }
        return TriggerResult.CONTINUE;
    }

    /**
     * Registers the next early firing. In processing time it is {@code interval} after {@code fromProcessingTime}
     * (the first element's arrival, then the previous firing's timer time, so firings do not drift).
     */
    private void scheduleNext(Window window, TriggerContext ctx, ValueState<Long> next, long fromProcessingTime) {
        long at;
        if (domain == TimeDomain.PROCESSING_TIME) {
            at = fromProcessingTime + intervalMillis;
            ctx.registerProcessingTimeTimer(at);
        } else {
            long from = Math.max(ctx.currentWatermarkMillis(), window.startMillis());
            if (from >= window.maxTimestampMillis()) {
                return;
            }
            // from < max, so (from - start) and the next boundary below max cannot overflow
            long k = (from - window.startMillis()) / intervalMillis + 1;
            if (k > (window.maxTimestampMillis() - window.startMillis()) / intervalMillis) {
                return;
            }
            at = window.startMillis() + k * intervalMillis;
            if (at >= window.maxTimestampMillis()) {
                return;
            }
            ctx.registerEventTimeTimer(at);
        }
        next.update(at);
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        if (timeMillis == window.maxTimestampMillis()) {
            return TriggerResult.FIRE;
        }
        ValueState<Long> next = ctx.state(NEXT);
        if (domain == TimeDomain.EVENT_TIME && next.value() != null && next.value() == timeMillis) {
            if (ctx.currentWatermarkMillis() >= window.maxTimestampMillis()) {
                // The watermark jumped past the window's end: the on-time pane follows; no early pane now.
                next.clear();
                return TriggerResult.CONTINUE;
            }
            next.clear();
            scheduleNext(window, ctx, next, ctx.currentProcessingTimeMillis());
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        ValueState<Long> next = ctx.state(NEXT);
        if (domain != TimeDomain.PROCESSING_TIME || next.value() == null || next.value() != timeMillis
                || window.maxTimestampMillis() <= ctx.currentWatermarkMillis()) {
            return TriggerResult.CONTINUE;
        }
        next.clear();
        scheduleNext(window, ctx, next, timeMillis);
        return TriggerResult.FIRE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        EventTimeTrigger.INSTANCE.onMerge(window, ctx);
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ValueState<Long> next = ctx.state(NEXT);
        Long at = next.value();
        if (at != null) {
            if (domain == TimeDomain.PROCESSING_TIME) {
                ctx.deleteProcessingTimeTimer(at);
            } else {
                ctx.deleteEventTimeTimer(at);
            }
        }
        next.clear();
        EventTimeTrigger.INSTANCE.clear(window, ctx);
    }

    @Override
    public String toString() {
        return "EarlyFiringTrigger(" + interval() + ", " + domain + ")";
    }
}
