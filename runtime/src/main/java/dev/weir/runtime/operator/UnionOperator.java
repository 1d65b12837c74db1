package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.runtime.watermark.WatermarkCombiner;

/** Merges several inputs of one type. Its watermark is the minimum over active inputs; it ends when all inputs ended. */
public final class UnionOperator<T> implements Operator {
    private final String name;
    private final Output<T> output;
    private final MultiInput inputs;

    public UnionOperator(String name, int inputCount, Output<T> output) {
        this.name = name;
        this.output = output;
        this.inputs = new MultiInput(inputCount, output::watermark, output::idle, output::endOfInput);
    }

    @Override
    public String name() {
        return name;
    }

    /** The input for upstream edge {@code index}. */
    public Input<T> input(int index) {
        return new Input<>() {
            @Override
            public void element(T value, long timestampMillis, Headers headers) {
                output.element(value, timestampMillis, headers);
            }

            @Override
            public void watermark(long watermarkMillis) {
                inputs.watermark(index, watermarkMillis);
            }

            @Override
            public void idle(boolean idle) {
                inputs.idle(index, idle);
            }

            @Override
            public void endOfInput() {
                inputs.endOfInput(index);
            }
        };
    }
}
