package dev.weir.api.window;

/**
 * The default trigger: fires once when the watermark reaches the window's max timestamp ({@code end - 1}),
 * and again for every element that arrives after that but within the allowed lateness (each such pane is an
 * update of the window's result).
 */
public final class EventTimeTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

    private EventTimeTrigger() {
    }

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        if (window.maxTimestampMillis() <= ctx.currentWatermarkMillis()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestampMillis());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        return timeMillis == window.maxTimestampMillis() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        if (window.maxTimestampMillis() > ctx.currentWatermarkMillis()) {
            ctx.registerEventTimeTimer(window.maxTimestampMillis());
        }
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestampMillis());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger";
    }
}
