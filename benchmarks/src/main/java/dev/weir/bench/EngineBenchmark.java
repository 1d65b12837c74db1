package dev.weir.bench;

import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.sink.CountingSink;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The engine benchmark harness. Per query: warm-up runs, then measured runs of {@link LocalEngine} over the
 * standard bid stream, each measured by {@link JvmProbe}; the output count of every run is checked against
 * {@link ExpectedOutputs}. Prints or updates the markdown report. Run it pinned to one core with a fixed heap, as
 * {@code benchmarks/run.sh} does; see {@code docs/benchmarks.md}.
 */
public final class EngineBenchmark {
    public static final int EXIT_OK = 0;
    /** A query emitted a different number of results than the brute-force oracle. */
    public static final int EXIT_WRONG_OUTPUT = 1;
    public static final int EXIT_USAGE = 2;
    /** The engine or the harness failed. */
    public static final int EXIT_FAILED = 3;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the harness; results (markdown, or run lines in a forked JVM) on {@code out}, progress on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(BenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(BenchmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        try {
            if (options.child()) {
                for (Query q : options.queries()) {
                    measure(q, options, r -> {
                        out.println(r.toLine());
                        out.flush();
                    });
                }
                return EXIT_OK;
            }
            return runAll(options, out, err);
        } catch (Exception e) {
            e.printStackTrace(err);
            return EXIT_FAILED;
        }
    }

    private static int runAll(BenchmarkOptions options, PrintStream out, PrintStream err) throws Exception {
        List<QueryReport> reports = new ArrayList<>();
        for (Query q : options.queries()) {
            OptionalLong expected = OptionalLong.empty();
            if (options.verify()) {
                expected = OptionalLong.of(ExpectedOutputs.count(q, BidGenerator.standard(), options.eventsFor(q)));
                err.println(q.id() + ": brute force expects " + Format.count(expected.getAsLong()) + " outputs");
            }
            List<RunResult> runs = options.fork() ? ForkedJvm.run(q, options, err)
                    : measure(q, options, r -> err.println(r.summary()));
            QueryReport report = new QueryReport(q, runs.stream().filter(r -> !r.warmup()).toList(), expected);
            err.println(q.id() + ": median " + Format.rate(report.medianEventsPerSecond()) + " events/s, best "
                    + Format.rate(report.bestEventsPerSecond()) + " events/s, "
                    + Format.oneDecimal(report.medianAllocatedBytesPerEvent()) + " B/event, outputs "
                    + Format.count(report.outputs()) + (report.outputsConsistent() ? "" : " MISMATCH"));
            reports.add(report);
        }
        String markdown = MarkdownReport.render(options, Environment.current(), reports);
        if (options.out().isPresent()) {
            MarkdownReport.update(options.out().get(), markdown);
            err.println("updated " + options.out().get());
        } else {
            out.print(markdown);
        }
        return reports.stream().allMatch(QueryReport::outputsConsistent) ? EXIT_OK : EXIT_WRONG_OUTPUT;
    }

    /** Warm-up and measured runs of {@code query} in this JVM; each result also goes to {@code onRun}. */
    static List<RunResult> measure(Query query, BenchmarkOptions options, Consumer<RunResult> onRun) throws Exception {
        JvmProbe probe = new JvmProbe();
        BidGenerator generator = BidGenerator.standard();
        List<RunResult> results = new ArrayList<>();
        for (int i = 1; i <= options.warmups() + options.runs(); i++) {
            boolean warmup = i <= options.warmups();
            int iteration = warmup ? i : i - options.warmups();
            CountingSink<Object> sink = new CountingSink<>();
            PipelineGraph graph = query.graph(generator, options.eventsFor(query), sink);
            RunResult r = probe.measure(query, warmup, iteration, options.eventsFor(query), () -> {
                JobResult job = new LocalEngine().run(graph);
                if (job.lateDropped() != 0 || job.failed() != 0) {
                    throw new IllegalStateException(query.id() + " dropped " + job.lateDropped()
                            + " late bids and failed on " + job.failed() + "; the workload has neither");
                }
                return sink.count();
            });
            onRun.accept(r);
            results.add(r);
        }
        return results;
    }
}
