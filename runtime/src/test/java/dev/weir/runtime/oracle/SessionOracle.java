package dev.weir.runtime.oracle;

import dev.weir.api.window.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brute-force semantics of event-time session windows with gap {@code g} and allowed lateness {@code L}. Per key it
 * keeps the live (accepted, not yet purged) elements and recomputes the sessions from scratch at every step:
 * <ul>
 *   <li>Sessions: each element opens {@code [ts, ts + g)}; windows that overlap or touch ({@code end == start})
 *       merge.</li>
 *   <li>An arriving element is merged with its key's live elements; if the session it ends up in is expired
 *       ({@code end - 1 + L <= W}) it is late (side output), otherwise it is accepted.</li>
 *   <li>A watermark step finalizes (fires and purges) every session that is expired under the new watermark.</li>
 *   <li>End of input finalizes the rest.</li>
 * </ul>
 * The result is the list of finalized sessions per key, in finalization order.
 */
final class SessionOracle {

    /** A session: its window and elements in arrival order. */
    record Session(Window window, List<Ev> elements) {
    }

    /**
     * Everything the session operator must output.
     *
     * @param sessions per key, the sessions in the order they were finalized
     * @param late     elements sent to the late side output, in arrival order
     */
    record Outcome(Map<Integer, List<Session>> sessions, List<Ev> late) {
    }

    private SessionOracle() {
    }

    static Outcome run(Script script, long gapMillis, long latenessMillis) {
        Map<Integer, List<Ev>> live = new TreeMap<>();
        Map<Integer, List<Session>> finalized = new TreeMap<>();
        List<Ev> late = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Step.Watermark w) {
                watermark = w.millis();
                finalizeExpired(live, finalized, gapMillis, latenessMillis, watermark);
            } else if (step instanceof Script.Step.Element e) {
                Ev ev = e.ev();
                List<Ev> candidate = new ArrayList<>(live.getOrDefault(ev.key(), List.of()));
                candidate.add(ev);
                Session its = sessionsOf(candidate, gapMillis).stream()
                        .filter(s -> s.elements().contains(ev)).findFirst().orElseThrow();
                if (expired(its.window(), latenessMillis, watermark)) {
                    late.add(ev);
                } else {
                    live.computeIfAbsent(ev.key(), k -> new ArrayList<>()).add(ev);
                }
            }
        }
        finalizeExpired(live, finalized, gapMillis, latenessMillis, Long.MAX_VALUE);
        return new Outcome(finalized, late);
    }

    /** The sessions of {@code elements} (one key), ordered by start; each session's elements in arrival order. */
    static List<Session> sessionsOf(List<Ev> elements, long gapMillis) {
        List<Ev> byTime = elements.stream().sorted(Comparator.comparingLong(Ev::ts)).toList();
        List<Session> sessions = new ArrayList<>();
        List<Ev> current = new ArrayList<>();
        long start = 0;
        long end = 0;
        for (Ev ev : byTime) {
            // sorted by start, so [ts, ts + gap) overlaps or touches the current session iff ts <= its end
            if (!current.isEmpty() && ev.ts() <= end) {
                end = Math.max(end, ev.ts() + gapMillis);
            } else {
                if (!current.isEmpty()) {
                    sessions.add(session(start, end, current));
                }
                current = new ArrayList<>();
                start = ev.ts();
                end = ev.ts() + gapMillis;
            }
            current.add(ev);
        }
        if (!current.isEmpty()) {
            sessions.add(session(start, end, current));
        }
        return sessions;
    }

    private static Session session(long start, long end, List<Ev> elements) {
        List<Ev> inArrivalOrder = elements.stream().sorted(Comparator.comparingInt(Ev::id)).toList();
        return new Session(new Window(start, end), inArrivalOrder);
    }

    private static boolean expired(Window w, long lateness, long watermark) {
        return w.maxTimestampMillis() + lateness <= watermark;
    }

    private static void finalizeExpired(Map<Integer, List<Ev>> live, Map<Integer, List<Session>> finalized,
                                        long gap, long lateness, long watermark) {
        live.forEach((key, elements) -> {
            for (Session s : sessionsOf(elements, gap)) {
                if (expired(s.window(), lateness, watermark)) {
                    finalized.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                    elements.removeAll(s.elements());
                }
            }
        });
    }
}
