package dev.weir.api.window;

/** What a {@link Trigger} decides for a window. */
public enum TriggerResult {
    /** Do nothing. */
    CONTINUE,
    /** Emit the window's current result and keep its contents. */
    FIRE,
    /** Drop the window's contents without emitting. */
    PURGE,
    /** Emit the current result, then drop the contents. */
    FIRE_AND_PURGE;

    public boolean isFire() {
        return this == FIRE || this == FIRE_AND_PURGE;
    }

    public boolean isPurge() {
        return this == PURGE || this == FIRE_AND_PURGE;
    }
}
