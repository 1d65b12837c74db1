package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;
import java.util.Objects;
import java.time.Duration;

/**
 * Per-key sessions: an element at {@code ts} opens the window {@code [ts, ts + gap)}; windows of a key that
 * overlap are merged, also when a late element bridges two sessions. Example: gap 3 min, events at 10:00,
 * 10:02, 10:04, 10:06, 10:08, 10:12 give sessions [10:00,10:11) with 5 events and [10:12,10:15) with 1.
 */
public record SessionWindows(Duration gap, TimeDomain timeDomain) implements WindowSpec {
    public SessionWindows {
        WindowSpec.requirePositive(gap, "session gap");
        Objects.requireNonNull(timeDomain, "timeDomain");
    }

    public static SessionWindows withGap(Duration gap) {
        return new SessionWindows(gap, TimeDomain.EVENT_TIME);
    }

    public SessionWindows inProcessingTime() {
        return new SessionWindows(gap, TimeDomain.PROCESSING_TIME);
    }
}
