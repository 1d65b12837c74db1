package dev.weir.bench.kafka;

import java.util.Locale;

/** The delivery guarantee a processor runs with. */
public enum DeliveryMode {
    /**
     * Output is flushed, then input offsets committed, every commit interval: a crash replays (and duplicates) at
     * most one interval of records.
     */
    AT_LEAST_ONCE("alo"),
    /**
     * Output and input offsets are committed in one Kafka transaction every commit interval; readers with
     * {@code isolation.level=read_committed} see each input's output exactly once, and only after the commit.
     */
    EXACTLY_ONCE("eos");

    private final String id;

    DeliveryMode(String id) {
        this.id = id;
    }

    /** {@code alo} or {@code eos}. */
    public String id() {
        return id;
    }

    /** {@code ALO} or {@code EOS}, for reports. */
    public String label() {
        return id.toUpperCase(Locale.ROOT);
    }

    /** Parses {@code alo}, {@code eos}, {@code at-least-once}, {@code exactly-once} (any case). */
    public static DeliveryMode parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "alo", "at-least-once" -> AT_LEAST_ONCE;
            case "eos", "exactly-once" -> EXACTLY_ONCE;
            default -> throw new IllegalArgumentException("unknown mode '" + s + "' (alo or eos)");
        };
    }
}
