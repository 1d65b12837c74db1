package dev.weir.runtime.oracle;

import dev.weir.api.window.Trigger;
import dev.weir.api.window.TriggerContext;
import dev.weir.api.window.TriggerResult;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.Window;

/**
 * A user-defined trigger that behaves exactly like the default event-time trigger by delegating to it. Being a
 * different instance, it makes the engine run tumbling and sliding windows on its general (triggered) window
 * operator instead of the paned one, so both operators are checked against the same oracle.
 */
public final class DefaultEquivalentTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    private final Trigger delegate = Triggers.eventTime();

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        return delegate.onElement(element, timestampMillis, window, ctx);
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        return delegate.onEventTime(timeMillis, window, ctx);
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        return delegate.onProcessingTime(timeMillis, window, ctx);
    }

    @Override
    public boolean canMerge() {
        return delegate.canMerge();
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        delegate.onMerge(window, ctx);
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        delegate.clear(window, ctx);
    }
}
