package dev.weir.api.window;

/** Wraps a trigger so that every FIRE becomes FIRE_AND_PURGE: each pane covers only what arrived since the last. */
public final class PurgingTrigger implements Trigger {
    private static final long serialVersionUID = 1L;
    private final Trigger inner;

    PurgingTrigger(Trigger inner) {
        this.inner = inner;
    }

    public Trigger inner() {
        return inner;
    }

    private static TriggerResult purge(TriggerResult r) {
        return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r;
    }

    @Override
    public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
        return purge(inner.onElement(element, timestampMillis, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
        return purge(inner.onEventTime(timeMillis, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
        return purge(inner.onProcessingTime(timeMillis, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return inner.canMerge();
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        inner.onMerge(window, ctx);
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        inner.clear(window, ctx);
    }

    @Override
    public String toString() {
        return "Purging(" + inner + ")";
    }
}
