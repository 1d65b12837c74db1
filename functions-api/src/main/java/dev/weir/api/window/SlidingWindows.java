package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;
import java.time.Duration;
import java.util.Objects;

/**
 * Windows of {@code size} starting every {@code slide}; each element belongs to {@code size / slide} windows
 * (rounded up). Example: size 5 min, slide 2 min: an event at 10:04 belongs to [10:00,10:05), [10:02,10:07) and
 * [10:04,10:09). With an {@link AggregateFunction}, the engine adds each element once to a pane of
 * {@code gcd(size, slide)} and merges panes when a window fires.
 */
public record SlidingWindows(Duration size, Duration slide, Duration offset, TimeDomain timeDomain)
        implements WindowSpec {
    public SlidingWindows {
        WindowSpec.requirePositive(size, "sliding window size");
        WindowSpec.requirePositive(slide, "sliding window slide");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(timeDomain, "timeDomain");
        if (slide.compareTo(size) > 0) {
            throw new IllegalArgumentException("slide " + slide + " must not exceed size " + size);
        }
        if (offset.isNegative() || offset.compareTo(slide) >= 0) {
            throw new IllegalArgumentException("offset must be in [0, slide), was " + offset);
        }
    }

    public static SlidingWindows of(Duration size, Duration slide) {
        return new SlidingWindows(size, slide, Duration.ZERO, TimeDomain.EVENT_TIME);
    }

    public SlidingWindows inProcessingTime() {
        return new SlidingWindows(size, slide, offset, TimeDomain.PROCESSING_TIME);
    }
}
