package dev.weir.bench.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process and of the whole machine, to tell how much of the machine a measurement had: the
 * machine's busy time comes from the first line of {@code /proc/stat} (user, nice, system, irq, softirq and steal
 * jiffies of all CPUs, at {@value #USER_HZ} per second).
 */
final class CpuClock {
    static final long USER_HZ = 100;

    private CpuClock() {
    }

    /** CPU time of this JVM (all threads, native ones too), -1 if unknown. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Busy time of all CPUs of the machine since boot, -1 if unknown. */
    static long machineBusyNanos() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return busyNanos(first);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal ...} → busy nanoseconds. */
    static long busyNanos(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalArgumentException("not the aggregate cpu line: " + cpuLine);
        }
        long busy = 0;
        int[] fields = {1, 2, 3, 6, 7, 8}; // user nice system irq softirq steal
        for (int i : fields) {
            if (i < f.length) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * (1_000_000_000L / USER_HZ);
    }
}
