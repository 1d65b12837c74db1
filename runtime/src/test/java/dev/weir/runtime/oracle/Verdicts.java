package dev.weir.runtime.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Turns engine output into the shapes the oracles produce, and compares them with readable differences. */
final class Verdicts {
    private static final int MAX_LINES = 12;

    private Verdicts() {
    }

    /** An element on the late side output: its id and the timestamp it was emitted with. */
    record LateElement(int id, long ts) {
        @Override
        public String toString() {
            return "#" + id + "@" + ts;
        }
    }

    // ---- engine output -> oracle shapes -------------------------------------------------------------------

    /** Per key and window, the panes in emission order. */
    static <R> Map<KeyedWindow, List<Pane<R>>> panesOfResults(List<Event<Void, WindowResult<Integer, R>>> results) {
        Map<KeyedWindow, List<Pane<R>>> out = new TreeMap<>();
        for (Event<Void, WindowResult<Integer, R>> e : results) {
            WindowResult<Integer, R> r = e.value();
            out.computeIfAbsent(new KeyedWindow(r.key(), r.window()), kw -> new ArrayList<>())
                    .add(new Pane<>(r.pane(), r.value()));
        }
        return out;
    }

    /** Per key and window, the panes in emission order, each with the ids the function saw, as mapped by {@code ids}. */
    static <V> Map<KeyedWindow, List<Pane<V>>> panesOfContents(List<Event<Void, Contents>> results,
                                                              Function<List<Integer>, V> ids) {
        Map<KeyedWindow, List<Pane<V>>> out = new TreeMap<>();
        for (Event<Void, Contents> e : results) {
            Contents c = e.value();
            out.computeIfAbsent(new KeyedWindow(c.key(), c.window()), kw -> new ArrayList<>())
                    .add(new Pane<>(c.pane(), ids.apply(c.ids())));
        }
        return out;
    }

    static List<Integer> sorted(List<Integer> ids) {
        return ids.stream().sorted().toList();
    }

    static List<Integer> idsOf(List<Ev> elements) {
        return elements.stream().map(Ev::id).toList();
    }

    /**
     * The final view of session emissions of one key: the last emission per window, minus windows strictly
     * covered by a window whose last emission came later (a session that was merged into a bigger one).
     *
     * @param emissions windows and values in emission order
     */
    static <V> Map<Window, V> finalView(List<Map.Entry<Window, V>> emissions) {
        Map<Window, V> last = new LinkedHashMap<>();
        for (Map.Entry<Window, V> e : emissions) {
            last.remove(e.getKey());
            last.put(e.getKey(), e.getValue());
        }
        List<Window> order = new ArrayList<>(last.keySet());
        Map<Window, V> view = new TreeMap<>();
        for (int i = 0; i < order.size(); i++) {
            Window w = order.get(i);
            boolean superseded = order.subList(i + 1, order.size()).stream()
                    .anyMatch(later -> !later.equals(w) && covers(later, w));
            if (!superseded) {
                view.put(w, last.get(w));
            }
        }
        return view;
    }

    private static boolean covers(Window outer, Window inner) {
        return outer.startMillis() <= inner.startMillis() && inner.endMillis() <= outer.endMillis();
    }

    /** Per key, the session final view of the engine's emissions; {@code value} extracts what is compared. */
    static <O, V> Map<Integer, Map<Window, V>> sessionView(List<Event<Void, O>> results, Function<O, Integer> key,
                                                          Function<O, Window> window, Function<O, V> value) {
        Map<Integer, List<Map.Entry<Window, V>>> perKey = new TreeMap<>();
        for (Event<Void, O> e : results) {
            perKey.computeIfAbsent(key.apply(e.value()), k -> new ArrayList<>())
                    .add(Map.entry(window.apply(e.value()), value.apply(e.value())));
        }
        Map<Integer, Map<Window, V>> view = new TreeMap<>();
        perKey.forEach((k, emissions) -> view.put(k, finalView(emissions)));
        return view;
    }

