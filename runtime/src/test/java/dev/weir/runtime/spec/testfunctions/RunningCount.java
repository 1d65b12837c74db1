package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.metadata.WeirFunction;

/** A keyed test function. */
@WeirFunction(name = "running-count", version = "1.0.0")
public class RunningCount implements KeyedFunction<Object, Object, String> {
    @Override
    public void process(Object input, KeyedContext<Object> ctx, Collector<String> out) {
        out.emit(String.valueOf(ctx.currentKey()));
    }
}
