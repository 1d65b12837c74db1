package dev.weir.runtime.window;

import dev.weir.api.window.GlobalWindows;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowSpec;
import java.util.List;

/** Assigns an element's timestamp to the windows it belongs to (the runtime side of a {@link WindowSpec}). */
public interface WindowAssigner {
    /** Adds to {@code out} the windows containing {@code timestampMillis}. */
    void assign(long timestampMillis, List<Window> out);

    /** Whether windows of a key merge when they overlap (session windows). */
    default boolean isMerging() {
        return false;
    }

    static WindowAssigner of(WindowSpec spec) {
        if (spec instanceof TumblingWindows t) {
            return sliding(t.size().toMillis(), t.size().toMillis(), t.offset().toMillis());
        }
        if (spec instanceof SlidingWindows s) {
            return sliding(s.size().toMillis(), s.slide().toMillis(), s.offset().toMillis());
        }
        if (spec instanceof SessionWindows s) {
            long gap = s.gap().toMillis();
            return new WindowAssigner() {
                @Override
                public void assign(long ts, List<Window> out) {
                    out.add(new Window(ts, ts + gap));
                }

                @Override
                public boolean isMerging() {
                    return true;
                }
            };
        }
        if (spec instanceof GlobalWindows) {
            return (ts, out) -> out.add(Window.global());
        }
        throw new IllegalArgumentException("unknown window spec " + spec);
    }

    private static WindowAssigner sliding(long size, long slide, long offset) {
        return (ts, out) -> {
            long last = Math.floorDiv(ts - offset, slide) * slide + offset;
            for (long start = last; start + size > ts; start -= slide) {
                out.add(new Window(start, start + size));
            }
        };
    }
}
