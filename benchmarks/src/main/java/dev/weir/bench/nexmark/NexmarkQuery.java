package dev.weir.bench.nexmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * The Nexmark queries and their exact result semantics, the same for every engine (event time; windows half-open
 * {@code [start, end)}, aligned to the epoch; each engine's windows fire when the watermark passes them; the
 * watermark trails the largest event time seen by {@link #OUT_OF_ORDERNESS}, so no event is late). Each query's
 * result is a multiset of {@link ResultRow}s, compared across engines by {@link Checksum}; {@link Oracle} computes
 * it by brute force.
 */
public enum NexmarkQuery {
    /** Pass-through: every bid, unchanged. */
    Q0("q0", "pass-through: every bid"),
    /** Currency conversion: every bid with its price in euro cents, {@code price * 908 / 1000} (integer division). */
    Q1("q1", "currency conversion: every bid, price × 0.908 (integer cents)"),
    /** Selection: {@code (auction, price)} of the bids whose auction id is a multiple of 123. */
    Q2("q2", "filter: (auction, price) of bids with auction mod 123 = 0"),
    /**
     * Local item suggestion, an incremental join: every pair of a person in OR, ID or CA and an auction of category
     * 10 that person sells, emitted once as {@link SellerAuction}, whichever of the two arrives first.
     */
    Q3("q3", "join persons (state OR/ID/CA) with their auctions of category 10: every pair once"),
    /**
     * Average winning price per category. An auction's winning bid is its highest-priced bid with event time in
     * {@code [opening, expiry)}; an auction without one is dropped. When the watermark passes {@code expiry - 1}
     * the auction closes. Per category and per distinct closing millisecond {@code t}, one {@link CategoryAverage}:
     * the count and sum of the winning prices of all the category's auctions closed at or before {@code t}.
     */
    Q4("q4", "average winning price per category: running (count, sum) per category after each closing millisecond"),
    /**
     * Hot items: bids per auction in sliding windows of 10 s every 2 s; per window, every auction with the most
     * bids ({@link HotAuction}; ties all included).
     */
    Q5("q5", "hot items: per 10 s window every 2 s, the auction(s) with the most bids (ties included)"),
    /** Highest bid: per 10 s tumbling window, every bid with the window's highest price ({@link HighestBid}). */
    Q7("q7", "highest bid: per 10 s tumbling window, the bid(s) with the highest price (ties included)"),
    /**
     * New users: a person who opened an auction (as seller) in the same 10 s tumbling window as they registered
     * ({@link NewSeller}, once per person).
     */
    Q8("q8", "new users: persons who registered and opened an auction in the same 10 s tumbling window");

    /** Every engine's watermark bound: larger than the generator's largest disorder (328 ms), so nothing is late. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    /** q1: euro cents = dollar cents × this / 1000. */
    public static final long EURO_PER_THOUSAND_DOLLARS = 908;
    /** q2: bids of auctions whose id is a multiple of this. */
    public static final long Q2_AUCTION_MODULUS = 123;
    /** q3: the sellers' states. */
    public static final Set<String> Q3_STATES = Set.of("OR", "ID", "CA");
    /** q3: the auctions' category. */
    public static final int Q3_CATEGORY = 10;
    /** q5: window size and slide. */
    public static final Duration Q5_SIZE = Duration.ofSeconds(10);
    public static final Duration Q5_SLIDE = Duration.ofSeconds(2);
    /** q7, q8: tumbling window size. */
    public static final Duration TUMBLING_SIZE = Duration.ofSeconds(10);

    private final String id;
    private final String description;

    NexmarkQuery(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** q1's conversion. */
    public static long toEuroCents(long dollarCents) {
        return dollarCents * EURO_PER_THOUSAND_DOLLARS / 1000;
    }

    /** q3's person filter. */
    public static boolean isQ3Seller(Person p) {
        return Q3_STATES.contains(p.state());
    }

    /** Accepts {@code q5} or {@code Q5}. */
    public static NexmarkQuery parse(String name) {
        return Arrays.stream(values()).filter(q -> q.id.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown query '" + name + "', expected one of "
                        + Arrays.stream(values()).map(NexmarkQuery::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
