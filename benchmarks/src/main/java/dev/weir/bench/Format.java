package dev.weir.bench;

import java.util.Locale;
import java.util.OptionalLong;

/** Number formatting shared by progress output and the report. */
public final class Format {
    private Format() {
    }

    /** Events per second in millions, e.g. {@code 3.21 M}, or thousands below a million, e.g. {@code 14.6 k}. */
    public static String rate(double eventsPerSecond) {
        return eventsPerSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", eventsPerSecond / 1e6)
                : String.format(Locale.ROOT, "%.1f k", eventsPerSecond / 1e3);
    }

    public static long mebibytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    /** Mebibytes, or {@code –} if unknown. */
    public static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? Long.toString(mebibytes(bytes.getAsLong())) : "–";
    }

    /** {@code 10000000} as {@code 10,000,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String oneDecimal(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
