package dev.weir.runtime.oracle;

import dev.weir.api.function.Collector;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.WindowContext;
import java.util.ArrayList;
import java.util.List;

/** Emits the ids of a window's elements, so tests check contents element by element, not just counts. */
final class ContentsFunction implements ProcessWindowFunction<Integer, Ev, Contents> {
    @Override
    public void process(Integer key, Iterable<Ev> elements, WindowContext ctx, Collector<Contents> out) {
        List<Integer> ids = new ArrayList<>();
        for (Ev e : elements) {
            ids.add(e.id());
        }
        out.emit(new Contents(key, ctx.window(), ctx.pane(), List.copyOf(ids)));
    }
}
