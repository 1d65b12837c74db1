package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;

/**
 * One window per key over all of time ({@link Window#global()}). It never completes by event time, so it needs
 * a trigger (for example {@link Triggers#count(long)}); at the end of a bounded input, what the trigger has
 * not yet emitted is emitted once as a final pane.
 */
public record GlobalWindows() implements WindowSpec {
    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public TimeDomain timeDomain() {
        return TimeDomain.EVENT_TIME;
    }
}
