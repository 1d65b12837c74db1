package dev.weir.runtime.time;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives processing time for one engine thread: operators with processing-time timers register a listener; the
 * engine loop calls {@link #advance()} between batches, which reads the clock and lets each listener fire what is
 * due. Single-threaded by design: no timer thread, no locks.
 */
public final class ProcessingTimeService {
    /** Receives processing-time advances. */
    @FunctionalInterface
    public interface Listener {
        void onProcessingTime(long nowMillis);
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
