package dev.weir.runtime.window;

import dev.weir.api.function.Collector;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowContext;
import dev.weir.runtime.oracle.Ev;
import java.util.ArrayList;
import java.util.List;

/** Small window functions shared by the tests of this package. */
final class WindowFunctions {
    private WindowFunctions() {
    }

    /** More results than any test here can legitimately produce: a runaway firing loop fails instead of hanging. */
    static final int RUNAWAY_LIMIT = 100_000;

    /**
     * Counts elements; {@code add} and {@code merge} mutate their first argument, as the contract allows. Throws once
     * it produced {@link #RUNAWAY_LIMIT} results.
     */
    static final class Count<T> implements AggregateFunction<T, long[], Long> {
        private int results;

        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(T value, long[] acc) {
            acc[0]++;
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }

        @Override
        public Long result(long[] acc) {
            if (++results > RUNAWAY_LIMIT) {
                throw new IllegalStateException("runaway: more than " + RUNAWAY_LIMIT + " window results");
            }
            return acc[0];
        }
    }

    /** One firing of {@link Firings}: window, pane and the values the function saw, in the order it saw them. */
    record Fired<T>(Object key, Window window, PaneInfo pane, List<T> values) {
        @Override
        public String toString() {
            return key + "[" + window.startMillis() + "," + window.endMillis() + ") " + pane.timing() + "#"
                    + pane.index() + " " + values;
        }
    }

    /** Emits what it saw when the window fired. Throws once it fired {@link #RUNAWAY_LIMIT} times. */
    static final class Firings<K, T> implements ProcessWindowFunction<K, T, Fired<T>> {
        private int firings;

        @Override
        public void process(K key, Iterable<T> elements, WindowContext ctx, Collector<Fired<T>> out) {
            if (++firings > RUNAWAY_LIMIT) {
                throw new IllegalStateException("runaway: more than " + RUNAWAY_LIMIT + " window firings");
            }
            List<T> values = new ArrayList<>();
            elements.forEach(values::add);
            out.emit(new Fired<>(key, ctx.window(), ctx.pane(), List.copyOf(values)));
        }
    }

    /** Ids of script elements, for process-window firings over {@link Ev}. */
    static List<Integer> ids(List<Ev> elements) {
        return elements.stream().map(Ev::id).toList();
    }
}
