package dev.weir.bench.nexmark;

import java.time.Instant;

/**
 * Makes Nexmark event {@code i} from {@code i} alone (SplitMix64 draws from the seed and the index; no shared random
 * state), after the Beam/Flink Nexmark generator ({@code NexmarkUtils}, {@code GeneratorConfig},
 * {@code PersonGenerator}, {@code AuctionGenerator}, {@code BidGenerator}):
 * <ul>
 *   <li><b>Proportions</b>: of every 50 consecutive events, 1 is a person, 3 are auctions and 46 are bids
 *       (event 50k is a person, 50k+1..50k+3 auctions, the rest bids).</li>
 *   <li><b>Ids</b>: person {@code 1000 + k} is the k-th person, auction {@code 1000 + k} the k-th auction.</li>
 *   <li><b>Sellers</b>: 3 of 4 auctions belong to the "hot" seller of the latest 100 persons (the first of
 *       them), the rest to one of the latest 1,000 persons or up to 10 persons not registered yet.</li>
 *   <li><b>Bids</b>: 1 of 2 goes to the hot auction (the first of the latest 100 auctions), the rest to one of
 *       the latest 100 auctions or up to 10 not opened yet; 3 of 4 come from the hot bidder (the second of the
 *       latest 100 persons), the rest from a recent person as for sellers. Price: {@code round(10^(6u) * 100)}
 *       cents, u uniform in [0, 1).</li>
 *   <li><b>Auction length</b>: 1 ms + uniform in [0, 2h) where h is the event time 100 auctions take (the number of
 *       auctions in flight), as in Beam: 33 ms at the default rate.</li>
 *   <li><b>Event time</b>: event {@code i} happens at {@code base + i * 1000 / eventsPerSecond} ms, so event
 *       times rise with {@code i}: a bid is never before the auction it names was generated.</li>
 *   <li><b>Arrival order</b> (out-of-orderness): events are emitted in groups of {@link #DISORDER_GROUP}
 *       consecutive events (fewer for a sparser event time, {@link #withEventRate}), permuted within each group (position {@code p} of a group emits event
 *       {@code (p * 0x9E3779B1 + g) mod group}, a bijection); a last partial group keeps its order. An event
 *       therefore arrives at most {@code DISORDER_GROUP - 1} events, {@link #maxDisorderMillis()} ms of event time,
 *       behind a later one: 327 ms at the default rate, below the queries' 1 s watermark bound, so no event is
 *       late.</li>
 * </ul>
 * {@link #generate(long)} takes the arrival position; {@link #event(long)} the event's index (event-time order),
 * which is what the brute-force oracle iterates.
 */
