package dev.weir.runtime.testing;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.graph.WindowNode;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.KeyedProcessOperator;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.StatelessOperator;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.window.WindowOperators;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Drives one function the way the engine would, with time under the test's control: push elements with event
 * timestamps, advance the watermark and processing time explicitly, then assert outputs, side outputs, state and
 * counters. Event time and processing time are kept apart: the watermark moves only by {@link #advanceWatermark},
 * the clock only by {@link #advanceProcessingTime} (it starts at 0).
 *
 * <pre>{@code
 * var h = FunctionTestHarness.keyed(new RunningCount(), Click::user);
 * h.processElement(new Click("ann"), 1_000);
 * h.advanceWatermark(60_000);                  // fires event-time timers up to 60 s
 * assertThat(h.outputValues()).containsExactly("ann=1", "ann idle");
 * assertThat(h.state("ann").value(RunningCount.COUNT).value()).isEqualTo(1L);
 * }</pre>
 *
 * @param <I> input type
 * @param <O> output type
 */
public final class FunctionTestHarness<I, O> {
    private final Input<I> input;
    private final Operator operator;
    private final CapturingOutput<O> output;
    private final ManualClock clock;
    private final ProcessingTimeService processingTime;
    private final OperatorMetrics metrics;
    private final HeapKeyedStateBackend<Object> backend;
    private final KeyedStateStore userState;

    private FunctionTestHarness(Input<I> input, Operator operator, CapturingOutput<O> output, ManualClock clock,
                                ProcessingTimeService processingTime, OperatorMetrics metrics,
                                HeapKeyedStateBackend<Object> backend, KeyedStateStore userState) {
        this.input = input;
        this.operator = operator;
        this.output = output;
        this.clock = clock;
        this.processingTime = processingTime;
        this.metrics = metrics;
        this.backend = backend;
        this.userState = userState;
        try {
            operator.open();
        } catch (Exception e) {
            throw new IllegalStateException("open() failed", e);
        }
    }

    private record Env(ManualClock clock, ProcessingTimeService processingTime, OperatorMetrics metrics,
                       OperatorContext context) {
        static Env create(String name, ErrorPolicy policy) {
            ManualClock clock = new ManualClock(0);
            ProcessingTimeService pts = new ProcessingTimeService(clock);
            OperatorMetrics m = new OperatorMetrics(name);
            return new Env(clock, pts, m, new OperatorContext(name, m, pts, policy, KeyGroups.DEFAULT_NUMBER));
        }
    }

    /** A harness for a stateless function; exceptions propagate (error policy FAIL). */
    public static <I, O> FunctionTestHarness<I, O> stateless(StatelessFunction<I, O> function) {
        return stateless(function, null);
    }

    /** A harness for a stateless function with its configuration. */
    public static <I, O> FunctionTestHarness<I, O> stateless(StatelessFunction<I, O> function, Object config) {
        Env env = Env.create("function", ErrorPolicy.FAIL);
        CapturingOutput<O> out = new CapturingOutput<>();
        StatelessOperator<I, O> op = new StatelessOperator<>(env.context(), function, config, out);
        return new FunctionTestHarness<>(op, op, out, env.clock(), env.processingTime(), env.metrics(), null, null);
    }

    /** A harness for a keyed function. */
    public static <K, I, O> FunctionTestHarness<I, O> keyed(KeyedFunction<K, I, O> function, KeySelector<I, K> keys) {
        return keyed(function, keys, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, I, O> FunctionTestHarness<I, O> keyed(KeyedFunction<K, I, O> function, KeySelector<I, K> keys,
                                                            Object config) {
        Env env = Env.create("function", ErrorPolicy.FAIL);
        CapturingOutput<O> out = new CapturingOutput<>();
        HeapKeyedStateBackend backend = HeapKeyedStateBackend.forAllKeyGroups(KeyGroups.DEFAULT_NUMBER);
        KeyedProcessOperator<K, I, O> op = new KeyedProcessOperator<>(env.context(), function, config, keys, backend, out);
        return new FunctionTestHarness<>(op, op, out, env.clock(), env.processingTime(), env.metrics(), backend,
                op.stateStore());
    }

    /** A harness for an incremental window aggregation. */
    public static <K, T, A, R> FunctionTestHarness<T, WindowResult<K, R>> window(
            WindowSpec spec, KeySelector<T, K> keys, AggregateFunction<T, A, R> function, WindowOptions options) {
        return window(spec, keys, new WindowFunctionRef.Aggregate<>(function), options);
    }

    /** A harness for a process-window function. */
    public static <K, T, O> FunctionTestHarness<T, O> processWindow(
            WindowSpec spec, KeySelector<T, K> keys, ProcessWindowFunction<K, T, O> function, WindowOptions options) {
        return window(spec, keys, new WindowFunctionRef.Process<>(function), options);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K, T, O> FunctionTestHarness<T, O> window(WindowSpec spec, KeySelector<T, K> keys,
                                                              WindowFunctionRef fn, WindowOptions options) {
        Env env = Env.create("window", ErrorPolicy.FAIL);
        CapturingOutput out = new CapturingOutput<>();
        HeapKeyedStateBackend backend = HeapKeyedStateBackend.forAllKeyGroups(KeyGroups.DEFAULT_NUMBER);
        WindowNode node = new WindowNode("window", spec, options.trigger().orElse(Triggers.defaultFor(spec)),
                options.allowedLateness(), options.lateDataTag().map(t -> (OutputTag<?>) t), fn, options.config());
        Operator op = WindowOperators.create(node, env.context(), keys, backend, out);
        return new FunctionTestHarness<>((Input<T>) op, op, out, env.clock(), env.processingTime(), env.metrics(),
                backend, null);
    }

    /**
     * Window settings for {@link #window}.
     *
     * @param allowedLateness how long windows accept late elements after the watermark passed their end
     * @param lateDataTag     side output for elements too late for all their windows
     * @param trigger         a non-default trigger
     * @param config          the window function's configuration
     */
    public record WindowOptions(Duration allowedLateness, Optional<OutputTag<?>> lateDataTag, Optional<Trigger> trigger,
                                Object config) {
        public static WindowOptions defaults() {
            return new WindowOptions(Duration.ZERO, Optional.empty(), Optional.empty(), null);
        }

        public WindowOptions withAllowedLateness(Duration lateness) {
            return new WindowOptions(lateness, lateDataTag, trigger, config);
        }

        public WindowOptions withLateDataTag(OutputTag<?> tag) {
            return new WindowOptions(allowedLateness, Optional.of(tag), trigger, config);
        }

        public WindowOptions withTrigger(Trigger t) {
            return new WindowOptions(allowedLateness, lateDataTag, Optional.of(t), config);
        }
    }

    /** Pushes an element with event timestamp {@code timestampMillis}. */
    public FunctionTestHarness<I, O> processElement(I value, long timestampMillis) {
        return processElement(value, timestampMillis, Headers.EMPTY);
    }

    public FunctionTestHarness<I, O> processElement(I value, Instant timestamp) {
        return processElement(value, timestamp.toEpochMilli(), Headers.EMPTY);
    }

    public FunctionTestHarness<I, O> processElement(I value, long timestampMillis, Headers headers) {
        input.element(value, timestampMillis, headers);
        return this;
    }

    /** Advances the watermark (fires event-time timers and windows up to it). Must not go backwards. */
    public FunctionTestHarness<I, O> advanceWatermark(long watermarkMillis) {
        if (watermarkMillis < output.watermark) {
            throw new IllegalArgumentException("watermark must not go back from " + output.watermark + " to " + watermarkMillis);
        }
        input.watermark(watermarkMillis);
        return this;
    }

    public FunctionTestHarness<I, O> advanceWatermark(Instant watermark) {
        return advanceWatermark(watermark.toEpochMilli());
    }

    /** Moves processing time forward by {@code delta} and fires due processing-time timers. */
    public FunctionTestHarness<I, O> advanceProcessingTime(Duration delta) {
        clock.advanceBy(delta.toMillis());
        processingTime.advance();
        return this;
    }

    /** Ends the input: the watermark goes to the end of time, so every window and event-time timer fires. */
    public FunctionTestHarness<I, O> endInput() {
        input.watermark(Long.MAX_VALUE);
        input.endOfInput();
        return this;
    }

    /** Current processing time of the harness clock, milliseconds. */
    public long processingTimeMillis() {
        return clock.millis();
    }

    /** Main outputs so far, with their timestamps. */
    public List<Event<Void, O>> output() {
        return List.copyOf(output.main);
    }

    public List<O> outputValues() {
        return output.main.stream().map(Event::value).toList();
    }

    /** Values written to a side output so far. */
    public <X> List<X> sideOutput(OutputTag<X> tag) {
        return output.sides.getOrDefault(tag.id(), List.of()).stream().map(e -> tag.type().cast(e.value())).toList();
    }

    /** Values written to a side output by id (e.g. {@link ErrorPolicy#DEAD_LETTER_OUTPUT}). */
    public List<Object> sideOutput(String tagId) {
        return output.sides.getOrDefault(tagId, List.of()).stream().map(Event::value).toList();
    }

    /** Forgets captured outputs (state and timers stay). */
    public FunctionTestHarness<I, O> clearOutput() {
        output.main.clear();
        output.sides.clear();
        return this;
    }

    /** The keyed function's state for {@code key} (keyed harness only). */
    public KeyedStateStore state(Object key) {
        if (userState == null) {
            throw new IllegalStateException("state(key) is available for keyed function harnesses only");
        }
        backend.setCurrentKey(key);
        return userState;
    }

    /** Number of state entries held (all keys, all states), e.g. to assert that windows were cleaned up. */
    public long stateEntryCount() {
        if (backend == null) {
            throw new IllegalStateException("this harness has no keyed state");
        }
        return backend.entryCount();
    }

    /** Elements this operator dropped as late. */
    public long lateDropped() {
        return metrics.lateDropped();
    }

    /** Applies {@code f} to every output value: a shortcut for assertions. */
    public <X> List<X> mapOutput(Function<O, X> f) {
        return outputValues().stream().map(f).toList();
    }
}
