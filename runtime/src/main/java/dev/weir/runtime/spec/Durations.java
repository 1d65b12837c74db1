package dev.weir.runtime.spec;

import java.time.Duration;

/** Duration checks that report to the problem collector. */
final class Durations {
    private Durations() {
    }

    /** Whether {@code d} is positive; reports it otherwise. */
    static boolean positive(Duration d, SpecPath path, Problems problems) {
        if (d.isNegative() || d.isZero()) {
            problems.add(path, "'" + d + "' must be a positive duration");
            return false;
        }
        return true;
    }

    /** Whether {@code d} is zero or positive; reports it otherwise. */
    static boolean notNegative(Duration d, SpecPath path, Problems problems) {
        if (d.isNegative()) {
            problems.add(path, "'" + d + "' must not be negative");
            return false;
        }
        return true;
    }
}
