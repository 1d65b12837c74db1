package dev.weir.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's command line, parsed and validated once.
 *
 * @param events  bids per run
 * @param eventsByQuery bids per run of the queries that override {@code events}
 * @param queries queries to run, in order
 * @param warmups warm-up runs per query (not reported)
 * @param runs    measured runs per query
 * @param out     markdown file whose generated section is replaced; empty: print the markdown
 * @param fork    run each query in a fresh JVM with this JVM's options, so queries do not share JIT profiles
 * @param verify  check every run's output count against {@link ExpectedOutputs}
 * @param child   this JVM is a fork: run the queries and print {@link RunResult} lines only
 */
public record BenchmarkOptions(long events, Map<Query, Long> eventsByQuery, List<Query> queries, int warmups, int runs,
                               Optional<Path> out, boolean fork, boolean verify, boolean child) {

    public static final String USAGE = """
            usage: EngineBenchmark [options]
              --events N        bids per run (default 10,000,000; accepts 10M, 200k, 10_000_000)
              --query-events Q=N[,Q=N]
                                bids per run for some queries, e.g. q-session=500k (for a query too slow
                                for the default)
              --queries LIST    comma-separated: q-passthrough,q-tumbling,q-sliding,q-session or all (default all)
              --warmups N       warm-up runs per query (default 2)
              --runs N          measured runs per query (default 5)
              --out FILE        replace the generated section of FILE (e.g. docs/benchmarks.md);
                                default: print the markdown to stdout
              --no-fork         run all queries in this JVM (for profiling); default: one fresh JVM per query
              --no-verify       skip the brute-force check of output counts
              --help            print this help
            """;

    public BenchmarkOptions {
        if (events < 1 || eventsByQuery.values().stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--events and --query-events must be >= 1");
        }
        eventsByQuery = Map.copyOf(eventsByQuery);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("--queries must name at least one query");
        }
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("--warmups must be >= 0 and --runs >= 1");
        }
        queries = List.copyOf(queries);
    }

    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(10_000_000, Map.of(), List.of(Query.values()), 2, 5, Optional.empty(), true, true,
                false);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    public static BenchmarkOptions parse(String... args) {
        BenchmarkOptions d = defaults();
        long events = d.events;
        Map<Query, Long> eventsByQuery = new EnumMap<>(Query.class);
        List<Query> queries = d.queries;
        long warmups = d.warmups;
        long runs = d.runs;
        Optional<Path> out = d.out;
        boolean fork = d.fork;
        boolean verify = d.verify;
        boolean child = d.child;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--events" -> events = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--query-events" -> eventsByQuery.putAll(parseQueryEvents(OptionValues.value(args, ++i, a)));
                case "--queries" -> queries = parseQueries(OptionValues.value(args, ++i, a));
                case "--warmups" -> warmups = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--runs" -> runs = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--out" -> out = Optional.of(Path.of(OptionValues.value(args, ++i, a)));
                case "--no-fork" -> fork = false;
                case "--no-verify" -> verify = false;
                case "--child" -> child = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (warmups > 1_000 || runs > 1_000) {
            throw new IllegalArgumentException("--warmups and --runs must be at most 1000");
        }
        return child
                ? new BenchmarkOptions(events, eventsByQuery, queries, (int) warmups, (int) runs, Optional.empty(),
                        false, false, true)
                : new BenchmarkOptions(events, eventsByQuery, queries, (int) warmups, (int) runs, out, fork, verify,
                        false);
    }

    /** Bids per run of {@code query}. */
    public long eventsFor(Query query) {
        return eventsByQuery.getOrDefault(query, events);
    }

    /** The arguments of a forked JVM that runs {@code query} with these settings. */
    List<String> childArguments(Query query) {
        return List.of("--child", "--queries", query.id(), "--events", Long.toString(eventsFor(query)),
                "--warmups", Integer.toString(warmups), "--runs", Integer.toString(runs));
    }

    static List<Query> parseQueries(String s) {
        if (s.trim().equals("all")) {
            return List.of(Query.values());
        }
        List<Query> qs = new ArrayList<>();
        Arrays.stream(s.split(",")).filter(q -> !q.isBlank()).map(Query::parse).forEach(qs::add);
        return qs;
    }

    static Map<Query, Long> parseQueryEvents(String s) {
        Map<Query, Long> m = new EnumMap<>(Query.class);
        for (String pair : s.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--query-events expects QUERY=N, got '" + pair + "'");
            }
            m.put(Query.parse(pair.substring(0, eq)), OptionValues.count(pair.substring(eq + 1)));
        }
        return m;
    }
}
