package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.OutputTag;

/**
 * The reusable {@link FunctionContext} of an operator: holds the element being processed and the operator's
 * watermark. Also the function's {@link dev.weir.api.function.Collector}, forwarding with the element's timestamp.
 */
public class ElementContext<O> implements FunctionContext, dev.weir.api.function.Collector<O> {
    protected final OperatorContext operator;
    protected final Object config;
    protected Output<O> output;
    protected long timestampMillis;
    protected Headers headers = Headers.EMPTY;
    protected long watermarkMillis = Watermarks.UNKNOWN;

    public ElementContext(OperatorContext operator, Object config, Output<O> output) {
        this.operator = operator;
        this.config = config;
        this.output = output;
    }

    /** Sets the element (or timer) now being processed. */
    public final void set(long newTimestampMillis, Headers newHeaders) {
        this.timestampMillis = newTimestampMillis;
        this.headers = newHeaders;
    }

    public final void setWatermark(long newWatermarkMillis) {
        this.watermarkMillis = newWatermarkMillis;
    }

    @Override
    public final void emit(O value) {
        operator.metrics().recordsOut++;
        output.element(value, timestampMillis, headers);
    }

    @Override
    public final long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public final Headers headers() {
        return headers;
    }

    @Override
    public final long currentWatermarkMillis() {
        return watermarkMillis;
    }

    @Override
    public final long currentProcessingTimeMillis() {
        return operator.processingTime().now();
    }

    @Override
    public final <C> C config(Class<C> type) {
        if (config == null) {
            throw new IllegalStateException("operator '" + operator.name() + "' has no configuration");
        }
        return type.cast(config);
    }

    @Override
    public final <T> void output(OutputTag<T> tag, T value) {
        output.side(tag.id(), value, timestampMillis, headers);
    }

    @Override
    public final String operatorName() {
        return operator.name();
    }
}
