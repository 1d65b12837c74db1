package dev.weir.api.function;

import dev.weir.api.time.TimeDomain;

/**
 * The context of a firing timer. {@link #timestampMillis()} is the timer's timestamp: event time for
 * event-time timers, processing time for processing-time timers; outputs emitted from the timer carry it.
 *
 * @param <K> key type
 */
public interface TimerContext<K> extends KeyedContext<K> {
    /** The time domain of the firing timer. */
    TimeDomain timeDomain();
}
