package dev.weir.bench.state;

import dev.weir.bench.OptionValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The state benchmark's command line, parsed and validated once (the style of
 * {@link dev.weir.bench.BenchmarkOptions}).
 *
 * @param parts            what to measure
 * @param keys             distinct keys of the throughput workload
 * @param events           events of each throughput run
 * @param throughputRuns   the forked throughput runs: backend and heap cap of each
 * @param jvmOptions       extra options of every forked JVM (besides {@code -Xms/-Xmx})
 * @param timeout          longest a forked JVM may run before it is killed and reported as timed out
 * @param blockCacheBytes  RocksDB block cache (memtables charged to it), in every RocksDB run
 * @param writeBufferBytes RocksDB memtable budget, in every RocksDB run
 * @param stateKeys        keys of the checkpoint and recovery workload
 * @param valueBytes       size of each value of the checkpoint and recovery workload
 * @param updateFraction   fraction of {@code stateKeys} updated (other keys each round) before each incremental
 *                         checkpoint
 * @param rounds           rounds of update + incremental checkpoint
 * @param settle           the longest wait for background compactions to settle (no change of the SST files for
 *                         5 s): after the fill, before the full checkpoint, and after the last round, before a last
 *                         checkpoint; zero: no waits
 * @param processRecovery  also measure recovery as a process: kill -9 a JVM holding the state, start a fresh one
 * @param workDir          local directory for databases and checkpoints (deleted at the end)
 * @param keepObjects      keep the uploaded objects in the store (default: deleted at the end)
 * @param out              markdown file whose state section is replaced; empty: print the markdown
 */
