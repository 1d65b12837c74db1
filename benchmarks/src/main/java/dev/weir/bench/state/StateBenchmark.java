package dev.weir.bench.state;

import dev.weir.bench.Environment;
import dev.weir.bench.state.StateBenchmarkOptions.Part;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import dev.weir.bench.state.ThroughputResult.Status;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyed-state benchmark of the issue "RocksDB keyed state and incremental checkpoints to an S3-compatible
 * store":
 * <ol>
 *   <li><b>throughput</b>: a keyed tumbling count with every key live (10M by default) on {@code LocalEngine}, with
 *       the RocksDB and the heap backend, each run in a forked JVM with a fixed heap cap ({@link ThroughputChild});
 *       a run that runs out of heap is reported as such;</li>
 *   <li><b>checkpoint</b>: ~1 GB of RocksDB state, a full checkpoint to the object store, 1% of the keys changed,
 *       an incremental checkpoint ({@link CheckpointBenchmark});</li>
 *   <li><b>recovery</b>: from restart to the first read, in this JVM and as a fresh JVM after kill -9
 *       ({@link RecoveryChild}).</li>
 * </ol>
 * Markdown on stdout or into the {@code state-benchmark} section of a file; progress on stderr.
 */
public final class StateBenchmark {
    public static final int EXIT_OK = 0;
    /** A run produced a wrong output count or a recovery read a wrong value. */
    public static final int EXIT_WRONG_OUTPUT = 1;
    public static final int EXIT_USAGE = 2;
    /** The harness, a forked JVM (other than running out of memory, which is a result) or the store failed. */
    public static final int EXIT_FAILED = 3;

    private static final Pattern PROGRESS = Pattern.compile("([0-9,]+) events\\+results");

