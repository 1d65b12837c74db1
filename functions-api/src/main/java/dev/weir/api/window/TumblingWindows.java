package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;
import java.time.Duration;
import java.util.Objects;

/**
 * Fixed-size, non-overlapping windows {@code [k*size + offset, (k+1)*size + offset)}. Each element belongs to
 * exactly one window. Example: size 5 min, events at 10:00, 10:02, 10:04, 10:06, 10:08, 10:12 give windows
 * [10:00,10:05) with 3, [10:05,10:10) with 2 and [10:10,10:15) with 1 event.
 */
public record TumblingWindows(Duration size, Duration offset, TimeDomain timeDomain) implements WindowSpec {
    public TumblingWindows {
        WindowSpec.requirePositive(size, "tumbling window size");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(timeDomain, "timeDomain");
        if (offset.isNegative() || offset.compareTo(size) >= 0) {
            throw new IllegalArgumentException("offset must be in [0, size), was " + offset);
        }
    }

    public static TumblingWindows of(Duration size) {
        return new TumblingWindows(size, Duration.ZERO, TimeDomain.EVENT_TIME);
    }

    public TumblingWindows withOffset(Duration newOffset) {
        return new TumblingWindows(size, newOffset, timeDomain);
    }

    public TumblingWindows inProcessingTime() {
        return new TumblingWindows(size, offset, TimeDomain.PROCESSING_TIME);
    }
}
