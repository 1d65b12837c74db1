package dev.weir.runtime.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * Brute-force semantics of an interval join driven by one script. Elements with an even {@link Ev#value()} are
 * the left input, odd ones the right, so both inputs share one watermark sequence. An element is late, and joins
 * nothing, if {@code ts <= W} for the watermark {@code W} in force at its arrival. Every pair of non-late
 * elements {@code (l, r)} with equal keys and {@code l.ts + lower <= r.ts <= l.ts + upper} is output once, with
 * timestamp {@code max(l.ts, r.ts)}.
 */
final class JoinOracle {

    /** One join output: the left and right element ids and the output timestamp. */
    record Match(int leftId, int rightId, long ts) implements Comparable<Match> {
        @Override
        public int compareTo(Match o) {
            int c = Integer.compare(leftId, o.leftId);
            if (c == 0) {
                c = Integer.compare(rightId, o.rightId);
            }
            return c != 0 ? c : Long.compare(ts, o.ts);
        }

        @Override
        public String toString() {
            return "(#" + leftId + ",#" + rightId + ")@" + ts;
        }
    }

    private JoinOracle() {
    }

    /** Which input of the join an element feeds. */
    static boolean isLeft(Ev ev) {
        return ev.value() % 2 == 0;
    }

    /** All expected matches, sorted. */
    static List<Match> run(Script script, long lowerMillis, long upperMillis) {
        List<Ev> lefts = new ArrayList<>();
        List<Ev> rights = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Step.Watermark w) {
                watermark = w.millis();
            } else if (step instanceof Script.Step.Element e && e.ev().ts() > watermark) {
                (isLeft(e.ev()) ? lefts : rights).add(e.ev());
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Ev l : lefts) {
            for (Ev r : rights) {
                if (l.key() == r.key() && l.ts() + lowerMillis <= r.ts() && r.ts() <= l.ts() + upperMillis) {
                    matches.add(new Match(l.id(), r.id(), Math.max(l.ts(), r.ts())));
                }
            }
        }
        matches.sort(null);
        return matches;
    }
}
