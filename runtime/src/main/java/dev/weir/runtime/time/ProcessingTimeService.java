package dev.weir.runtime.time;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives processing time for one engine thread: operators with processing-time timers register a listener; the
 * engine loop calls {@link #advance()} between batches, which reads the clock and lets each listener fire what is
 * due. Single-threaded by design: no timer thread, no locks.
 */
public final class ProcessingTimeService {
    /**
     * Receives processing-time advances. A processing-time timer at {@code t} fires once the clock has passed
     * {@code t} ({@code now > t}), as in Flink: an element arriving at {@code now == t} still sees the timer pending.
     */
    @FunctionalInterface
    public interface Listener {
        void onProcessingTime(long nowMillis);
    }

    /** The latest timer timestamp that is due at {@code nowMillis}. */
    public static long dueUpTo(long nowMillis) {
        return nowMillis == Long.MIN_VALUE ? Long.MIN_VALUE : nowMillis - 1;
    }

    private final Clock clock;
    private final List<Listener> listeners = new ArrayList<>();

    public ProcessingTimeService(Clock clock) {
        this.clock = clock;
    }

    public long now() {
        return clock.millis();
    }

    public void register(Listener listener) {
        listeners.add(listener);
    }

    /** Reads the clock and fires due processing-time timers. */
    public void advance() {
        long now = clock.millis();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onProcessingTime(now);
        }
    }
}
