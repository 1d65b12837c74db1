package dev.weir.api.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state, measured in <em>processing time</em> since the entry was last written (or,
 * with {@link Refresh#ON_READ_AND_WRITE}, last read or written). An expired entry is never returned; it is
 * removed lazily on access and by the backend's background cleanup.
 *
 * @param timeToLive how long an entry lives after its last refresh; positive
 * @param refresh    which accesses refresh the entry
 */
public record StateTtl(Duration timeToLive, Refresh refresh) {

    /** Which accesses restart an entry's time-to-live. */
    public enum Refresh { ON_WRITE, ON_READ_AND_WRITE }

    public StateTtl {
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(refresh, "refresh");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("state TTL must be positive, was " + timeToLive);
        }
    }

    /** Entries expire {@code timeToLive} after their last write. */
    public static StateTtl afterWrite(Duration timeToLive) {
        return new StateTtl(timeToLive, Refresh.ON_WRITE);
    }

    /** Entries expire {@code timeToLive} after their last read or write. */
    public static StateTtl afterAccess(Duration timeToLive) {
        return new StateTtl(timeToLive, Refresh.ON_READ_AND_WRITE);
    }
}
