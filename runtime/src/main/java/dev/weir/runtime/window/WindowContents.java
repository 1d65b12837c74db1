package dev.weir.runtime.window;

import dev.weir.api.function.Collector;
import dev.weir.api.function.OutputTag;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowContext;
import dev.weir.api.window.WindowResult;
import dev.weir.api.event.Headers;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.Output;

/**
 * What a window keeps and how it emits: an accumulator for an {@link AggregateFunction}, or the element list for
 * a {@link ProcessWindowFunction}. {@code S} is the stored contents type.
 */
public abstract sealed class WindowContents<K, T, S> {

    /** Empty contents. */
    public abstract S create();

    /** Adds an element; may mutate and return {@code contents}. */
    public abstract S add(S contents, T value);

    /** Combines {@code from} into {@code into}; may mutate and return {@code into}, never mutates {@code from}. */
    public abstract S merge(S into, S from);

    /** Emits the result of {@code contents} for {@code window}, with timestamp {@code window.maxTimestampMillis()}. */
    public abstract void emit(K key, Window window, S contents, PaneInfo pane, long watermarkMillis) throws Exception;

    /** What this object keeps across windows (not the contents, which live in the state backend); null if nothing. */
    public Object snapshotState() {
        return null;
    }

    /** Restores what {@link #snapshotState()} returned. */
    public void restoreState(Object state) {
    }

    /** Restores what several tasks' {@link #snapshotState()} returned (a rescale); each may be null. */
    public void restoreStates(java.util.List<Object> states) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, T> WindowContents<K, T, Object> of(WindowFunctionRef ref, OperatorContext ctx, Object config,
                                                         Output<Object> output) {
        if (ref instanceof WindowFunctionRef.Aggregate a) {
            return new Aggregating(a.function(), ctx, output);
        }
        return new Buffering(((WindowFunctionRef.Process) ref).function(), ctx, config, output);
    }

    /** Incremental aggregation: one accumulator per window or pane. */
    static final class Aggregating<K, T, A, R> extends WindowContents<K, T, A> {
        private final AggregateFunction<T, A, R> fn;
        private final OperatorContext ctx;
        private final Output<Object> output;

        Aggregating(AggregateFunction<T, A, R> fn, OperatorContext ctx, Output<Object> output) {
            this.fn = fn;
            this.ctx = ctx;
            this.output = output;
        }

        @Override
        public A create() {
            return fn.createAccumulator();
        }

        @Override
        public A add(A contents, T value) {
            return fn.add(value, contents);
        }

        @Override
        public A merge(A into, A from) {
            return fn.merge(into, from);
        }

        @Override
        public void emit(K key, Window window, A contents, PaneInfo pane, long watermarkMillis) {
            ctx.metrics().incOut();
            output.element(new WindowResult<>(key, window, fn.result(contents), pane), window.maxTimestampMillis(),
                    Headers.EMPTY);
        }
    }

    /** All elements in arrival order, for a process-window function. */
    static final class Buffering<K, T> extends WindowContents<K, T, ElementBuffer<T>>
            implements WindowContext, Collector<Object> {
        private final ProcessWindowFunction<K, T, Object> fn;
        private final OperatorContext ctx;
        private final Object config;
        private final Output<Object> output;
        /** Arrival sequence of the next element (per operator). */
        private long nextArrival;
        private Window window;
        private PaneInfo pane;
        private long watermark;

        Buffering(ProcessWindowFunction<K, T, Object> fn, OperatorContext ctx, Object config, Output<Object> output) {
            this.fn = fn;
            this.ctx = ctx;
            this.config = config;
            this.output = output;
        }

        /** The arrival sequence: buffers restored from a snapshot must keep their order relative to new elements. */
        @Override
        public Object snapshotState() {
            return nextArrival;
        }

        @Override
        public void restoreState(Object state) {
            nextArrival = state == null ? 0 : dev.weir.runtime.checkpoint.Snapshots.expect(state, Long.class,
                    "process-window function's element buffers");
        }

        /** The largest sequence: restored elements stay before new ones. */
        @Override
        public void restoreStates(java.util.List<Object> states) {
            long max = 0;
            for (Object state : states) {
                if (state != null) {
                    max = Math.max(max, dev.weir.runtime.checkpoint.Snapshots.expect(state, Long.class,
                            "process-window function's element buffers"));
                }
            }
            nextArrival = max;
        }

        @Override
        public ElementBuffer<T> create() {
            return new ElementBuffer<>();
        }

        @Override
        public ElementBuffer<T> add(ElementBuffer<T> contents, T value) {
            contents.add(nextArrival++, value);
            return contents;
        }

        @Override
        public ElementBuffer<T> merge(ElementBuffer<T> into, ElementBuffer<T> from) {
            into.mergeFrom(from);
            return into;
        }

        @Override
        public void emit(K key, Window w, ElementBuffer<T> contents, PaneInfo p, long watermarkMillis) throws Exception {
            this.window = w;
            this.pane = p;
            this.watermark = watermarkMillis;
            fn.process(key, contents.view(), this, this);
        }

        @Override
        public void emit(Object value) {
            ctx.metrics().incOut();
            output.element(value, window.maxTimestampMillis(), Headers.EMPTY);
        }

        @Override
        public Window window() {
            return window;
        }

        @Override
        public PaneInfo pane() {
            return pane;
        }

        @Override
        public long currentWatermarkMillis() {
            return watermark;
        }

        @Override
        public long currentProcessingTimeMillis() {
            return ctx.processingTime().now();
        }

        @Override
        public <C> C config(Class<C> type) {
            if (config == null) {
                throw new IllegalStateException("window '" + ctx.name() + "' has no configuration");
            }
            return type.cast(config);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            output.side(tag.id(), value, window.maxTimestampMillis(), Headers.EMPTY);
        }
    }
}
