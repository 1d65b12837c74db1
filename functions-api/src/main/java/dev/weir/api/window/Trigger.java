package dev.weir.api.window;

import java.io.Serializable;

/**
 * Decides when a window emits. Called for every element added to a window and for every timer the trigger
 * registered. Allowed lateness and state cleanup are the engine's job, not the trigger's. Standard triggers are
 * in {@link Triggers}.
 */
public interface Trigger extends Serializable {

    /**
     * {@code element} with event timestamp {@code timestampMillis} (processing time for processing-time windows) was
     * added to {@code window}.
     */
    TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx);

    /** An event-time timer registered by this trigger fired. */
    TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx);

    /** A processing-time timer registered by this trigger fired. */
    TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx);

    /** Whether the trigger supports merging windows (session windows). */
    default boolean canMerge() {
        return false;
    }

    /** Windows were merged into {@code window}; re-register the timers it needs. */
    default void onMerge(Window window, TriggerContext ctx) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /** The window is being dropped: delete timers and state the trigger created for it. */
    void clear(Window window, TriggerContext ctx);
}
