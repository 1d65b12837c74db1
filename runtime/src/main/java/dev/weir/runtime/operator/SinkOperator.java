package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;

/** Writes elements to a sink writer; flushes at end of input. */
public final class SinkOperator<T> implements Operator, Input<T> {
    private final OperatorContext ctx;
    private final Sink.SinkWriter<T> writer;

    public SinkOperator(OperatorContext ctx, Sink<T> sink) {
        this.ctx = ctx;
        this.writer = sink.createWriter();
    }

    @Override
    public String name() {
        return ctx.name();
    }

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        ctx.metrics().recordsIn++;
        try {
            writer.write(value, timestampMillis, headers);
        } catch (Exception e) {
            throw new PipelineFailedException(ctx.name(), "sink write failed", e);
        }
    }

    @Override
    public void watermark(long watermarkMillis) {
        try {
            writer.watermark(watermarkMillis);
        } catch (Exception e) {
            throw new PipelineFailedException(ctx.name(), "sink watermark failed", e);
        }
    }

    @Override
    public void idle(boolean idle) {
        try {
            writer.idle(idle);
        } catch (Exception e) {
            throw new PipelineFailedException(ctx.name(), "sink idleness signal failed", e);
        }
    }

    @Override
    public void endOfInput() {
        try {
            writer.endOfInput();
        } catch (Exception e) {
            throw new PipelineFailedException(ctx.name(), "sink flush failed", e);
        }
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }
}
