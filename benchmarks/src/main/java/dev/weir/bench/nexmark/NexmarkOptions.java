package dev.weir.bench.nexmark;

import dev.weir.bench.OptionValues;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@link NexmarkBenchmark}, parsed once.
 *
 * @param events       events per measured run
 * @param warmupEvents events per warm-up run
 * @param warmups      warm-up runs per forked JVM (before its one measured run)
 * @param rounds       forked JVMs per query and engine; the engines alternate within a round
 * @param queries      the queries
 * @param engines      the engines
 * @param out          the document whose Nexmark section is replaced, if any
 * @param csv          the CSV that gets one row per query and engine, if any
 * @param commit       the commit measured, for the CSV and the report
 * @param child        in a forked JVM: the engine and query to measure
 */
public record NexmarkOptions(long events, long warmupEvents, int warmups, int rounds, List<NexmarkQuery> queries,
                             List<Engine> engines, Optional<Path> out, Optional<Path> csv, String commit,
                             Optional<ChildTask> child) {

    /** What a forked JVM measures. */
    public record ChildTask(Engine engine, NexmarkQuery query) {
    }

    public static final String USAGE = """
            usage: NexmarkBenchmark [options]   (in-process mode: generator -> engine -> checksumming sink)
              --events N           events per measured run (default 10M; accepts 10M, 200k, 10_000_000)
              --warmup-events N    events per warm-up run (default events / 5)
              --warmups N          warm-up runs in each forked JVM before its measured run (default 1)
              --rounds N           forked JVMs per query and engine, engines alternating (default 3; median reported)
              --queries LIST       q0,q1,q2,q3,q4,q5,q7,q8 (default all)
              --engines LIST       weir,flink (default both)
              --out FILE           replace the generated Nexmark section of FILE (e.g. docs/benchmarks.md)
              --csv FILE           append one row per query and engine (e.g. benchmarks/results/nexmark.csv)
              --commit ID          the commit measured, for the CSV and the report (default unknown)
            Exit codes: 0 ok, 1 the engines' checksums differ, 2 bad options, 3 a failure.
            """;

    public static NexmarkOptions parse(String[] args) {
        long events = 10_000_000;
        Long warmupEvents = null;
        int warmups = 1;
        int rounds = 3;
        List<NexmarkQuery> queries = List.of(NexmarkQuery.values());
        List<Engine> engines = List.of(Engine.values());
        Optional<Path> out = Optional.empty();
        Optional<Path> csv = Optional.empty();
        String commit = "unknown";
        Optional<ChildTask> child = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--events" -> events = positive(OptionValues.count(OptionValues.value(args, ++i, a)), a);
                case "--warmup-events" -> warmupEvents = positive(OptionValues.count(OptionValues.value(args, ++i, a)), a);
                case "--warmups" -> warmups = (int) OptionValues.count(OptionValues.value(args, ++i, a));
                case "--rounds" -> rounds = (int) positive(OptionValues.count(OptionValues.value(args, ++i, a)), a);
                case "--queries" -> queries = OptionValues.list(OptionValues.value(args, ++i, a)).stream()
                        .map(NexmarkQuery::parse).toList();
                case "--engines" -> engines = OptionValues.list(OptionValues.value(args, ++i, a)).stream()
                        .map(Engine::parse).toList();
                case "--out" -> out = Optional.of(Path.of(OptionValues.value(args, ++i, a)));
                case "--csv" -> csv = Optional.of(Path.of(OptionValues.value(args, ++i, a)));
                case "--commit" -> commit = OptionValues.value(args, ++i, a);
                case "--child" -> {
                    Engine e = Engine.parse(OptionValues.value(args, ++i, a));
                    child = Optional.of(new ChildTask(e, NexmarkQuery.parse(OptionValues.value(args, ++i, a))));
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new NexmarkOptions(events, warmupEvents == null ? Math.max(events / 5, 1) : warmupEvents, warmups,
                rounds, queries, engines, out, csv, commit, child);
    }

    /** The arguments of a forked JVM measuring {@code engine} on {@code query}. */
    public List<String> childArguments(Engine engine, NexmarkQuery query) {
        return Arrays.asList("--events", Long.toString(events), "--warmup-events", Long.toString(warmupEvents),
                "--warmups", Integer.toString(warmups), "--child", engine.id(), query.id());
    }

    private static long positive(long n, String option) {
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
