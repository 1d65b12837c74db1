package dev.weir.bench.kafka;

import java.util.Locale;

/**
 * The output record counts a run accepts: {@code [min, max]}.
 *
 * @param min         fewest output records accepted
 * @param max         most output records accepted ({@code Long.MAX_VALUE}: no limit)
 * @param description e.g. {@code = input} or {@code >= input}
 */
public record OutputCheck(long min, long max, String description) {
    public OutputCheck {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 <= min <= max, were " + min + ", " + max);
        }
    }

    /** Exactly {@code n}: e.g. an exactly-once forwarder. */
    public static OutputCheck exactly(long n, String what) {
        return new OutputCheck(n, n, "= " + what);
    }

    /** At least {@code n}: e.g. an at-least-once forwarder, which may duplicate. */
    public static OutputCheck atLeast(long n, String what) {
        return new OutputCheck(n, Long.MAX_VALUE, ">= " + what);
    }

    public static OutputCheck none() {
        return new OutputCheck(0, 0, "none");
    }

    public static OutputCheck any() {
        return new OutputCheck(0, Long.MAX_VALUE, "any");
    }

    public boolean accepts(long outputs) {
        return outputs >= min && outputs <= max;
    }

    /** {@code ok (= input)} or {@code WRONG (= input)}. */
    public String verdict(long outputs) {
        return String.format(Locale.ROOT, "%s (%s)", accepts(outputs) ? "ok" : "WRONG", description);
    }
}
