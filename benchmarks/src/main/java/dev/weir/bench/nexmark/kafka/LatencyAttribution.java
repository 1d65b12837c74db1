package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.CategoryAverage;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.HotAuction;
import dev.weir.bench.nexmark.NewSeller;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.SellerAuction;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * For an output row of a query, the arrival position of the input record that made it possible: its latency is the
 * row's receive time minus that record's send time (both wall clock). The harness knows the generated input, so:
 * <ul>
 *   <li>q0–q2 (stateless): the bid the row comes from. Equal rows are matched to their inputs in arrival order.</li>
 *   <li>q3 (join): the later to arrive of the auction and its seller.</li>
 *   <li>q4, q5, q7, q8 (closed on event time): the first input, in arrival order, whose event time makes the
 *       watermark of Weir and Flink ({@code max event time - 1 s - 1 ms}) reach the row's time, i.e. with event time
 *       at least the row's <em>trigger time</em>: {@code window end + 1 s} for a window ending at {@code end}
 *       (exclusive; it fires when the watermark reaches {@code end - 1}), {@code t + 1 s + 1 ms} for q4's closing
 *       millisecond {@code t}. Kafka Streams closes the same windows at stream time {@code end + grace}, grace 1 s:
 *       the same input. If no event reaches it, the first {@link EndOfInput end-of-input mark} did (position
 *       {@code events}).</li>
 * </ul>
 * Example: 100,000 events per second of event time; a q7 window {@code [0 s, 10 s)} closes on the first arriving
 * event at or after 11 s.
 */
public final class LatencyAttribution {
    private final NexmarkQuery query;
    private final NexmarkGenerator generator;
    /** Per arrival position, the largest event time up to it (non-decreasing). */
    private final long[] maxEventTimeUpTo;
    /** q3: per event index, its arrival position. */
    private final int[] positionOfIndex;
    /** q0–q2: per row hash, the arrival positions of the inputs giving that row, oldest first. */
    private final Map<Long, ArrayDeque<Integer>> stateless = new HashMap<>();

    private LatencyAttribution(NexmarkQuery query, NexmarkGenerator generator) {
        this.query = query;
        this.generator = generator;
        int n = Math.toIntExact(generator.events());
        maxEventTimeUpTo = new long[n];
        positionOfIndex = query == NexmarkQuery.Q3 ? new int[n] : null;
        long max = Long.MIN_VALUE;
        for (int p = 0; p < n; p++) {
            long index = generator.eventIndexAt(p);
            Event e = generator.event(index);
            max = Math.max(max, e.dateTimeMillis());
            maxEventTimeUpTo[p] = max;
            if (positionOfIndex != null) {
                positionOfIndex[(int) index] = p;
            }
            if (e instanceof Bid b) {
                ResultRow row = switch (query) {
                    case Q0 -> b;
                    case Q1 -> b.withPrice(NexmarkQuery.toEuroCents(b.price()));
                    case Q2 -> b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0
                            ? new dev.weir.bench.nexmark.AuctionPrice(b.auction(), b.price()) : null;
                    default -> null;
                };
                if (row != null) {
                    stateless.computeIfAbsent(row.hash64(), h -> new ArrayDeque<>()).add(p);
                }
            }
        }
    }

    public static LatencyAttribution of(NexmarkQuery query, NexmarkGenerator generator) {
        return new LatencyAttribution(query, generator);
    }

    /**
     * The arrival position of the input that enabled {@code row} ({@code events()} for the first end-of-input
     * mark), or -1 if there is none (a duplicate of a stateless row already matched, after an at-least-once retry).
     * Stateful for q0–q2: call once per output row received.
     */
    public synchronized long enablingPosition(ResultRow row) {
        return switch (query) {
            case Q0, Q1, Q2 -> {
                ArrayDeque<Integer> positions = stateless.get(row.hash64());
                yield positions == null || positions.isEmpty() ? -1 : positions.poll();
            }
            case Q3 -> {
                Auction a = (Auction) generator.event(auctionIndex(((SellerAuction) row).auction()));
                yield Math.max(positionOfIndex[(int) auctionIndex(a.id())],
                        positionOfIndex[(int) personIndex(a.seller())]);
            }
            default -> firstPositionReaching(triggerTimeMillis(row));
        };
    }

    /** The event time that, once seen, lets the watermark pass the windowed or timed {@code row} (see above). */
    static long triggerTimeMillis(ResultRow row) {
        long bound = NexmarkQuery.OUT_OF_ORDERNESS.toMillis();
        if (row instanceof CategoryAverage c) {
            return c.closedAtMillis() + bound + 1;
        } else if (row instanceof HotAuction h) {
            return h.windowEndMillis() + bound;
        } else if (row instanceof HighestBid h) {
            return h.windowEndMillis() + bound;
        } else if (row instanceof NewSeller s) {
            return s.windowStartMillis() + NexmarkQuery.TUMBLING_SIZE.toMillis() + bound;
        }
        throw new IllegalArgumentException("not a row closed on event time: " + row);
    }

    /** The first arrival position whose event time, or an earlier one's, is at least {@code timeMillis}. */
    long firstPositionReaching(long timeMillis) {
        int lo = 0;
        int hi = maxEventTimeUpTo.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEventTimeUpTo[mid] >= timeMillis) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The event index of the auction with {@code id} (3 auctions after the person of every 50 events). */
    static long auctionIndex(long id) {
        long k = id - NexmarkGenerator.FIRST_AUCTION_ID;
        return k / NexmarkGenerator.AUCTION_PROPORTION * NexmarkGenerator.TOTAL_PROPORTION
                + NexmarkGenerator.PERSON_PROPORTION + k % NexmarkGenerator.AUCTION_PROPORTION;
    }

    /** The event index of the person with {@code id} (the first of every 50 events). */
    static long personIndex(long id) {
        return (id - NexmarkGenerator.FIRST_PERSON_ID) * NexmarkGenerator.TOTAL_PROPORTION;
    }
}
