package dev.weir.api.time;

import java.time.Instant;

/**
 * Timers scoped to the current key. Registering the same timestamp twice for a key yields one firing.
 * An event-time timer at {@code t} fires once the watermark reaches {@code t} (watermark {@code >= t}); a
 * processing-time timer fires once the wall clock has passed {@code t} ({@code now > t}; as in
 * Flink, so an event handled at {@code now == t} still comes before the timer).
 */
public interface TimerService {

    void registerEventTimeTimer(Instant time);

    void registerProcessingTimeTimer(Instant time);

    void deleteEventTimeTimer(Instant time);

    void deleteProcessingTimeTimer(Instant time);

    /** The current watermark, milliseconds since the epoch ({@link Long#MIN_VALUE} before the first one). */
    long currentWatermarkMillis();

    /** The current processing time, milliseconds since the epoch. */
    long currentProcessingTimeMillis();
}
