package dev.weir.runtime.operator;

/**
 * Watermark constants. A watermark {@code W} (milliseconds since the epoch) asserts that no more events with
 * timestamp {@code <= W} are expected.
 */
public final class Watermarks {
    /** Before any watermark: nothing is known about event time yet. */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** The final watermark of a finished input: all windows and event-time timers fire. */
    public static final long END_OF_TIME = Long.MAX_VALUE;

    private Watermarks() {
    }
}
