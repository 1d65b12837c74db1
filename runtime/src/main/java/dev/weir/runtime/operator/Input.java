package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;

/**
 * One input of an operator. Calls arrive from a single thread, in order: elements and control signals
 * interleaved, then exactly one {@link #endOfInput()}.
 *
 * @param <T> element type
 */
public interface Input<T> {

    /**
     * An element.
     *
     * @param timestampMillis the element's event timestamp, milliseconds since the epoch
     */
    void element(T value, long timestampMillis, Headers headers);

    /**
     * The watermark of this input advanced: no more elements with timestamp {@code <= watermarkMillis} are
     * expected on it. Never decreases; {@link Watermarks#END_OF_TIME} means the input is complete.
     */
    void watermark(long watermarkMillis);

    /**
     * This input became idle (it has no data and must not hold back the watermark) or active again. An idle
     * input's watermark is ignored by multi-input operators until it becomes active.
     */
    default void idle(boolean idle) {
    }

    /** No more elements will arrive. Follows a final {@code watermark(END_OF_TIME)}. */
    void endOfInput();
}
