package dev.weir.api.function;

/**
 * A function without keyed state: map, filter and flatMap in one shape. For each input it emits zero
 * (filter), one (map) or many (flatMap) outputs.
 *
 * <pre>{@code
 * StatelessFunction<String, String> words = (line, ctx, out) -> {
 *     for (String w : line.split(" ")) out.emit(w);
 * };
 * }</pre>
 *
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface StatelessFunction<I, O> {

    /** Processes one input. Throwing fails, skips or dead-letters the input according to the pipeline's policy. */
    void process(I input, FunctionContext ctx, Collector<O> out) throws Exception;

    /** Called once before the first input. */
    default void open(FunctionContext ctx) throws Exception {
    }

    /** Called once after the last input (or when the pipeline stops). */
    default void close() throws Exception {
    }
}
