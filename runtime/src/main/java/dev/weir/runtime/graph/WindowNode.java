package dev.weir.runtime.graph;

import dev.weir.api.function.OutputTag;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.WindowSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * A keyed window.
 *
 * @param spec            which windows an element belongs to
 * @param trigger         when windows emit
 * @param allowedLateness how long after the watermark passes a window's end its state is kept, so late elements
 *                        update the result; beyond it elements go to {@code lateDataTag} (or are counted as dropped)
 * @param lateDataTag     side output for elements too late for all their windows
 * @param function        what the window computes
 * @param config          the function's bound configuration, or null
 */
public record WindowNode(String name, WindowSpec spec, Trigger trigger, Duration allowedLateness,
                         Optional<OutputTag<?>> lateDataTag, WindowFunctionRef function, Object config) implements Node {
    @Override
    public int inputArity() {
        return 1;
    }

    @Override
    public boolean needsKeyedInput() {
        return true;
    }
}
