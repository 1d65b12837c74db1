package dev.weir.bench.nexmark.kafka;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the input records a processor has consumed and times the first and the last of {@code total} (wall clock,
 * {@link System#nanoTime()}): the Kafka mode's throughput is {@code total} over that time.
 */
public final class ConsumedCounter {
    private final long total;
    private final AtomicLong consumed = new AtomicLong();
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long firstNanos;
    private volatile long lastNanos;

    public ConsumedCounter(long total) {
        this.total = total;
    }

    /** A processor consumed one more input record. */
    public void consumed() {
        long n = consumed.incrementAndGet();
        if (n == 1) {
            firstNanos = System.nanoTime();
        }
        if (n == total) {
            lastNanos = System.nanoTime();
            all.countDown();
        }
    }

    /** Waits until all {@code total} records were consumed; false on timeout. */
    public boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return all.await(timeout, unit);
    }

    public long count() {
        return consumed.get();
    }

    /** From the first to the last input record consumed. */
    public long elapsedNanos() {
        return Math.max(lastNanos - firstNanos, 1);
    }
}
