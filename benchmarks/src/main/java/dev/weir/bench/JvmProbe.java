package dev.weir.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures one engine run on the calling thread: wall time, bytes allocated by this thread
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), peak heap (the peak usage of every heap pool,
 * reset before the run, summed after it: an upper bound of the true simultaneous peak, mostly young-generation
 * garbage), the largest heap left live after any collection during the run (from GC notifications: the state the
 * run keeps, sampled at each GC) and GC count and time.
 */
final class JvmProbe {
    /** The work to measure: runs the engine and returns the number of outputs. */
    @FunctionalInterface
    interface Run {
        long execute() throws Exception;
    }

    private static final long NOTIFICATION_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final com.sun.management.ThreadMXBean threads;
    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames;
    private final List<GarbageCollectorMXBean> collectors;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong maxLiveAfterGc = new AtomicLong();

    JvmProbe() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread allocation");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean c : collectors) {
            if (c instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> onGc(n), null, null);
            }
        }
    }

    RunResult measure(Query query, boolean warmup, int iteration, long events, Run run) throws Exception {
        System.gc();
        awaitNotifications();
        maxLiveAfterGc.set(-1);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long thread = Thread.currentThread().getId();
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        long outputs = run.execute();
        long nanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcs = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        awaitNotifications();
        long live = maxLiveAfterGc.get();
        return new RunResult(query, warmup, iteration, events, nanos, allocated, peak,
                live < 0 ? OptionalLong.empty() : OptionalLong.of(live), gcs, gcMillis, outputs);
    }

    private void onGc(Notification n) {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                    .getGcInfo().getMemoryUsageAfterGc();
            long live = after.entrySet().stream().filter(e -> heapPoolNames.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            maxLiveAfterGc.accumulateAndGet(live, (a, b) -> a < 0 ? b : Math.max(a, b));
            notifications.incrementAndGet();
        }
    }

    /** GC notifications arrive on another thread: waits (briefly) until every collection so far has reported. */
    private void awaitNotifications() throws InterruptedException {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        while (notifications.get() < gcCount() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private long gcCount() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    private long gcMillis() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
    }
}
