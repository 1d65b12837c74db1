package dev.weir.api.window;

import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;

/** What a {@link Trigger} can use: timers and state scoped to the current key and window. */
public interface TriggerContext {
    /** The current watermark, milliseconds since the epoch ({@link Long#MIN_VALUE} before the first one). */
    long currentWatermarkMillis();

    long currentProcessingTimeMillis();

    /** Calls {@link Trigger#onEventTime} once the watermark reaches {@code timeMillis}. */
    void registerEventTimeTimer(long timeMillis);

    /** Calls {@link Trigger#onProcessingTime} once the wall clock has passed {@code timeMillis} ({@code now > timeMillis}). */
    void registerProcessingTimeTimer(long timeMillis);

    void deleteEventTimeTimer(long timeMillis);

    void deleteProcessingTimeTimer(long timeMillis);

    /** State scoped to the current key and window; cleared when the window is. */
    <T> ValueState<T> state(ValueStateDescriptor<T> descriptor);
}
