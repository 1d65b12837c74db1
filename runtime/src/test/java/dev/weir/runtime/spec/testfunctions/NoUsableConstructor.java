package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.metadata.WeirFunction;

/** A function Weir cannot instantiate. */
@WeirFunction(name = "no-usable-constructor", version = "1.0.0")
public class NoUsableConstructor implements StatelessFunction<Object, Object> {
    public NoUsableConstructor(String unexpected) {
    }

    @Override
    public void process(Object input, FunctionContext ctx, Collector<Object> out) {
        out.emit(input);
    }
}
