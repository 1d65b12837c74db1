package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.metadata.WeirFunction;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.WindowContext;
import java.util.ArrayList;
import java.util.List;

/** A process-window test function. */
@WeirFunction(name = "collect-all", version = "1.0.0")
public class CollectAll implements ProcessWindowFunction<Object, Object, List<Object>> {
    @Override
    public void process(Object key, Iterable<Object> elements, WindowContext ctx, Collector<List<Object>> out) {
        List<Object> all = new ArrayList<>();
        elements.forEach(all::add);
        out.emit(all);
    }
}
