package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;
import java.time.Duration;

/** Says which windows an element belongs to. A closed set: tumbling, sliding, session or global. */
public sealed interface WindowSpec permits TumblingWindows, SlidingWindows, SessionWindows, GlobalWindows {
    /** The clock windows are measured on: event time (default) or processing time. */
    TimeDomain timeDomain();

    static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
    }
}
