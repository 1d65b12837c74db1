package dev.weir.runtime.operator;

import dev.weir.runtime.checkpoint.Checkpointed;

/**
 * Merges several inputs of one type. Its watermark is the minimum over active inputs; it ends when all inputs ended.
 * Its snapshot is its inputs' watermarks, idle and ended flags.
 */
public final class UnionOperator<T> implements Operator, Checkpointed {
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
        return inputs.input(index, output::element);
    }

    @Override
    public Object snapshotState() {
        return inputs.snapshotState();
    }

    @Override
    public void restoreState(Object state) {
        inputs.restoreState(state);
    }

    @Override
    public void restoreStates(java.util.List<Object> states) {
        inputs.restoreStates(states);
    }
}
