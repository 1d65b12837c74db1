package dev.weir.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine and JVM a benchmark ran on, for the report.
 *
 * @param cpuModel            {@code model name} from {@code /proc/cpuinfo}
 * @param onlineCpus          processors listed in {@code /proc/cpuinfo}
 * @param availableProcessors what the JVM may use (1 when pinned with {@code taskset -c 1})
 * @param cpuAffinity         {@code Cpus_allowed_list} of this process
 * @param jdk                 VM name and runtime version
 * @param jvmArguments        the JVM's options (forked JVMs get the same)
 * @param collectors          names of the garbage collectors
 * @param maxHeapBytes        the maximum heap
 */
public record Environment(String cpuModel, int onlineCpus, int availableProcessors, String cpuAffinity, String jdk,
                          List<String> jvmArguments, List<String> collectors, long maxHeapBytes) {

    private static final String UNKNOWN = "unknown";

    public static Environment current() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(UNKNOWN);
        int online = (int) cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String affinity = lines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Cpus_allowed_list"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(UNKNOWN);
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        return new Environment(model, online, Runtime.getRuntime().availableProcessors(), affinity, jdk,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), gcs, Runtime.getRuntime().maxMemory());
    }

    private static List<String> lines(Path file) {
        try (Stream<String> s = Files.lines(file)) {
            return s.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
