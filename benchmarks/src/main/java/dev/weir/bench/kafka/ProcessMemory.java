package dev.weir.bench.kafka;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak memory of this JVM over one run: peak heap (the peak usage of every heap pool, reset before the run and
 * summed after it, an upper bound of the true simultaneous peak, garbage included) and peak RSS ({@code VmHWM} of
 * {@code /proc/self/status}, reset by writing {@code 5} to {@code /proc/self/clear_refs}). Since processors run in
 * the benchmark's JVM, both include the JVM's own baseline and, in latency runs, the harness's producer and
 * consumer.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private boolean rssReset;

    /** Starts a new peak: resets the heap pools' peaks and, where Linux allows it, the RSS high-water mark. */
    public void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(CLEAR_REFS, "5");
            rssReset = true;
        } catch (IOException | RuntimeException e) {
            rssReset = false;
        }
    }

    public long peakHeapBytes() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** {@code VmHWM} since {@link #reset()}; empty if it could not be reset or read. */
    public OptionalLong peakRssBytes() {
        if (!rssReset) {
            return OptionalLong.empty();
        }
        try {
            return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(ProcessMemory::kilobytes).findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code VmHWM:   123456 kB} → bytes. */
    static long kilobytes(String statusLine) {
        String v = statusLine.substring(statusLine.indexOf(':') + 1).trim();
        return Long.parseLong(v.substring(0, v.indexOf(' '))) * 1024;
    }
}
