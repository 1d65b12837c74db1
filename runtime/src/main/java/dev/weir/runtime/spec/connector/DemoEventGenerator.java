package dev.weir.runtime.spec.connector;

import dev.weir.runtime.source.GeneratorSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes the {@code generator} connector's events from their index alone, so any partition can make any event and
 * runs are reproducible. Event {@code i}: nominal time {@code startTime + floor(i * 1000 / eventsPerSecond)} ms,
 * timestamp that minus a jitter in {@code [0, outOfOrderness]} (for a straggler, minus a further
 * {@code [0, lateBy]}) but never before {@code startTime}, key and other fields from a hash of {@code (seed, i)}.
 */
public final class DemoEventGenerator {
    private static final String[] PAGES = {"/", "/search", "/item", "/cart", "/checkout"};

    /**
     * Validated generator settings.
     *
     * @param events          clicks or bids
     * @param count           how many events, at least 0
     * @param eventsPerSecond events per second of event time, positive
     * @param outOfOrderness  the largest jitter, not negative
     * @param lateFraction    the fraction of stragglers, in [0, 1]
     * @param lateBy          a straggler's largest extra delay, not negative
     * @param keys            distinct users or auctions, at least 1
     * @param seed            seeds the pseudo-random choices
     * @param startTime       the first event's nominal time
     * @param partitions      source partitions, at least 1
     */
    public record Settings(SourceConnectorSpec.DemoEvents events, long count, double eventsPerSecond,
                           Duration outOfOrderness, double lateFraction, Duration lateBy, int keys, long seed,
                           Instant startTime, int partitions) {
        public static final long DEFAULT_COUNT = 1000;
        public static final double DEFAULT_EVENTS_PER_SECOND = 100;
        public static final int DEFAULT_KEYS = 10;
        public static final long DEFAULT_SEED = 42;
        public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

        public Settings {
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(outOfOrderness, "outOfOrderness");
            Objects.requireNonNull(startTime, "startTime");
            Objects.requireNonNull(lateBy, "lateBy");
            if (count < 0 || !(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond) || outOfOrderness.isNegative()
                    || !(lateFraction >= 0 && lateFraction <= 1) || lateBy.isNegative() || keys < 1 || partitions < 1) {
                throw new IllegalArgumentException("invalid generator settings: " + this);
            }
        }

        /** The spec's settings with defaults for those it leaves out; not yet validated. */
        public static Settings of(SourceConnectorSpec.Generator g) {
            return new Settings(
                    g.events() == null ? SourceConnectorSpec.DemoEvents.CLICKS : g.events(),
                    g.count() == null ? DEFAULT_COUNT : g.count(),
                    g.eventsPerSecond() == null ? DEFAULT_EVENTS_PER_SECOND : g.eventsPerSecond(),
                    g.outOfOrderness() == null ? Duration.ZERO : g.outOfOrderness(),
                    g.lateFraction() == null ? 0.0 : g.lateFraction(),
                    g.lateBy() == null ? Duration.ZERO : g.lateBy(),
                    g.keys() == null ? DEFAULT_KEYS : g.keys(),
                    g.seed() == null ? DEFAULT_SEED : g.seed(),
                    g.startTime() == null ? DEFAULT_START : g.startTime(),
                    g.partitions() == null ? 1 : g.partitions());
        }
    }

    private final Settings settings;
    private final long startMillis;
    private final long jitterMillis;
    private final long lateByMillis;

    public DemoEventGenerator(Settings settings) {
        this.settings = settings;
        this.startMillis = settings.startTime().toEpochMilli();
        this.jitterMillis = settings.outOfOrderness().toMillis();
        this.lateByMillis = settings.lateBy().toMillis();
    }

    /** A source of {@link Click}s or {@link Bid}s. */
    public GeneratorSource<?> source() {
        if (settings.events() == SourceConnectorSpec.DemoEvents.BIDS) {
            return new GeneratorSource<>(Bid.class, settings.count(), settings.partitions(), this::bid,
                    (b, i) -> b.timestampMillis());
        }
        return new GeneratorSource<>(Click.class, settings.count(), settings.partitions(), this::click,
                (c, i) -> c.timestampMillis());
    }

    /** Event {@code i}'s timestamp, milliseconds since the epoch. */
    public long timestampMillis(long i) {
        long nominal = startMillis + (long) Math.floor(i * 1000.0 / settings.eventsPerSecond());
        long jitter = Math.floorMod(random(i, 0), jitterMillis + 1);
        if (settings.lateFraction() > 0 && unit(random(i, 4)) < settings.lateFraction()) {
            jitter += Math.floorMod(random(i, 5), lateByMillis + 1);
        }
        return Math.max(startMillis, nominal - jitter);
    }

    /** A long mapped to [0, 1). */
    private static double unit(long r) {
        return (r >>> 11) * 0x1.0p-53;
    }

    public Click click(long i) {
        return new Click("user-" + Math.floorMod(random(i, 1), settings.keys()),
                PAGES[Math.floorMod(random(i, 2), PAGES.length)], timestampMillis(i));
    }

    public Bid bid(long i) {
        return new Bid(1000 + Math.floorMod(random(i, 1), settings.keys()), "bidder-" + Math.floorMod(random(i, 2), 100),
                1 + Math.floorMod(random(i, 3), 1000), timestampMillis(i));
    }

    /** A pseudo-random long for event {@code i} and choice {@code stream}: SplitMix64 of the seed, index and stream. */
    private long random(long i, int stream) {
        return mix(settings.seed() ^ mix(i * 0x9E3779B97F4A7C15L + stream));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
