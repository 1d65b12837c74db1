package dev.weir.runtime.window;

import dev.weir.api.function.KeySelector;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.graph.WindowNode;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.state.KeyedStateBackend;
import java.util.Optional;

/**
 * Chooses the window operator for a window node: paned for tumbling windows and for sliding windows with an
 * aggregate function, both with the default trigger; triggered (per-window state) otherwise.
 */
public final class WindowOperators {
    private WindowOperators() {
    }

    /** A window operator; the returned object is both the {@link Operator} and its {@link Input}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, T> Operator create(WindowNode node, OperatorContext ctx, KeySelector<T, K> keySelector,
                                         KeyedStateBackend<K> backend, Output<Object> output) {
        WindowContents<K, T, Object> contents = WindowContents.of(node.function(), ctx, node.config(), output);
        Optional<String> late = node.lateDataTag().map(t -> t.id());
        long lateness = node.allowedLateness().toMillis();
        boolean defaultTrigger = node.trigger() == Triggers.defaultFor(node.spec());
        if (defaultTrigger && node.spec() instanceof TumblingWindows t) {
            long size = t.size().toMillis();
            return new PanedWindowOperator<>(ctx, keySelector, backend, contents, output, late, t.timeDomain(), size, size,
                    t.offset().toMillis(), lateness);
        }
        // A process-window function sees elements in arrival order; panes would hand them over in time-slice order.
        boolean aggregate = node.function() instanceof dev.weir.runtime.graph.WindowFunctionRef.Aggregate<?, ?, ?>;
        if (defaultTrigger && aggregate && node.spec() instanceof SlidingWindows s) {
            return new PanedWindowOperator<>(ctx, keySelector, backend, contents, output, late, s.timeDomain(),
                    s.size().toMillis(), s.slide().toMillis(), s.offset().toMillis(), lateness);
        }
        return new TriggeredWindowOperator<>(ctx, keySelector, backend, contents, output, late,
                WindowAssigner.of(node.spec()), node.trigger(), node.spec().timeDomain(), lateness);
    }
}