    private StateBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(StateBenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        StateBenchmarkOptions options;
        try {
            options = StateBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(StateBenchmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        String runId = "state-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
        Path work = options.workDir().resolve(runId);
        try {
            List<ThroughputResult> throughput = new ArrayList<>();
            if (options.parts().contains(Part.THROUGHPUT)) {
                for (ThroughputSpec spec : options.throughputRuns()) {
                    throughput.add(fork(spec, options, work.resolve("throughput-" + spec.backend().id() + "-"
                            + spec.heapOption()), err));
                }
            }
            Optional<CheckpointResults> checkpoints = Optional.empty();
            Optional<String> endpoint = Optional.empty();
            if (options.parts().contains(Part.CHECKPOINT)) {
                S3Config config = s3Config();
                endpoint = Optional.of(config.endpoint().toString());
                checkpoints = Optional.of(checkpoints(options, config, runId, work, err));
            }
            String markdown = StateReport.render(options, Environment.current(), throughput, checkpoints, endpoint,
                    Instant.now(), "benchmarks/state-run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)));
            if (options.out().isPresent()) {
                StateReport.update(options.out().get(), markdown);
                err.println("updated " + options.out().get());
            } else {
                out.print(markdown);
            }
            boolean wrong = throughput.stream().anyMatch(r -> r.status() == Status.FAILED
                    && r.message().startsWith("wrong output count"))
                    || checkpoints.flatMap(CheckpointResults::recovery).map(r -> !r.verified()).orElse(false)
                    || checkpoints.flatMap(CheckpointResults::processRecovery).map(r -> !r.verified()).orElse(false)
                    || checkpoints.flatMap(CheckpointResults::savepoint)
                    .map(s -> s.restores().stream().anyMatch(r -> !r.verified())).orElse(false);
            boolean failed = throughput.stream().anyMatch(r -> r.status() == Status.FAILED);
            return wrong ? EXIT_WRONG_OUTPUT : failed ? EXIT_FAILED : EXIT_OK;
        } catch (Exception e) {
            e.printStackTrace(err);
            return EXIT_FAILED;
        } finally {
            CheckpointBenchmark.deleteTree(work);
        }
    }

    private static CheckpointResults checkpoints(StateBenchmarkOptions options, S3Config config, String runId,
                                                 Path work, PrintStream err) throws Exception {
        String root = "bench/" + runId + "/";
        String taskPrefix = root + "task-0";
        err.println("checkpoints go to " + config.endpoint() + " bucket " + config.bucket() + " under " + taskPrefix);
        try (S3ObjectStore store = new S3ObjectStore(config)) {
            try {
                Optional<RecoveryChild.Launcher> launcher = options.processRecovery()
                        && options.parts().contains(Part.RECOVERY)
                        ? Optional.of(new RecoveryChild.Launcher(javaCommand(List.of("-Xms512m", "-Xmx512m"),
                        options), taskPrefix, work.resolve("process-recovery"), options, err))
                        : Optional.empty();
                Optional<SavepointBenchmark> savepoint = options.parts().contains(Part.SAVEPOINT)
                        ? Optional.of(new SavepointBenchmark(options, store, "bench-" + runId, work.resolve("savepoint"),
                        err))
                        : Optional.empty();
                return new CheckpointBenchmark(options, store, StateRestore.Connector.s3(config), taskPrefix,
                        work.resolve("checkpoint"), err)
                        .run(options.parts().contains(Part.RECOVERY), launcher, savepoint);
            } finally {
                if (!options.keepObjects()) {
                    List<String> keys = store.list(root);
                    store.delete(keys);
                    err.printf("deleted the %d objects under %s%n", keys.size(), root);
                }
            }
        }
    }

    /** The object store of the environment ({@code eval "$(dev/s3.sh env)"}). */
    static S3Config s3Config() {
        return S3Config.fromEnvironment(System.getenv()).orElseThrow(() -> new IllegalStateException(
                S3Config.ENDPOINT + " is not set: start the store and export its settings, e.g. "
                        + "dev/s3.sh start && eval \"$(dev/s3.sh env)\""));
    }

    /** java, the given heap options, the run's extra options and this JVM's class path. */
    static List<String> javaCommand(List<String> heap, StateBenchmarkOptions options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(heap);
        cmd.addAll(options.jvmOptions());
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    /** Runs one throughput measurement in a fresh JVM; kills it after the timeout. */
    static ThroughputResult fork(ThroughputSpec spec, StateBenchmarkOptions o, Path dir, PrintStream err)
            throws IOException, InterruptedException {
        err.printf("throughput: %s, %,d keys, %,d events, in a JVM with -Xms%s -Xmx%s%n", spec, o.keys(), o.events(),
                spec.heapOption(), spec.heapOption());
        CheckpointBenchmark.deleteTree(dir);
        List<String> cmd = javaCommand(List.of("-Xms" + spec.heapOption(), "-Xmx" + spec.heapOption()), o);
        cmd.add(ThroughputChild.class.getName());
        cmd.addAll(List.of(spec.backend().id(), Long.toString(spec.heapBytes()), Long.toString(o.keys()),
                Long.toString(o.events()), Long.toString(o.blockCacheBytes()), Long.toString(o.writeBufferBytes()),
                dir.toString()));
        long started = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        AtomicReference<ThroughputResult> result = new AtomicReference<>();
        AtomicLong lastProgress = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Optional<ThroughputResult> r = ThroughputResult.parseLine(line);
                    if (r.isPresent()) {
                        result.set(r.get());
                    } else {
                        Matcher m = PROGRESS.matcher(line);
                        if (m.find()) {
                            lastProgress.set(Long.parseLong(m.group(1).replace(",", "")));
                        }
                        err.println(line);
                    }
                }
            } catch (IOException e) {
                // killed
            }
        }, "throughput-child-output");
        reader.setDaemon(true);
        reader.start();
        boolean ended = child.waitFor(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join(5_000);
        CheckpointBenchmark.deleteTree(dir);
        long nanos = System.nanoTime() - started;
        ThroughputResult r = result.get();
        if (r == null) {
            Status status = ended ? Status.FAILED : Status.TIMEOUT;
            String why = ended ? "the JVM exited with " + child.exitValue() + " without a result"
                    : "killed after " + o.timeout().toSeconds() + " s";
            long processed = Math.min(o.events(), Math.max(0, lastProgress.get()));
            r = new ThroughputResult(spec, status, o.events(), processed, nanos, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                    -1, -1, -1, -1, List.of(), why + " (progress: " + Math.max(0, lastProgress.get())
                    + " events+results)");
        }
        err.println("throughput: " + StateReport.outcome(r));
        return r;
    }
}
