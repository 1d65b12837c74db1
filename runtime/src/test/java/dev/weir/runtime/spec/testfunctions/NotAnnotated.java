package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.StatelessFunction;

/** A function without {@code @WeirFunction}. */
public class NotAnnotated implements StatelessFunction<Object, Object> {
    @Override
    public void process(Object input, FunctionContext ctx, Collector<Object> out) {
        out.emit(input);
    }
}
