package dev.weir.bench.kafka;

import dev.weir.bench.Environment;
import dev.weir.bench.Format;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The end-to-end Kafka benchmark. In one run, against one broker:
 * <ol>
 *   <li>loads the input (the producer-only ceiling);</li>
 *   <li>consumer-only ceiling, at each parallelism;</li>
 *   <li>raw consume → produce ceiling ({@link KafkaForwarder}), ALO and EOS, at each parallelism;</li>
 *   <li>every {@link Subjects subject} (Weir), ALO and EOS, at each parallelism;</li>
 *   <li>latency of the ceiling and of every subject, ALO and EOS, at their best parallelism, with the input at
 *       a fraction of their best throughput in that mode (at most the producer-only ceiling).</li>
 * </ol>
 * Prints or updates the markdown report. Run it with {@code benchmarks/kafka-run.sh}; see
 * {@code docs/benchmarks.md}, "Kafka end to end".
 */
public final class KafkaBenchmark {
    public static final int EXIT_OK = 0;
    /** A run's output count was not what its processor promises. */
    public static final int EXIT_WRONG_OUTPUT = 1;
    public static final int EXIT_USAGE = 2;
    /** A processor, the broker or the harness failed. */
    public static final int EXIT_FAILED = 3;

    private KafkaBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the benchmark; the markdown on {@code out} (unless {@code --out}), progress on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(KafkaBenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        KafkaBenchmarkOptions options;
        try {
            options = KafkaBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(KafkaBenchmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        try (BenchContext ctx = new BenchContext(options.bootstrap(), options.partitions(), options.commitInterval(),
                options.keepTopics(), err)) {
            KafkaResults results = measure(ctx, options);
            List<String> labels = new ArrayList<>(options.subjects().stream()
                    .map(id -> Subjects.byId(id).label()).toList());
            if (!labels.contains(Subjects.WEIR_LABEL)) {
                labels.add(Subjects.WEIR_LABEL);
            }
            String markdown = KafkaReport.render(options, Environment.current(), results, Instant.now(),
                    "benchmarks/kafka-run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)), labels);
            if (options.out().isPresent()) {
                KafkaReport.update(options.out().get(), markdown);
                err.println("updated " + options.out().get());
            } else {
                out.print(markdown);
            }
            return results.outputsOk() ? EXIT_OK : EXIT_WRONG_OUTPUT;
        } catch (Exception e) {
            e.printStackTrace(err);
            return EXIT_FAILED;
        }
    }

    private static KafkaResults measure(BenchContext ctx, KafkaBenchmarkOptions o) throws Exception {
        EventStream stream = new EventStream(o.keys());
        String input = ctx.newTopic("in");
        ProcessMemory memory = new ProcessMemory();
        memory.reset();
        Optional<CpuUse.Sample> cpuFrom = ctx.cpuSample();
        InputLoader.Loaded loaded = InputLoader.load(ctx.bootstrap, input, stream, o.events());
        ThroughputResult producer = new ThroughputResult(KafkaResults.PRODUCER_ONLY, DeliveryMode.AT_LEAST_ONCE, 1,
                loaded.records(), loaded.nanos(), 0, OptionalLong.empty(), OutputCheck.none(),
                memory.peakHeapBytes(), memory.peakRssBytes(), ctx.cpuSince(cpuFrom));
        report(ctx, producer);

        List<Subjects.Subject> subjects = new ArrayList<>();
        subjects.add(new Subjects.Subject("raw", KafkaResults.RAW_FORWARD, KafkaForwarder::new));
        o.subjects().forEach(id -> subjects.add(Subjects.byId(id)));
        List<ThroughputResult> throughput = throughputRuns(ctx, o, input, subjects);
        ctx.dropTopic(input);

        KafkaResults measured = new KafkaResults(producer, throughput, List.of());
        List<LatencyResult> latency = new ArrayList<>();
        for (double fraction : o.latencyFractions()) {
            for (Subjects.Subject s : subjects) {
                for (DeliveryMode mode : DeliveryMode.values()) {
                    Optional<ThroughputResult> best = measured.best(s.label(), mode);
                    if (best.isPresent()) {
                        latency.add(latencyRun(ctx, o, stream, s, mode, best.get(), producer, fraction));
                    }
                }
            }
        }
        return new KafkaResults(producer, throughput, latency);
    }

    /** Consumer only, then every subject (the ceiling first) in both modes, at every parallelism. */
    private static List<ThroughputResult> throughputRuns(BenchContext ctx, KafkaBenchmarkOptions o, String input,
                                                         List<Subjects.Subject> subjects) throws Exception {
        List<ThroughputResult> runs = new ArrayList<>();
        for (int p : o.parallelisms()) {
            runs.add(report(ctx, ThroughputRun.run(ctx, KafkaResults.CONSUMER_ONLY, new KafkaConsumeOnly(), input,
                    o.events(), DeliveryMode.AT_LEAST_ONCE, p, o.commitInterval(), o.timeout())));
        }
        for (Subjects.Subject s : subjects) {
            warmUp(ctx, o, input, s);
            for (DeliveryMode mode : DeliveryMode.values()) {
                for (int p : o.parallelisms()) {
                    runs.add(report(ctx, ThroughputRun.run(ctx, s.label(), s.factory().get(), input, o.events(),
                            mode, p, s.interval().of(o), o.timeout())));
                }
            }
        }
        return runs;
    }

    /**
     * One unmeasured run of {@code s} per mode and parallelism over the first {@code --warmup-events} records, so
     * its code is compiled before it is measured: all processors share this JVM, and without it the first mode
     * measured (ALO) ran cold and looked slower than the second (EOS). Every parallelism, because a task's code
     * differs with it (at parallelism 1 a key-by is a direct call, above it a shuffle): warmed at 2 only, Weir's ALO
     * at 1, measured first, still came out 15–20% below its EOS at 1.
     */
    private static void warmUp(BenchContext ctx, KafkaBenchmarkOptions o, String input, Subjects.Subject s)
            throws Exception {
        long records = Math.min(o.warmupEvents(), o.events());
        if (records == 0) {
            return;
        }
        for (int p : o.parallelisms()) {
            for (DeliveryMode mode : DeliveryMode.values()) {
                ThroughputResult r = ThroughputRun.run(ctx, s.label(), s.factory().get(), input, records, mode, p,
                        s.interval().of(o), o.timeout());
                ctx.log.printf("%s %s p%d: warm-up, %s records/s (not reported)%n", s.label(), mode.label(), p,
                        Format.rate(r.recordsPerSecond()));
            }
        }
    }

    private static LatencyResult latencyRun(BenchContext ctx, KafkaBenchmarkOptions o, EventStream stream,
                                            Subjects.Subject s, DeliveryMode mode, ThroughputResult best,
                                            ThroughputResult producer, double fraction) throws Exception {
        double rate = latencyRate(best, producer, fraction);
        ctx.log.printf("%s %s: latency at %s records/s (%s), parallelism %d%n", s.label(), mode.label(),
                Format.rate(rate), KafkaReport.percent(fraction), best.parallelism());
        LatencyResult l = LatencyRun.run(ctx, s.label(), s.factory().get(), stream, mode, best.parallelism(),
                s.interval().of(o), fraction, rate, o.latencyWarmup(), o.latencyMeasure(), o.timeout());
        ctx.log.printf("  p50 %s ms, p99 %s ms, max %s ms over %s records; achieved %s records/s; output %s%n",
                KafkaReport.millis(l.latency().p50Millis()), KafkaReport.millis(l.latency().p99Millis()),
                KafkaReport.millis(l.latency().maxMillis()), Format.count(l.latency().count()),
                Format.rate(l.input().recordsPerSecond()), l.check().verdict(l.outputs()));
        return l;
    }

    /**
     * The input rate of a latency run: {@code fraction} of the end-to-end maximum, the smaller of the processor's
     * best throughput and the producer-only ceiling (a processor that consumes faster than one producer can write
     * cannot be fed faster live).
     */
    static double latencyRate(ThroughputResult processor, ThroughputResult producer, double fraction) {
        return Math.min(processor.recordsPerSecond(), producer.recordsPerSecond()) * fraction;
    }

    private static ThroughputResult report(BenchContext ctx, ThroughputResult r) {
        ctx.log.printf("%s %s p%d: %s records/s, %.1f MB/s (%.2f s; CPU jvm/broker/others %s)%s%n", r.subject(),
                r.mode().label(), r.parallelism(), Format.rate(r.recordsPerSecond()), r.megabytesPerSecond(),
                r.nanos() / 1e9, r.cpu().map(CpuUse::format).orElse("–"),
                r.outputs().isPresent() ? "; " + Format.count(r.outputs().getAsLong()) + " outputs, "
                        + r.check().verdict(r.outputs().getAsLong()) : "");
        return r;
    }
}
