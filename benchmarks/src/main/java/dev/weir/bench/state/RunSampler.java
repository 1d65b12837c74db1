package dev.weir.bench.state;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.weir.runtime.state.rocksdb.NativeMemory;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Samples a running throughput run from a daemon thread every {@value #PERIOD_MILLIS} ms: heap in use, RocksDB's
 * native memory ({@link NativeMemory}) and the database's size on disk, keeping the peaks; prints a progress line
 * every few seconds; and detects GC thrashing (at least {@value #THRASH_PERCENT}% of the last
 * {@value #THRASH_WINDOW_MILLIS} ms in collections, or no progress for {@value #STALL_MILLIS} ms) and collapses (the
 * last {@value #SLOW_WINDOW_MILLIS} ms at less than 1/{@value #SLOW_FACTOR} of the best rate), which it reports to the
 * callback instead of letting the run crawl towards its timeout.
 */
final class RunSampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 250;
    static final long THRASH_WINDOW_MILLIS = 20_000;
    static final long THRASH_PERCENT = 90;
    static final long STALL_MILLIS = 60_000;
    private static final long PROGRESS_EVERY_MILLIS = 5_000;

    /** Told once, from the sampler thread, when the run thrashes or stalls; it should report and end the process. */
    interface ThrashHandler {
        void stop(ThroughputResult.Status status, String why);
    }

    /** A run whose progress over the last {@value #SLOW_WINDOW_MILLIS} ms fell below 1/{@value #SLOW_FACTOR} of its best is stopped. */
    static final long SLOW_WINDOW_MILLIS = 60_000;
    static final long SLOW_FACTOR = 20;
    private static final long RATE_WINDOW_MILLIS = 30_000;

    private final LongSupplier progress;
    private final Supplier<NativeMemory> nativeMemory;
    private final Path databaseDir;
    private final PrintStream progressOut;
    private final String label;
    private final ThrashHandler onThrash;
    private final Thread engineThread;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final AtomicLong maxLiveAfterGc = new AtomicLong(-1);
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private final long gcCountStart;
    private final long gcMillisStart;

    private volatile boolean stopped;
    private volatile long peakHeapUsed;
    private volatile long peakNative = -1;
    private volatile long peakMemTables = -1;
    private volatile long peakTableReaders = -1;
    private volatile long peakDiskBytes = -1;

    /**
     * @param progress     events processed plus results written so far
     * @param nativeMemory RocksDB's native memory, or null for the heap backend
     * @param databaseDir  where the databases live (its size is sampled), or null
     */
    RunSampler(String label, LongSupplier progress, Supplier<NativeMemory> nativeMemory, Path databaseDir,
               PrintStream progressOut, ThrashHandler onThrash) {
        this.label = label;
        this.progress = progress;
        this.nativeMemory = nativeMemory;
        this.databaseDir = databaseDir;
        this.progressOut = progressOut;
        this.onThrash = onThrash;
        this.engineThread = Thread.currentThread();
        gcCountStart = gcCount();
        gcMillisStart = gcMillis();
        for (GarbageCollectorMXBean c : collectors) {
            if (c instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> onGc(n), null, null);
            }
        }
        thread = new Thread(this::loop, "state-bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        ArrayDeque<long[]> window = new ArrayDeque<>(); // [elapsed ms, gc ms]
        ArrayDeque<long[]> progressWindow = new ArrayDeque<>(); // [elapsed ms, progress], the last SLOW_WINDOW
        double bestRate = 0;
        long lastProgressValue = -1;
        long lastProgressChange = 0;
        long lastPrint = 0;
        long lastDisk = -PERIOD_MILLIS * 4;
        boolean reported = false;
        while (!stopped) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            sample(elapsed - lastDisk >= 1_000);
            if (elapsed - lastDisk >= 1_000) {
                lastDisk = elapsed;
            }
            long p = progress.getAsLong();
            if (p != lastProgressValue) {
                lastProgressValue = p;
                lastProgressChange = elapsed;
            }
            progressWindow.addLast(new long[] {elapsed, p});
            while (progressWindow.size() > 1 && elapsed - progressWindow.peekFirst()[0] > SLOW_WINDOW_MILLIS) {
                progressWindow.removeFirst();
            }
            for (long[] old : progressWindow) { // the rate over the last RATE_WINDOW
                if (elapsed - old[0] <= RATE_WINDOW_MILLIS) {
                    if (elapsed - old[0] >= RATE_WINDOW_MILLIS - PERIOD_MILLIS * 2) {
                        bestRate = Math.max(bestRate, (p - old[1]) * 1e3 / (elapsed - old[0]));
                    }
                    break;
                }
            }
            long[] oldest = progressWindow.peekFirst();
            double slowRate = elapsed - oldest[0] >= SLOW_WINDOW_MILLIS - PERIOD_MILLIS * 2
                    ? (p - oldest[1]) * 1e3 / (elapsed - oldest[0]) : Double.NaN;
            long gc = gcMillis();
            window.addLast(new long[] {elapsed, gc});
            while (window.size() > 1 && elapsed - window.peekFirst()[0] > THRASH_WINDOW_MILLIS) {
                window.removeFirst();
            }
            long[] first = window.peekFirst();
            long span = elapsed - first[0];
            if (!reported && span >= THRASH_WINDOW_MILLIS - PERIOD_MILLIS * 2
                    && (gc - first[1]) * 100 >= THRASH_PERCENT * span) {
                reported = true;
                onThrash.stop(ThroughputResult.Status.GC_THRASH, String.format("%d%% of the last %.0f s in GC",
                        (gc - first[1]) * 100 / span, span / 1e3));
            } else if (!reported && elapsed - lastProgressChange >= STALL_MILLIS) {
                reported = true;
                onThrash.stop(ThroughputResult.Status.GC_THRASH, "no progress for "
                        + (elapsed - lastProgressChange) / 1000 + " s (" + (gc - gcMillisStart) * 100
                        / Math.max(1, elapsed) + "% of the run in GC)");
            } else if (!reported && !Double.isNaN(slowRate) && slowRate * SLOW_FACTOR < bestRate) {
                reported = true;
                onThrash.stop(ThroughputResult.Status.STALLED, String.format(
                        "%s events+results/s over the last %d s, down from %s/s at best (over %d s); %d%% of the "
                                + "run in GC", dev.weir.bench.Format.rate(slowRate), SLOW_WINDOW_MILLIS / 1000,
                        dev.weir.bench.Format.rate(bestRate), RATE_WINDOW_MILLIS / 1000,
                        (gc - gcMillisStart) * 100 / Math.max(1, elapsed)) + "; " + whereIsTheEngine());
            }
            if (elapsed - lastPrint >= PROGRESS_EVERY_MILLIS) {
                lastPrint = elapsed;
                progressOut.println(progressLine(elapsed, p));
            }
        }
    }

    /**
     * Where the engine thread (the one that created this sampler) spends its time: the most frequent top three
     * frames of {@value #STACK_SAMPLES} stack samples, {@value #STACK_SAMPLE_MILLIS} ms apart.
     */
    String whereIsTheEngine() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < STACK_SAMPLES; i++) {
            counts.merge(topFrames(engineThread.getStackTrace(), 3), 1, Integer::sum);
            try {
                Thread.sleep(STACK_SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Map.Entry<String, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return "the engine thread was in " + top.getKey() + " (" + top.getValue() + " of " + STACK_SAMPLES
                + " stack samples)";
    }

    static final int STACK_SAMPLES = 20;
    static final long STACK_SAMPLE_MILLIS = 50;

    /** {@code RocksDB.get ← StateColumn.get ← …}: simple class and method names of the top {@code n} frames. */
    static String topFrames(StackTraceElement[] stack, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, stack.length); i++) {
            String cls = stack[i].getClassName();
            sb.append(i == 0 ? "" : " ← ").append(cls.substring(cls.lastIndexOf('.') + 1)).append('.')
                    .append(stack[i].getMethodName());
        }
        return sb.length() == 0 ? "(no stack)" : sb.toString();
    }

    private String progressLine(long elapsedMillis, long progressNow) {
        StringBuilder sb = new StringBuilder(String.format("[%s] %6.1f s: %,d events+results, heap used %,d MB, "
                        + "RSS %,d MB, GC %,d ms", label, elapsedMillis / 1e3, progressNow,
                memory.getHeapMemoryUsage().getUsed() >> 20, ProcessStats.rssBytes().orElse(-1) >> 20,
                gcMillis() - gcMillisStart));
        if (nativeMemory != null) {
            NativeMemory m = nativeMemory.get();
            sb.append(String.format(", RocksDB cache %,d MB (memtables %,d MB), table readers %,d MB, disk %,d MB",
                    m.blockCacheBytes() >> 20, m.memTableBytes() >> 20, m.tableReaderBytes() >> 20,
                    Math.max(0, peakDiskBytes) >> 20));
        }
        return sb.toString();
    }

    /** Takes one sample now (also called once at the end of the run). */
    synchronized void sample(boolean disk) {
        peakHeapUsed = Math.max(peakHeapUsed, memory.getHeapMemoryUsage().getUsed());
        if (nativeMemory != null) {
            NativeMemory m = nativeMemory.get();
            if (m.blockCacheBytes() > 0 || m.memTableBytes() > 0 || m.tableReaderBytes() > 0) {
                peakNative = Math.max(peakNative, m.blockCacheBytes());
                peakMemTables = Math.max(peakMemTables, m.memTableBytes());
                peakTableReaders = Math.max(peakTableReaders, m.tableReaderBytes());
            }
        }
        if (disk && databaseDir != null) {
            peakDiskBytes = Math.max(peakDiskBytes, ProcessStats.treeBytes(databaseDir, ""));
        }
    }

    private void onGc(Notification n) {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                    .getGcInfo().getMemoryUsageAfterGc();
            long live = after.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            maxLiveAfterGc.accumulateAndGet(live, Math::max);
        }
    }

    long peakHeapUsed() {
        return peakHeapUsed;
    }

    long maxLiveAfterGc() {
        return maxLiveAfterGc.get();
    }

    long peakNative() {
        return peakNative;
    }

    long peakMemTables() {
        return peakMemTables;
    }

    long peakTableReaders() {
        return peakTableReaders;
    }

    long peakDiskBytes() {
        return peakDiskBytes;
    }

    long gcCountDuringRun() {
        return gcCount() - gcCountStart;
    }

    long gcMillisDuringRun() {
        return gcMillis() - gcMillisStart;
    }

    private long gcCount() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    private long gcMillis() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
