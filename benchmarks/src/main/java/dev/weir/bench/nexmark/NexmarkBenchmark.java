package dev.weir.bench.nexmark;

import dev.weir.bench.Environment;
import dev.weir.bench.Format;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Nexmark harness, in-process mode: per query, {@code rounds} rounds in which each engine runs in a fresh JVM
 * ({@link NexmarkFork}: warm-ups, then one measured {@link InProcessRun}); then the report and the CSV. Fails
 * (exit 1) when the engines' checksums of a query differ. Run it pinned to one core, as
 * {@code benchmarks/nexmark-run.sh} does; see the Nexmark section of {@code docs/benchmarks.md}.
 */
public final class NexmarkBenchmark {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECKSUMS_DIFFER = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILED = 3;

    private NexmarkBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(NexmarkOptions.USAGE);
            return EXIT_OK;
        }
        NexmarkOptions options;
        try {
            options = NexmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(NexmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        try {
            if (options.child().isPresent()) {
                NexmarkOptions.ChildTask task = options.child().get();
                RunRecord r = InProcessRun.measure(task.engine(), task.query(), options.events(),
                        options.warmupEvents(), options.warmups());
                out.println(r.toLine());
                out.flush();
                return EXIT_OK;
            }
            return runAll(options, out, err);
        } catch (Exception e) {
            e.printStackTrace(err);
            return EXIT_FAILED;
        }
    }

    private static int runAll(NexmarkOptions options, PrintStream out, PrintStream err) throws Exception {
        Instant started = Instant.now();
        Map<String, List<RunRecord>> runs = new LinkedHashMap<>();
        for (NexmarkQuery q : options.queries()) {
            for (int round = 1; round <= options.rounds(); round++) {
                for (Engine e : options.engines()) {
                    RunRecord r = NexmarkFork.run(e, q, options, err);
                    err.printf("%s %s round %d: %s events/s, job %.2f s, heap %d MB, RSS %d MB, checksum %s%n", q, e,
                            round, Format.rate(r.eventsPerSecond()), r.jobNanos() / 1e9,
                            Format.mebibytes(r.peakHeapBytes()), Format.mebibytes(r.peakRssBytes()), r.checksum());
                    runs.computeIfAbsent(q.id() + "/" + e.id(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<QueryResults> results = new ArrayList<>();
        for (NexmarkQuery q : options.queries()) {
            for (Engine e : options.engines()) {
                results.add(new QueryResults(q, e, runs.get(q.id() + "/" + e.id())));
            }
        }
        Environment env = Environment.current();
        String markdown = NexmarkReport.markdown(options, env, started, results);
        if (options.out().isPresent()) {
            NexmarkReport.update(options.out().get(), markdown);
            err.println("updated " + options.out().get());
        } else {
            out.print(markdown);
        }
        if (options.csv().isPresent()) {
            NexmarkReport.appendCsv(options.csv().get(), options, env, started, results);
            err.println("appended to " + options.csv().get());
        }
        boolean agree = true;
        for (NexmarkQuery q : options.queries()) {
            if (!NexmarkReport.agree(results.stream().filter(r -> r.query() == q).toList())) {
                err.println("CHECKSUMS DIFFER for " + q + ": " + results.stream().filter(r -> r.query() == q)
                        .map(r -> r.engine() + " " + r.runs().stream().map(RunRecord::checksum).toList()).toList());
                agree = false;
            }
        }
        return agree ? EXIT_OK : EXIT_CHECKSUMS_DIFFER;
    }
}
