package dev.weir.bench.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** This process's resident memory from {@code /proc/self/status}, and the size of a directory tree. */
final class ProcessStats {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessStats() {
    }

    /** {@code VmRSS}: resident memory now. */
    static OptionalLong rssBytes() {
        return statusField("VmRSS:");
    }

    /** {@code VmHWM}: the peak resident memory of this process so far. */
    static OptionalLong peakRssBytes() {
        return statusField("VmHWM:");
    }

    private static OptionalLong statusField(String prefix) {
        try (Stream<String> lines = Files.lines(STATUS)) {
            return lines.filter(l -> l.startsWith(prefix)).mapToLong(ProcessStats::kilobytes).findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code VmHWM:   123456 kB} → bytes. */
    static long kilobytes(String statusLine) {
        String v = statusLine.substring(statusLine.indexOf(':') + 1).trim();
        return Long.parseLong(v.substring(0, v.indexOf(' '))) * 1024;
    }

    /** Total size of the regular files under {@code dir} whose name ends with {@code suffix} ("" for all); 0 if none. */
    static long treeBytes(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0; // deleted meanwhile (a compaction)
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // a file or directory vanished during the walk
        }
    }
}
