package dev.weir.api.window;

/**
 * Fires once when the wall clock passes the window's max timestamp (clock {@code >= end}). The default for
 * processing-time windows.
 */
public final class ProcessingTimeTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    static final ProcessingTimeTrigger INSTANCE = new ProcessingTimeTrigger();

    private ProcessingTimeTrigger() {
    }

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestampMillis());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        return timeMillis == window.maxTimestampMillis() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestampMillis());
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestampMillis());
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger";
    }
}