    /** The oracle's sessions reduced the same way (only differs from them when a later session covers a purged one). */
    static <V> Map<Integer, Map<Window, V>> sessionView(SessionOracle.Outcome outcome, Function<List<Ev>, V> value) {
        Map<Integer, Map<Window, V>> view = new TreeMap<>();
        outcome.sessions().forEach((k, sessions) -> view.put(k, finalView(sessions.stream()
                .map(s -> Map.entry(s.window(), value.apply(s.elements()))).toList())));
        return view;
    }

    // ---- assertions ------------------------------------------------------------------------------------------

    /** Same windows, and per window exactly the same sequence of (timing, index, value). */
    static <V> void assertSamePanes(Map<KeyedWindow, List<Pane<V>>> expected, Map<KeyedWindow, List<Pane<V>>> actual) {
        List<String> diffs = new ArrayList<>();
        for (KeyedWindow kw : union(expected.keySet(), actual.keySet())) {
            List<Pane<V>> e = expected.getOrDefault(kw, List.of());
            List<Pane<V>> a = actual.getOrDefault(kw, List.of());
            if (!e.equals(a)) {
                diffs.add(kw + ": expected " + e + " but engine emitted " + a);
            }
        }
        assertNoDifferences("per-window emissions differ from the oracle", diffs);
    }

    /** Same final sessions per key, with the same values. */
    static <V> void assertSameSessions(Map<Integer, Map<Window, V>> expected, Map<Integer, Map<Window, V>> actual) {
        List<String> diffs = new ArrayList<>();
        for (Integer key : union(expected.keySet(), actual.keySet())) {
            Map<Window, V> e = expected.getOrDefault(key, Map.of());
            Map<Window, V> a = actual.getOrDefault(key, Map.of());
            for (Window w : union(e.keySet(), a.keySet())) {
                if (!Objects.equals(e.get(w), a.get(w))) {
                    diffs.add("k" + key + KeyedWindow.format(w) + ": expected " + describe(e, w)
                            + " but engine's final view has " + describe(a, w));
                }
            }
        }
        assertNoDifferences("final sessions differ from the oracle", diffs);
    }

    /** Every result carries its window's max timestamp as event timestamp. */
    static <O> void assertStampedWithWindowMaxTimestamp(List<Event<Void, O>> results, Function<O, Window> window) {
        List<String> wrong = results.stream()
                .filter(e -> e.timestampMillis() != window.apply(e.value()).maxTimestampMillis())
                .map(e -> e.value() + " has timestamp " + e.timestampMillis() + ", expected "
                        + window.apply(e.value()).maxTimestampMillis())
                .toList();
        assertNoDifferences("results not stamped with the window's max timestamp", wrong);
    }

    /** The same multiset of late elements, each emitted with its own timestamp. */
    static void assertSameLate(List<Ev> expected, List<Event<Void, Ev>> actual) {
        List<LateElement> e = expected.stream().map(ev -> new LateElement(ev.id(), ev.ts()))
                .sorted(Comparator.comparingInt(LateElement::id).thenComparingLong(LateElement::ts)).toList();
        List<LateElement> a = actual.stream().map(ev -> new LateElement(ev.value().id(), ev.timestampMillis()))
                .sorted(Comparator.comparingInt(LateElement::id).thenComparingLong(LateElement::ts)).toList();
        assertThat(a).as("late side output (id@timestamp), sorted by id").isEqualTo(e);
    }

    private static <V> String describe(Map<Window, V> m, Window w) {
        return m.containsKey(w) ? String.valueOf(m.get(w)) : "nothing";
    }

    private static <T extends Comparable<? super T>> TreeSet<T> union(Set<T> a, Set<T> b) {
        TreeSet<T> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static void assertNoDifferences(String what, List<String> diffs) {
        if (!diffs.isEmpty()) {
            List<String> shown = diffs.subList(0, Math.min(MAX_LINES, diffs.size()));
            throw new AssertionError(what + " (" + diffs.size() + " difference(s)):\n  "
                    + String.join("\n  ", shown) + (diffs.size() > MAX_LINES ? "\n  ..." : ""));
        }
    }
}
