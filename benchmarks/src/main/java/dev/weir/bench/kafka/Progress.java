package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the input records a {@link Processor} has consumed, and remembers when it consumed the first one and when
 * the count reached the target. Thread-safe and lock-free: every task of a processor calls {@link #consumed(long)}.
 */
public final class Progress {
    private static final long CHECK_MILLIS = 5;

    private final long target;
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong reachedNanos = new AtomicLong();

    /** @param target the count whose time of arrival {@link #nanosToTarget()} reports */
    public Progress(long target) {
        this.target = target;
    }

    /**
     * Called by the processor after it has consumed {@code records} more input records (e.g. after a poll; Weir's
     * pipeline calls it for every record). One atomic add per call: the clock is read and the time stamps are set
     * only by the first call and by the call that reaches the target (a compare-and-set on every call would take
     * the shared cache line from the other tasks' cores each time).
     */
    public void consumed(long records) {
        if (records <= 0) {
            return;
        }
        if (firstNanos.get() == 0) {
            firstNanos.compareAndSet(0, System.nanoTime());
        }
        long total = consumed.addAndGet(records);
        if (total >= target && total - records < target) {
            reachedNanos.compareAndSet(0, System.nanoTime());
        }
    }

    public long total() {
        return consumed.get();
    }

    /** Nanoseconds from the first consumed record to the target; 0 until the target is reached. */
    public long nanosToTarget() {
        long reached = reachedNanos.get();
        return reached == 0 ? 0 : reached - firstNanos.get();
    }

    /**
     * Waits until {@code n} records are consumed (true), {@code timeout} passes (false) or {@code running} reports
     * a failure (thrown). Checks every {@value #CHECK_MILLIS} ms; the time of arrival is taken by
     * {@link #consumed(long)}, not here, so the check interval does not blur it.
     */
    public boolean awaitTotal(long n, Duration timeout, Processor.Running running) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total() < n) {
            Throwable failure = running == null ? null : running.failure();
            if (failure != null) {
                throw new IllegalStateException("the processor failed after " + total() + " records", failure);
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(CHECK_MILLIS);
        }
        return true;
    }
}
