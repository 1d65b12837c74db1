package dev.weir.api.window;

import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;

/**
 * Fires every {@code count} elements added to a window. It also fires once when the watermark reaches the
 * window's max timestamp if elements arrived since the last firing, so a bounded input's remainder is emitted
 * at its end (for {@link GlobalWindows}, only then). Wrap in {@link Triggers#purging(Trigger)} to emit each
 * batch of {@code count} elements on its own rather than the running total.
 */
public final class CountTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    private static final ValueStateDescriptor<Long> PENDING = ValueStateDescriptor.of("count-trigger.pending", Long.class);

    private final long count;

    CountTrigger(long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count trigger needs a positive count, was " + count);
        }
        this.count = count;
    }

    public long count() {
        return count;
    }

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        ValueState<Long> pending = ctx.state(PENDING);
        long n = pending.valueOr(0L) + 1;
        if (n >= count) {
            pending.clear();
            return TriggerResult.FIRE;
        }
        pending.update(n);
        ctx.registerEventTimeTimer(window.maxTimestampMillis());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        if (timeMillis != window.maxTimestampMillis()) {
            return TriggerResult.CONTINUE;
        }
        ValueState<Long> pending = ctx.state(PENDING);
        boolean any = pending.valueOr(0L) > 0;
        pending.clear();
        return any ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.state(PENDING).clear();
        ctx.deleteEventTimeTimer(window.maxTimestampMillis());
    }

    @Override
    public String toString() {
        return "CountTrigger(" + count + ")";
    }
}
