package dev.weir.bench.nexmark.kafka;

/** The delivery guarantee of a Kafka-mode run. */
public enum Delivery {
    /** At least once: offsets committed after the output is flushed. */
    ALO("alo"),
    /** Exactly once: output and offsets in one Kafka transaction; the output is read {@code read_committed}. */
    EOS("eos");

    private final String id;

    Delivery(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Delivery parse(String s) {
        for (Delivery d : values()) {
            if (d.id.equalsIgnoreCase(s.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown delivery '" + s + "', expected alo or eos");
    }

    @Override
    public String toString() {
        return id;
    }
}
