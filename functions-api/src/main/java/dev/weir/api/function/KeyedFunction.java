package dev.weir.api.function;

/**
 * A function over a keyed stream. It sees one key at a time and may keep state per key (value, list and map
 * state), register event-time and processing-time timers per key, read the current watermark and write
 * side outputs.
 *
 * <p>Example: emit a key's running count, and "idle" when a key saw no event for 10 minutes of event time.
 * <pre>{@code
 * class Counter implements KeyedFunction<String, Click, String> {
 *   static final ValueStateDescriptor<Long> COUNT = ValueStateDescriptor.of("count", Long.class);
 *   public void process(Click c, KeyedContext<String> ctx, Collector<String> out) {
 *     ValueState<Long> count = ctx.state().value(COUNT);
 *     long n = count.valueOr(0L) + 1;
 *     count.update(n);
 *     ctx.timers().registerEventTimeTimer(ctx.timestamp().plus(Duration.ofMinutes(10)));
 *     out.emit(ctx.currentKey() + "=" + n);
 *   }
 *   public void onTimer(TimerContext<String> ctx, Collector<String> out) { out.emit(ctx.currentKey() + " idle"); }
 * }
 * }</pre>
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface KeyedFunction<K, I, O> {

    /** Processes one input for {@link KeyedContext#currentKey()}. */
    void process(I input, KeyedContext<K> ctx, Collector<O> out) throws Exception;

    /** Called when a timer registered through {@link KeyedContext#timers()} fires. */
    default void onTimer(TimerContext<K> ctx, Collector<O> out) throws Exception {
    }

    /** Called once before the first input. */
    default void open(FunctionContext ctx) throws Exception {
    }

    /** Called once after the last input (or when the pipeline stops). */
    default void close() throws Exception {
    }
}
