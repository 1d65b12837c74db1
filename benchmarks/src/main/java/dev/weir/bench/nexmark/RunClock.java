package dev.weir.bench.nexmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one engine run from the moment the source generates its first event to the moment the sink sees the end of
 * input (wall clock, {@link System#nanoTime()}), so an engine's start-up (Flink's mini cluster and job deployment,
 * Weir's operator set-up) is not counted as processing. Process-wide, because the Flink operators that mark it are
 * serialized copies; one run at a time per JVM.
 */
public final class RunClock {
    private static final AtomicLong START = new AtomicLong();
    private static final AtomicLong END = new AtomicLong();

    private RunClock() {
    }

    /** Before a run. */
    public static void reset() {
        START.set(0);
        END.set(0);
    }

    /** The source calls this for every event position; only position 0 marks the start. */
    public static void generating(long position) {
        if (position == 0) {
            START.set(System.nanoTime());
        }
    }

    /** A sink saw the end of input. */
    public static void ended() {
        END.set(System.nanoTime());
    }

    /** Nanoseconds from the first event to the end of input; fails if either was not marked. */
    public static long elapsedNanos() {
        long start = START.get();
        long end = END.get();
        if (start == 0 || end == 0 || end < start) {
            throw new IllegalStateException("the run was not timed: start " + start + ", end " + end);
        }
        return end - start;
    }
}