public final class NexmarkGenerator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public static final long FIRST_PERSON_ID = 1000;
    public static final long FIRST_AUCTION_ID = 1000;
    public static final int FIRST_CATEGORY_ID = 10;
    public static final int CATEGORIES = 5;
    public static final int PERSON_PROPORTION = 1;
    public static final int AUCTION_PROPORTION = 3;
    public static final int TOTAL_PROPORTION = 50;
    /** Events permuted together; a power of two. */
    public static final int DISORDER_GROUP = 1 << 15;
    /** Event-time rate of the standard workload. */
    public static final long STANDARD_EVENTS_PER_SECOND = 100_000;
    /** 2025-01-01T00:00:00Z: aligned to every window size the queries use. */
    public static final long STANDARD_BASE_MILLIS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    private static final int HOT_SELLERS_RATIO = 4;
    private static final int HOT_AUCTION_RATIO = 2;
    private static final int HOT_BIDDERS_RATIO = 4;
    private static final long HOT_ID_BATCH = 100;
    private static final long ACTIVE_PEOPLE = 1000;
    private static final long IN_FLIGHT_AUCTIONS = 100;
    private static final long ID_LEAD = 10;
    private static final String[] FIRST_NAMES =
            {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES =
            {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
    private static final String[] NAMES = names();

    private final long seed;
    private final long baseMillis;
    private final long eventsPerSecond;
    private final long events;
    private final int disorderGroup;

    /**
     * @param seed            varies the stream; equal arguments give equal streams
     * @param baseMillis      event time of event 0, milliseconds since the epoch
     * @param eventsPerSecond events per second of event time
     * @param events          the stream's length (its last group of {@link #DISORDER_GROUP} may be partial)
     */
    public NexmarkGenerator(long seed, long baseMillis, long eventsPerSecond, long events) {
        this(seed, baseMillis, eventsPerSecond, events, DISORDER_GROUP);
    }

    /**
     * As {@link #NexmarkGenerator(long, long, long, long)}, arrival order permuted in groups of
     * {@code disorderGroup} events (a power of two; 1 keeps event-time order).
     */
    public NexmarkGenerator(long seed, long baseMillis, long eventsPerSecond, long events, int disorderGroup) {
        if (eventsPerSecond < 1 || events < 0) {
            throw new IllegalArgumentException("eventsPerSecond must be >= 1 and events >= 0");
        }
        if (disorderGroup < 1 || Integer.bitCount(disorderGroup) != 1) {
            throw new IllegalArgumentException("disorderGroup must be a power of two: " + disorderGroup);
        }
        this.seed = seed;
        this.baseMillis = baseMillis;
        this.eventsPerSecond = eventsPerSecond;
        this.events = events;
        this.disorderGroup = disorderGroup;
    }

    /** The standard workload: seed 0, from 2025-01-01T00:00:00Z, 100,000 events per second of event time. */
    public static NexmarkGenerator standard(long events) {
        return new NexmarkGenerator(0, STANDARD_BASE_MILLIS, STANDARD_EVENTS_PER_SECOND, events);
    }

    /**
     * The standard workload (seed 0, same base) with {@code eventsPerSecond} events per second of event time instead
     * of 100,000, and the arrival permutation's groups shrunk in proportion (to a power of two), so that the
     * disorder stays about the same in event time (at most ~330 ms) and below the queries' 1 s bound. Kafka-mode
     * latency runs use it to span many windows with few events: at 2,000 events/s, 200,000 events are 100 s of event
     * time (ten 10 s windows) instead of 2 s. {@code withEventRate(n, 100_000)} is {@code standard(n)}.
     */
    public static NexmarkGenerator withEventRate(long events, long eventsPerSecond) {
        if (eventsPerSecond < 1 || eventsPerSecond > STANDARD_EVENTS_PER_SECOND) {
            throw new IllegalArgumentException("eventsPerSecond must be in [1, " + STANDARD_EVENTS_PER_SECOND + "]");
        }
        long scaled = Math.max(1, eventsPerSecond * DISORDER_GROUP / STANDARD_EVENTS_PER_SECOND);
        return new NexmarkGenerator(0, STANDARD_BASE_MILLIS, eventsPerSecond, events,
                (int) Long.highestOneBit(scaled));
    }

    public long events() {
        return events;
    }

    /** Events per second of event time. */
    public long eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Events permuted together in arrival order. */
    public int disorderGroup() {
        return disorderGroup;
    }

    /** How far behind a later event (in event time) an event may arrive, at most. */
    public long maxDisorderMillis() {
        return (disorderGroup - 1) * 1000L / eventsPerSecond + 1;
    }

    /** The event that arrives at {@code position} (0-based). */
    public Event generate(long position) {
        return event(eventIndexAt(position));
    }

    /** The index (event-time order) of the event arriving at {@code position}. */
    public long eventIndexAt(long position) {
        long group = position / disorderGroup;
        long groupStart = group * disorderGroup;
        if (groupStart + disorderGroup > events) {
            return position;
        }
        long p = position - groupStart;
        return groupStart + ((p * 0x9E3779B1L + group) & (disorderGroup - 1));
    }

    /** Event {@code index} in event-time order. */
    public Event event(long index) {
        long offset = index % TOTAL_PROPORTION;
        if (offset < PERSON_PROPORTION) {
            return person(index);
        } else if (offset < PERSON_PROPORTION + AUCTION_PROPORTION) {
            return auction(index);
        }
        return bid(index);
    }

    /** Event time of event {@code index}, milliseconds since the epoch. */
    public long timestampMillis(long index) {
        return baseMillis + index * 1000 / eventsPerSecond;
    }

    private Person person(long index) {
        long h = draw(index, 1);
        long id = FIRST_PERSON_ID + lastBase0PersonId(index);
        return new Person(id, NAMES[(int) below(h, NAMES.length)], CITIES[(int) below(draw(index, 2), CITIES.length)],
                STATES[(int) below(draw(index, 3), STATES.length)], timestampMillis(index));
    }

    private Auction auction(long index) {
        long id = FIRST_AUCTION_ID + lastBase0AuctionId(index);
        long seller = below(draw(index, 1), HOT_SELLERS_RATIO) > 0
                ? (lastBase0PersonId(index) / HOT_ID_BATCH) * HOT_ID_BATCH
                : nextBase0PersonId(index, draw(index, 2));
        int category = FIRST_CATEGORY_ID + (int) below(draw(index, 3), CATEGORIES);
        long initialBid = price(draw(index, 4));
        long reserve = initialBid + price(draw(index, 5));
        long start = timestampMillis(index);
        long eventsForInFlight = IN_FLIGHT_AUCTIONS * TOTAL_PROPORTION / AUCTION_PROPORTION;
        long horizon = Math.max(timestampMillis(index + eventsForInFlight) - start, 1);
        long expires = start + 1 + below(draw(index, 6), horizon * 2);
        return new Auction(id, FIRST_PERSON_ID + seller, category, initialBid, reserve, start, expires);
    }

    private Bid bid(long index) {
        long auction = below(draw(index, 1), HOT_AUCTION_RATIO) > 0
                ? (lastBase0AuctionId(index) / HOT_ID_BATCH) * HOT_ID_BATCH
                : nextBase0AuctionId(index, draw(index, 2));
        long bidder = below(draw(index, 3), HOT_BIDDERS_RATIO) > 0
                ? (lastBase0PersonId(index) / HOT_ID_BATCH) * HOT_ID_BATCH + 1
                : nextBase0PersonId(index, draw(index, 4));
        return new Bid(FIRST_AUCTION_ID + auction, FIRST_PERSON_ID + bidder, price(draw(index, 5)),
                CHANNELS[(int) below(draw(index, 6), CHANNELS.length)], timestampMillis(index));
    }

    /** The base-0 id of the latest person at or before event {@code index}. */
    static long lastBase0PersonId(long index) {
        long epoch = index / TOTAL_PROPORTION;
        long offset = Math.min(index % TOTAL_PROPORTION, PERSON_PROPORTION - 1);
        return epoch * PERSON_PROPORTION + offset;
    }

    /** The base-0 id of the latest auction at or before event {@code index} (-1 before the first). */
    static long lastBase0AuctionId(long index) {
        long epoch = index / TOTAL_PROPORTION;
        long offset = index % TOTAL_PROPORTION;
        if (offset < PERSON_PROPORTION) {
            epoch--;
            offset = AUCTION_PROPORTION - 1;
        } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
            offset = AUCTION_PROPORTION - 1;
        } else {
            offset -= PERSON_PROPORTION;
        }
        return epoch * AUCTION_PROPORTION + offset;
    }

    private static long nextBase0PersonId(long index, long h) {
        long people = lastBase0PersonId(index) + 1;
        long active = Math.min(people, ACTIVE_PEOPLE);
        return people - active + below(h, active + ID_LEAD);
    }

    private static long nextBase0AuctionId(long index, long h) {
        long max = Math.max(lastBase0AuctionId(index), 0);
        long min = Math.max(max - IN_FLIGHT_AUCTIONS, 0);
        return min + below(h, max - min + 1 + ID_LEAD);
    }

    /** {@code round(10^(6u) * 100)} cents, u uniform in [0, 1): 1 to 1,000,000 dollars, log-uniform. */
    private static long price(long h) {
        double u = (h >>> 11) * 0x1.0p-53;
        return Math.round(StrictMath.pow(10.0, u * 6.0) * 100.0);
    }

    /** Draw {@code n} of event {@code index}: independent 64-bit values. */
    private long draw(long index, int n) {
        return Hashing.mix(seed + (index * 8 + n) * Hashing.GOLDEN_GAMMA);
    }

    /** Uniform in {@code [0, bound)} from the high 32 bits (multiply-shift). */
    private static long below(long h, long bound) {
        return ((h >>> 32) * bound) >>> 32;
    }

    private static String[] names() {
        String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
        return names;
    }
}
