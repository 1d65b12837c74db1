package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.api.function.StatelessFunction;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;

/**
 * Runs a {@link StatelessFunction}: map, filter and flatMap. Watermarks pass through unchanged. The function keeps
 * no state, but it can read the current watermark, so that is the operator's snapshot.
 */
public final class StatelessOperator<I, O> implements Operator, Input<I>, Checkpointed {
    private final OperatorContext ctx;
    private final StatelessFunction<I, O> function;
    private final Output<O> output;
    private final ElementContext<O> element;
    private final FailureHandler failures;

    public StatelessOperator(OperatorContext ctx, StatelessFunction<I, O> function, Object config, Output<O> output) {
        this.ctx = ctx;
        this.function = function;
        this.output = output;
        this.element = new ElementContext<>(ctx, config, output);
        this.failures = ctx.failureHandler();
    }

    @Override
    public String name() {
        return ctx.name();
    }

    @Override
    public void open() throws Exception {
        function.open(element);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public void element(I value, long timestampMillis, Headers headers) {
        ctx.metrics().recordsIn++;
        element.set(timestampMillis, headers);
        try {
            function.process(value, element, element);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(value, timestampMillis, headers, e, output);
        }
    }

    @Override
    public void watermark(long watermarkMillis) {
        element.setWatermark(watermarkMillis);
        output.watermark(watermarkMillis);
    }

    @Override
    public void idle(boolean idle) {
        output.idle(idle);
    }

    @Override
    public void endOfInput() {
        output.endOfInput();
    }

    /** The current watermark (a {@code Long}), or null before the first one. */
    @Override
    public Object snapshotState() {
        long w = element.currentWatermarkMillis();
        return w == Watermarks.UNKNOWN ? null : w;
    }

    @Override
    public void restoreState(Object state) {
        element.setWatermark(Snapshots.expect(state, Long.class, "stateless operator"));
    }

    /** The smallest of the tasks' watermarks. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        element.setWatermark(dev.weir.runtime.checkpoint.Checkpointed.minOf(states,
                s -> Snapshots.expect(s, Long.class, "stateless operator")));
    }
}
