package dev.weir.runtime.engine;

import dev.weir.api.event.Headers;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.Output;

/** An output wired to exactly one downstream input and no side outputs: forwards without a loop. */
final class SingleOutput<T> implements Output<T> {
    private final Input<T> target;

    SingleOutput(Input<T> target) {
        this.target = target;
    }

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        target.element(value, timestampMillis, headers);
    }

    @Override
    public void watermark(long watermarkMillis) {
        target.watermark(watermarkMillis);
    }

    @Override
    public void idle(boolean idle) {
        target.idle(idle);
    }

    @Override
    public void endOfInput() {
        target.endOfInput();
    }

    @Override
    public void side(String tagId, Object value, long timestampMillis, Headers headers) {
    }
}
