package dev.weir.api.function;

import dev.weir.api.event.Headers;
import java.time.Instant;

/**
 * What every function can see while it processes one input: the input's event time and headers, the
 * function's configuration, the current watermark, and side outputs. The context object is reused between
 * calls; do not keep it beyond the call it was passed to.
 */
public interface FunctionContext {

    /** Event time of the input being processed, in milliseconds since the epoch. */
    long timestampMillis();

    /** Event time of the input being processed. */
    default Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis());
    }

    /** Headers of the input being processed. */
    Headers headers();

    /**
     * The current event-time watermark of this operator's input, in milliseconds since the epoch: no more
     * inputs with a timestamp {@code <=} this value are expected. {@link Long#MIN_VALUE} before the first
     * watermark arrived; see {@link #hasWatermark()}.
     */
    long currentWatermarkMillis();

    /** Whether any watermark has arrived yet. */
    default boolean hasWatermark() {
        return currentWatermarkMillis() != Long.MIN_VALUE;
    }

    /** Current processing time (wall clock of the engine, injectable in tests), milliseconds since the epoch. */
    long currentProcessingTimeMillis();

    /**
     * The function's typed configuration, bound from the pipeline spec and validated before the pipeline
     * starts. The type is the one declared in {@link dev.weir.api.metadata.WeirFunction#config()}.
     */
    <C> C config(Class<C> type);

    /** Writes a value to a side output, with the current input's timestamp. */
    <T> void output(OutputTag<T> tag, T value);

    /** Name of the operator this function runs in (unique within the pipeline). */
    String operatorName();
}
