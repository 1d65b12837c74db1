package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.JoinFunction;
import dev.weir.api.metadata.WeirFunction;
import java.util.List;

/** A join test function. */
@WeirFunction(name = "pair-join", version = "1.0.0")
public class PairJoin implements JoinFunction<Object, Object, List<Object>> {
    @Override
    public void join(Object left, Object right, FunctionContext ctx, Collector<List<Object>> out) {
        out.emit(List.of(left, right));
    }
}
