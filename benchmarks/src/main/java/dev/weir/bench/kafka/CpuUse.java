package dev.weir.bench.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a run, in cores (1.0 = one core busy all the time): this JVM (the processor
 * and the harness), the broker, and everything else. The machine is shared, so "others" shows whether a run was
 * disturbed. From {@code /proc/stat} (all CPUs), {@code /proc/self/stat} and the broker's
 * {@code /proc/<pid>/stat}, in clock ticks.
 *
 * @param jvmCores    this JVM
 * @param brokerCores the broker (a local process whose command line runs {@code kafka.Kafka}); 0 if not found
 * @param otherCores  the rest of the busy time, including time stolen by the hypervisor
 */
public record CpuUse(double jvmCores, double brokerCores, double otherCores) {

    /** {@code 1.12 / 0.61 / 0.02}. */
    public String format() {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", jvmCores, brokerCores, otherCores);
    }

    /** From tick counts over one interval: the machine's total and busy ticks (all CPUs), this JVM's, the broker's. */
    static CpuUse of(long totalTicks, long busyTicks, long jvmTicks, long brokerTicks, int cpus) {
        double perCore = (double) totalTicks / cpus;
        if (perCore <= 0) {
            return new CpuUse(0, 0, 0);
        }
        return new CpuUse(jvmTicks / perCore, brokerTicks / perCore,
                Math.max(0, busyTicks - jvmTicks - brokerTicks) / perCore);
    }

    /** Tick counters at one moment; {@link #until} gives the use between two. */
    record Sample(long totalTicks, long busyTicks, long jvmTicks, long brokerTicks, int cpus) {
        private static final Path STAT = Path.of("/proc/stat");

        /** Now; empty where {@code /proc} cannot be read. {@code brokerPid} may be empty. */
        static Optional<Sample> take(OptionalLong brokerPid) {
            try {
                List<String> stat = Files.readAllLines(STAT);
                String[] cpu = stat.get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) { // user .. steal; guest is in user
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                int cpus = (int) stat.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
                long broker = brokerPid.isPresent() ? processTicks(Path.of("/proc", brokerPid.getAsLong() + "", "stat"))
                        : 0;
                return Optional.of(new Sample(total, total - idle, processTicks(Path.of("/proc/self/stat")), broker,
                        Math.max(1, cpus)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        CpuUse until(Sample later) {
            return of(later.totalTicks - totalTicks, later.busyTicks - busyTicks, later.jvmTicks - jvmTicks,
                    Math.max(0, later.brokerTicks - brokerTicks), cpus);
        }

        /** utime + stime of a {@code /proc/<pid>/stat}; 0 if the process is gone. */
        private static long processTicks(Path stat) {
            try {
                String s = Files.readString(stat);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** The pid of a local Kafka broker (a process with the argument {@code kafka.Kafka}), if there is one. */
    static OptionalLong findBroker() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return List.of(new String(Files.readAllBytes(p.resolve("cmdline"))).split("\0"))
                            .contains("kafka.Kafka");
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