public record StateBenchmarkOptions(Set<Part> parts, long keys, long events, List<ThroughputSpec> throughputRuns,
                                    List<String> jvmOptions, Duration timeout, long blockCacheBytes,
                                    long writeBufferBytes, long stateKeys, int valueBytes, double updateFraction,
                                    int rounds, Duration settle, boolean processRecovery, Path workDir, boolean keepObjects,
                                    Optional<Path> out) {

    /** The three measurements. */
    public enum Part {
        THROUGHPUT, CHECKPOINT, RECOVERY, SAVEPOINT;

        static Part parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "throughput" -> THROUGHPUT;
                case "checkpoint" -> CHECKPOINT;
                case "recovery" -> RECOVERY;
                case "savepoint" -> SAVEPOINT;
                default -> throw new IllegalArgumentException("unknown part '" + s
                        + "', expected throughput, checkpoint, recovery, savepoint or all");
            };
        }
    }

    /** Which state backend a run uses. */
    public enum Backend {
        ROCKSDB, HEAP;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Backend parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "rocksdb" -> ROCKSDB;
                case "heap" -> HEAP;
                default -> throw new IllegalArgumentException("unknown backend '" + s + "', expected rocksdb or heap");
            };
        }
    }

    /**
     * One forked throughput run.
     *
     * @param backend   the state backend
     * @param heapBytes {@code -Xms} and {@code -Xmx} of the forked JVM
     */
    public record ThroughputSpec(Backend backend, long heapBytes) {
        public ThroughputSpec {
            if (heapBytes < 16L << 20) {
                throw new IllegalArgumentException("a heap cap must be at least 16m");
            }
        }

        /** {@code rocksdb:512m} or {@code heap:8g}. */
        static ThroughputSpec parse(String s) {
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a throughput run is BACKEND:HEAP, e.g. rocksdb:512m, not '" + s
                        + "'");
            }
            return new ThroughputSpec(Backend.parse(s.substring(0, colon)), parseSize(s.substring(colon + 1)));
        }

        /** The heap cap as a JVM option value, e.g. {@code 512m}. */
        public String heapOption() {
            return sizeOption(heapBytes);
        }

        @Override
        public String toString() {
            return backend.id() + ":" + heapOption();
        }
    }

    public static final String USAGE = """
            usage: StateBenchmark [options]
              --parts LIST            throughput,checkpoint,recovery,savepoint or all (default all; recovery and
                                      savepoint need checkpoint: savepoint = a native savepoint of its state after
                                      the last round, restored at parallelism 2)
             throughput (keyed tumbling count on LocalEngine, one forked JVM per run):
              --keys N                distinct keys (default 10M; accepts 10M, 200k, 10_000_000)
              --events N              events per run (default = keys: every key gets state)
              --runs LIST             BACKEND:HEAP, comma-separated (default rocksdb:512m,heap:512m,heap:8g)
              --jvm-opts "OPTS"       extra options of each forked JVM (default "-XX:+UseG1GC")
              --timeout D             kill a forked JVM after this long (default 540s; units ms, s, m)
             RocksDB memory (every RocksDB run):
              --block-cache SIZE      block cache, memtables charged to it (default 256m; accepts 64m, 1g)
              --write-buffer SIZE     memtable budget, at most the block cache (default 64m)
             checkpoint and recovery (a RocksDB backend filled directly, checkpoints to S3):
              --state-keys N          keys (default 10M)
              --value-bytes N         bytes per value (default 100)
              --update-fraction F     keys changed before each incremental checkpoint (default 0.01; 1% works)
              --rounds N              rounds of update + incremental checkpoint (default 5)
              --settle D              longest wait for compactions to settle, after the fill and after the last
                                      round (then one more checkpoint) (default 120s; 0: no waits)
              --no-process-recovery   skip the kill -9 + fresh JVM recovery measurement
              --work-dir DIR          local working directory (default /var/tmp/weir-state-bench; deleted at the end)
              --keep-objects          keep the uploaded objects (default: delete them at the end)
             output:
              --out FILE              replace the state section of FILE (e.g. docs/benchmarks.md);
                                      default: print the markdown to stdout
              --help                  print this help
            The object store comes from WEIR_S3_ENDPOINT, WEIR_S3_BUCKET, WEIR_S3_ACCESS_KEY, WEIR_S3_SECRET_KEY
            (eval "$(dev/s3.sh env)").
            """;

    public StateBenchmarkOptions {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--parts must name at least one part");
        }
        if (parts.contains(Part.RECOVERY) && !parts.contains(Part.CHECKPOINT)) {
            throw new IllegalArgumentException("--parts recovery restores the checkpoint of part checkpoint: add it");
        }
        if (parts.contains(Part.SAVEPOINT) && !parts.contains(Part.CHECKPOINT)) {
            throw new IllegalArgumentException("--parts savepoint saves the state of part checkpoint: add it");
        }
        if (keys < 1 || events < 1 || stateKeys < 1) {
            throw new IllegalArgumentException("--keys, --events and --state-keys must be >= 1");
        }
        if (keys > Integer.MAX_VALUE || stateKeys > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--keys and --state-keys must be at most " + Integer.MAX_VALUE);
        }
        if (valueBytes < 1 || valueBytes > 1 << 20) {
            throw new IllegalArgumentException("--value-bytes must be in [1, 1048576]");
        }
        if (!(updateFraction > 0 && updateFraction <= 1)) {
            throw new IllegalArgumentException("--update-fraction must be in (0, 1]");
        }
        if (rounds < 1 || rounds * updateFraction > 1 + 1e-9) {
            throw new IllegalArgumentException("--rounds must be >= 1 and rounds x update fraction at most 1");
        }
        if (throughputRuns.isEmpty() && parts.contains(Part.THROUGHPUT)) {
            throw new IllegalArgumentException("--runs must name at least one run");
        }
        if (blockCacheBytes <= 0 || writeBufferBytes <= 0 || writeBufferBytes > blockCacheBytes) {
            throw new IllegalArgumentException("need 0 < --write-buffer <= --block-cache");
        }
        if (timeout.isZero() || timeout.isNegative() || settle.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive and --settle >= 0");
        }
        parts = Collections.unmodifiableSet(EnumSet.copyOf(parts));
        throughputRuns = List.copyOf(throughputRuns);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static StateBenchmarkOptions defaults() {
        return new StateBenchmarkOptions(EnumSet.allOf(Part.class), 10_000_000, 10_000_000,
                List.of(new ThroughputSpec(Backend.ROCKSDB, 512L << 20), new ThroughputSpec(Backend.HEAP, 512L << 20),
                        new ThroughputSpec(Backend.HEAP, 8L << 30)),
                List.of("-XX:+UseG1GC"), Duration.ofSeconds(540), 256L << 20, 64L << 20, 10_000_000, 100, 0.01,
                5, Duration.ofSeconds(120), true, Path.of("/var/tmp/weir-state-bench"), false, Optional.empty());
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    public static StateBenchmarkOptions parse(String... args) {
        StateBenchmarkOptions d = defaults();
        Set<Part> parts = d.parts;
        long keys = d.keys;
        Long events = null;
        List<ThroughputSpec> runs = d.throughputRuns;
        List<String> jvm = d.jvmOptions;
        Duration timeout = d.timeout;
        long cache = d.blockCacheBytes;
        long buffer = d.writeBufferBytes;
        long stateKeys = d.stateKeys;
        long valueBytes = d.valueBytes;
        double fraction = d.updateFraction;
        long rounds = d.rounds;
        Duration settle = d.settle;
        boolean process = d.processRecovery;
        Path work = d.workDir;
        boolean keep = d.keepObjects;
        Optional<Path> out = d.out;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--parts" -> parts = parseParts(OptionValues.value(args, ++i, a));
                case "--keys" -> keys = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--events" -> events = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--runs" -> runs = OptionValues.list(OptionValues.value(args, ++i, a)).stream().map(ThroughputSpec::parse).toList();
                case "--jvm-opts" -> jvm = Arrays.stream(OptionValues.value(args, ++i, a).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                case "--timeout" -> timeout = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--block-cache" -> cache = parseSize(OptionValues.value(args, ++i, a));
                case "--write-buffer" -> buffer = parseSize(OptionValues.value(args, ++i, a));
                case "--state-keys" -> stateKeys = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--value-bytes" -> valueBytes = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--update-fraction" -> fraction = OptionValues.fraction(OptionValues.value(args, ++i, a));
                case "--rounds" -> rounds = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--settle" -> settle = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--no-process-recovery" -> process = false;
                case "--work-dir" -> work = Path.of(OptionValues.value(args, ++i, a));
                case "--keep-objects" -> keep = true;
                case "--out" -> out = Optional.of(Path.of(OptionValues.value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (rounds > 1_000) {
            throw new IllegalArgumentException("--rounds must be at most 1000");
        }
        if (valueBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--value-bytes must be in [1, 1048576]");
        }
        long ev = events != null ? events : keys;
        return new StateBenchmarkOptions(parts, keys, ev, runs, jvm, timeout, cache, buffer, stateKeys,
                (int) valueBytes, fraction, (int) rounds, settle, process, work, keep, out);
    }

    /** How many keys the incremental checkpoint's update changes (at least 1). */
    public long updatedKeys() {
        return Math.max(1, Math.round(stateKeys * updateFraction));
    }

    /** Bytes: {@code 512m}, {@code 8g}, {@code 64k} (binary units, as the JVM's {@code -Xmx}), or a bare number. */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : t.endsWith("g") ? 1L << 30 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (e.g. 512m, 8g)");
        }
    }

    /** The shortest JVM-style size for {@code bytes}: {@code 8g}, {@code 512m}, {@code 64k} or a plain number. */
    static String sizeOption(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        } else if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        } else if (bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }

    private static Set<Part> parseParts(String s) {
        if (s.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Part.class);
        }
        List<Part> parts = new ArrayList<>();
        for (String p : OptionValues.list(s)) {
            parts.add(Part.parse(p));
        }
        return parts.isEmpty() ? Set.of() : EnumSet.copyOf(parts);
    }
}
