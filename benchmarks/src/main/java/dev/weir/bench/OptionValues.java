package dev.weir.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses the values of the benchmark harnesses' command-line options, the same way in every harness. Written by
 * hand (not picocli) because each harness has a handful of options and this module keeps its dependencies to the
 * measured engines.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** {@code 5000000}, {@code 5_000_000}, {@code 5,000,000}, {@code 5M}, {@code 5000k}, {@code 1G} (or {@code 1B}). */
    public static long count(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1_000;
        } else if (t.endsWith("m")) {
            unit = 1_000_000;
        } else if (t.endsWith("g") || t.endsWith("b")) {
            unit = 1_000_000_000;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a count: '" + s + "'");
        }
    }

    /** {@code 100ms}, {@code 5s}, {@code 2.5s}, {@code 2m}; a bare number is milliseconds. */
    public static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1e3));
            } else if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60e3));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + s + "' (e.g. 100ms, 5s)");
        }
    }

    /** {@code 0.5} or {@code 50%}. */
    public static double fraction(String s) {
        String t = s.trim();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a fraction: '" + s + "' (e.g. 0.5 or 50%)");
        }
    }

    /** A comma-separated list, blanks dropped. */
    public static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The value of {@code option} at {@code args[i]}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
