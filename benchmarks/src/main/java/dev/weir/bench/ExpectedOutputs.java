package dev.weir.bench;

import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowSpec;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Brute-force output counts of the queries, computed from the generated bids without the engine. Since no bid is
 * late (see {@link BidGenerator}), every window fires exactly once:
 * <ul>
 *   <li>pass-through: one output per bid;</li>
 *   <li>tumbling and sliding: one output per (auction, window) pair holding at least one bid; a bid at {@code ts}
 *       is in the windows {@code [s, s + size)} with {@code s} a multiple of the slide and
 *       {@code ts - size < s <= ts};</li>
 *   <li>session: one output per run of an auction's sorted bid times in which consecutive times differ by at most
 *       the gap (windows {@code [t, t + gap)} that overlap or touch merge, as {@code Window#intersects} says).</li>
 * </ul>
 */
public final class ExpectedOutputs {
    private ExpectedOutputs() {
    }

    /** The number of results {@code query} emits for bids {@code 0 .. events - 1} of {@code generator}. */
    public static long count(Query query, BidGenerator generator, long events) {
        if (query.window().isEmpty()) {
            return events;
        }
        WindowSpec spec = query.window().get();
        if (spec instanceof TumblingWindows t) {
            return alignedWindows(generator, events, t.size().toMillis(), t.size().toMillis(), t.offset().toMillis());
        }
        if (spec instanceof SlidingWindows s) {
            return alignedWindows(generator, events, s.size().toMillis(), s.slide().toMillis(), s.offset().toMillis());
        }
        if (spec instanceof SessionWindows s) {
            return sessions(generator, events, s.gap().toMillis());
        }
        throw new IllegalArgumentException("no oracle for " + spec);
    }

    /** Start of the last window of slide {@code slide} (and offset) that contains {@code ts}. */
    public static long lastWindowStart(long ts, long slide, long offset) {
        return Math.floorDiv(ts - offset, slide) * slide + offset;
    }

    private static long alignedWindows(BidGenerator generator, long events, long size, long slide, long offset) {
        if (events == 0) {
            return 0;
        }
        long minStart = lastWindowStart(generator.baseMillis(), slide, offset) - size;
        long maxTs = generator.baseMillis() + (events - 1) * 1_000 / BidGenerator.EVENTS_PER_SECOND
                + BidGenerator.MAX_JITTER_MILLIS;
        long starts = (lastWindowStart(maxTs, slide, offset) - minStart) / slide + 1;
        if (starts * generator.auctions() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many (auction, window) pairs for the oracle: " + events + " events");
        }
        BitSet seen = new BitSet((int) (starts * generator.auctions()));
        for (long i = 0; i < events; i++) {
            long ts = generator.eventTimeMillis(i);
            long row = generator.auction(i) * starts;
            for (long s = lastWindowStart(ts, slide, offset); s > ts - size; s -= slide) {
                seen.set((int) (row + (s - minStart) / slide));
            }
        }
        return seen.cardinality();
    }

    private static long sessions(BidGenerator generator, long events, long gap) {
        if (events > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many events for the session oracle: " + events);
        }
        int auctions = generator.auctions();
        int[] firstOf = new int[auctions + 1];
        for (long i = 0; i < events; i++) {
            firstOf[(int) generator.auction(i) + 1]++;
        }
        for (int a = 0; a < auctions; a++) {
            firstOf[a + 1] += firstOf[a];
        }
        long[] times = new long[(int) events];
        int[] fill = Arrays.copyOf(firstOf, auctions);
        for (long i = 0; i < events; i++) {
            times[fill[(int) generator.auction(i)]++] = generator.eventTimeMillis(i);
        }
        long sessions = 0;
        for (int a = 0; a < auctions; a++) {
            int from = firstOf[a];
            int to = firstOf[a + 1];
            if (from == to) {
                continue;
            }
            Arrays.sort(times, from, to);
            sessions++;
            for (int k = from + 1; k < to; k++) {
                if (times[k] - times[k - 1] > gap) {
                    sessions++;
                }
            }
        }
        return sessions;
    }
}
