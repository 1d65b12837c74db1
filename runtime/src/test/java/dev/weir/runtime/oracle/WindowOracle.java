package dev.weir.runtime.oracle;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.PaneInfo.Timing;
import dev.weir.api.window.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Brute-force semantics of tumbling and sliding event-time windows with allowed lateness and the default
 * event-time trigger. It keeps every element of every window (no panes, no timers) and replays the script:
 * <ul>
 *   <li>A watermark {@code W} fires ON_TIME every window with elements whose max timestamp {@code end - 1 <= W}
 *       and that has not fired yet.</li>
 *   <li>A window is expired once {@code end - 1 + lateness <= W}. An element joins each of its windows that is
 *       not expired under the watermark in force when it arrives; if such a window is already complete
 *       ({@code end - 1 <= W}) it fires again at once as a LATE pane covering everything accepted so far.</li>
 *   <li>An element all of whose windows are expired is late: side output, in no window.</li>
 *   <li>End of input is a watermark at +infinity.</li>
 * </ul>
 * Pane indexes count the window's earlier emissions.
 */
final class WindowOracle {

    /** The windows an element with timestamp {@code ts} belongs to. */
    @FunctionalInterface
    interface Assigner {
        List<Window> windowsOf(long ts);
    }

    /** {@code [k*size, (k+1)*size)} for the {@code k} with {@code k*size <= ts}, largest such. */
    static Assigner tumbling(long size) {
        return ts -> {
            long start = Math.floorDiv(ts, size) * size;
            return List.of(new Window(start, start + size));
        };
    }

    /** Every {@code [k*slide, k*slide + size)} that contains {@code ts}. */
    static Assigner sliding(long size, long slide) {
        return ts -> {
            List<Window> windows = new ArrayList<>();
            for (long start = Math.floorDiv(ts, slide) * slide; start + size > ts; start -= slide) {
                windows.add(new Window(start, start + size));
            }
            return windows;
        };
    }

    /** One emission: its pane and the elements the window had accepted, in arrival order. */
    record Firing(PaneInfo pane, List<Ev> elements) {
    }

    /**
     * Everything the window operator must output.
     *
     * @param firings per key and window, its emissions in order
     * @param late    elements sent to the late side output, in arrival order
     */
    record Outcome(Map<KeyedWindow, List<Firing>> firings, List<Ev> late) {

        /** The emissions with each pane's elements turned into the value a window function would emit. */
        <V> Map<KeyedWindow, List<Pane<V>>> panes(Function<List<Ev>, V> value) {
            Map<KeyedWindow, List<Pane<V>>> out = new TreeMap<>();
            firings.forEach((kw, fs) -> out.put(kw,
                    fs.stream().map(f -> new Pane<>(f.pane(), value.apply(f.elements()))).toList()));
            return out;
        }
    }

    private WindowOracle() {
    }

    static Outcome run(Script script, Assigner assigner, long latenessMillis) {
        Map<KeyedWindow, WindowState> windows = new TreeMap<>();
        List<Ev> late = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Step.Watermark w) {
                watermark = w.millis();
                fireComplete(windows, watermark);
            } else if (step instanceof Script.Step.Element e) {
                if (!accept(e.ev(), assigner, latenessMillis, watermark, windows)) {
                    late.add(e.ev());
                }
            }
        }
        fireComplete(windows, Long.MAX_VALUE);
        Map<KeyedWindow, List<Firing>> firings = new TreeMap<>();
        windows.forEach((kw, state) -> firings.put(kw, List.copyOf(state.firings)));
        return new Outcome(firings, late);
    }

    /** Adds {@code ev} to its live windows; whether there was one. */
    private static boolean accept(Ev ev, Assigner assigner, long lateness, long watermark,
                                  Map<KeyedWindow, WindowState> windows) {
        boolean accepted = false;
        for (Window w : assigner.windowsOf(ev.ts())) {
            if (w.maxTimestampMillis() + lateness <= watermark) {
                continue;
            }
            accepted = true;
            WindowState state = windows.computeIfAbsent(new KeyedWindow(ev.key(), w), kw -> new WindowState());
            state.elements.add(ev);
            if (w.maxTimestampMillis() <= watermark) {
                state.fire(Timing.LATE);
            }
        }
        return accepted;
    }

    private static void fireComplete(Map<KeyedWindow, WindowState> windows, long watermark) {
        windows.forEach((kw, state) -> {
            if (!state.fired && kw.window().maxTimestampMillis() <= watermark) {
                state.fire(Timing.ON_TIME);
            }
        });
    }

    private static final class WindowState {
        final List<Ev> elements = new ArrayList<>();
        final List<Firing> firings = new ArrayList<>();
        boolean fired;

        void fire(Timing timing) {
            firings.add(new Firing(new PaneInfo(timing, firings.size()), List.copyOf(elements)));
            fired = true;
        }
    }
}
