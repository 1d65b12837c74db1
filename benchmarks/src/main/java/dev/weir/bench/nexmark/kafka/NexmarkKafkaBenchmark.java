package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.Environment;
import dev.weir.bench.Format;
import dev.weir.bench.GeneratedSection;
import dev.weir.bench.OptionValues;
import dev.weir.bench.kafka.KafkaClients;
import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.Engine;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.NexmarkReport;
import dev.weir.bench.nexmark.RunClock;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Nexmark harness, Kafka mode: loads the generated events into a one-partition topic of the broker once, then
 * per query, delivery guarantee and engine runs the query from that topic to a fresh output topic
 * ({@link KafkaModeRun}); every output's checksum must equal the in-process Weir result on the same events (exit 1
 * otherwise). Writes a Markdown section and CSV rows like the in-process mode.
 */
public final class NexmarkKafkaBenchmark {
    static final String BEGIN = "<!-- nexmark-kafka-benchmark:begin";
    static final String END = "<!-- nexmark-kafka-benchmark:end -->";
    static final String USAGE = """
            usage: NexmarkKafkaBenchmark [options]   (Kafka mode: input topic -> processor -> output topic)
              --bootstrap HOST:PORT  the broker (default WEIR_KAFKA_BOOTSTRAP or 127.0.0.1:19092)
              --events N             input events (default 2M)
              --queries LIST         default q0,q1,q2,q3,q4,q5,q7,q8
              --engines LIST         weir,flink,kafka-streams (default all three)
              --deliveries LIST      alo,eos (default both)
              --latency-fraction F   latency runs' input rate: F x the query's slowest measured throughput (default
                                     0.5; 0: no latency runs), at most --latency-max-rate records/s (default 50k)
              --latency-seconds S    latency runs' paced input lasts about S seconds (default 8; at most --events)
              --latency-rate LIST    fixed latency input rate instead of the fraction: N for every query, or
                                     per query q5=6k,q8=50k (a query not listed keeps the fraction's rate)
              --latency-event-seconds S
                                     event time the paced events of a latency run span (default 100, ten of the
                                     largest windows, so windows close while the input runs): the latency input has
                                     paced events / S events per second of event time (at most the standard 100k;
                                     0: always 100k); throughput runs keep the standard 100k
              --latency-only         no throughput runs (and no input load): latency runs at --latency-rate, or
                                     --latency-max-rate for a query without one
              --out FILE             replace the generated Nexmark Kafka section of FILE
              --csv FILE             append one row per run
              --commit ID            the commit measured (default unknown)
            Exit codes: 0 ok, 1 an output's checksum differs from the in-process result, 2 bad options, 3 a failure.
            """;

    private NexmarkKafkaBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        String bootstrap = KafkaClients.DEFAULT_BOOTSTRAP;
        long events = 2_000_000;
        List<NexmarkQuery> queries = List.of(NexmarkQuery.values());
        List<KafkaEngine> engines = List.of(KafkaEngine.values());
        List<Delivery> deliveries = List.of(Delivery.values());
        Optional<Path> outFile = Optional.empty();
        Optional<Path> csv = Optional.empty();
        String commit = "unknown";
        double latencyFraction = 0.5;
        double latencyMaxRate = 50_000;
        double latencySeconds = 8;
        double latencyEventSeconds = 100;
        Map<NexmarkQuery, Double> latencyRates = new LinkedHashMap<>();
        Double latencyRate = null;
        boolean latencyOnly = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--latency-only")) {
                    latencyOnly = true;
                    continue;
                }
                String v = OptionValues.value(args, ++i, a);
                switch (a) {
                    case "--bootstrap" -> bootstrap = v;
                    case "--events" -> events = OptionValues.count(v);
                    case "--queries" -> queries = OptionValues.list(v).stream().map(NexmarkQuery::parse).toList();
                    case "--engines" -> engines = OptionValues.list(v).stream().map(KafkaEngine::parse).toList();
                    case "--deliveries" -> deliveries = OptionValues.list(v).stream().map(Delivery::parse).toList();
                    case "--out" -> outFile = Optional.of(Path.of(v));
                    case "--csv" -> csv = Optional.of(Path.of(v));
                    case "--commit" -> commit = v;
                    case "--latency-fraction" -> latencyFraction = OptionValues.fraction(v);
                    case "--latency-max-rate" -> latencyMaxRate = OptionValues.count(v);
                    case "--latency-seconds" -> latencySeconds = Double.parseDouble(v);
                    case "--latency-event-seconds" -> latencyEventSeconds = Double.parseDouble(v);
                    case "--latency-rate" -> {
                        for (String item : OptionValues.list(v)) {
                            int eq = item.indexOf('=');
                            if (eq < 0) {
                                latencyRate = (double) OptionValues.count(item);
                            } else {
                                latencyRates.put(NexmarkQuery.parse(item.substring(0, eq)),
                                        (double) OptionValues.count(item.substring(eq + 1)));
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Instant started = Instant.now();
            Map<NexmarkQuery, Checksum> expected = new LinkedHashMap<>();
            List<KafkaRunRecord> runs = new ArrayList<>();
            List<LatencyRecord> latencies = new ArrayList<>();
            NexmarkGenerator generator = NexmarkGenerator.standard(events);
            String runId = Long.toString(System.currentTimeMillis(), 36);
            boolean agree = true;
            try (NexmarkTopics topics = new NexmarkTopics(bootstrap, runId)) {
                String input = null;
                if (!latencyOnly) {
                    long loadStart = System.nanoTime();
                    input = topics.loadInput(generator);
                    err.printf("loaded %s events into %s in %.1f s%n", Format.count(events), input,
                            (System.nanoTime() - loadStart) / 1e9);
                }
                for (NexmarkQuery q : latencyOnly ? List.<NexmarkQuery>of() : queries) {
                    RunClock.reset();
                    Checksum reference = Engine.WEIR.run(q, generator, "reference");
                    expected.put(q, reference);
                    for (Delivery d : deliveries) {
                        for (KafkaEngine e : engines) {
                            if (!e.supports(q)) {
                                continue;
                            }
                            KafkaRunRecord r = KafkaModeRun.run(topics, input, events, e, q, d);
                            boolean same = r.checksum().equals(reference);
                            agree &= same;
                            err.printf("%s %s %s: %s events/s, close %.2f s, checksum %s%s%n", q, e, d,
                                    Format.rate(r.eventsPerSecond()), r.closeNanos() / 1e9, r.checksum(),
                                    same ? "" : " DIFFERS from in-process " + reference);
                            runs.add(r);
                        }
                    }
                }
                if (latencyFraction > 0 || latencyOnly) {
                    for (NexmarkQuery q : queries) {
                        double rate = latencyRate(q, runs, latencyRates, latencyRate, latencyOnly, latencyFraction,
                                latencyMaxRate);
                        long n = Math.min(events, Math.max(10_000, Math.round(rate * latencySeconds * 1.25)));
                        NexmarkGenerator g = NexmarkGenerator.withEventRate(n,
                                latencyEventRate(n - n / 5, latencyEventSeconds));
                        RunClock.reset();
                        Checksum reference = Engine.WEIR.run(q, g, "reference");
                        for (Delivery d : deliveries) {
                            for (KafkaEngine e : engines) {
                                if (!e.supports(q)) {
                                    continue;
                                }
                                LatencyRecord l = LatencyRun.run(topics, g, LatencyAttribution.of(q, g), e, q, d,
                                        rate, n / 5, reference);
                                boolean same = l.sameResult();
                                agree &= same;
                                err.printf("%s %s %s latency at %s/s (%d events/s of event time): p50 %.1f ms, p99"
                                                + " %.1f ms, max %.1f ms (%d rows measured; %d at the end mark, max"
                                                + " %.1f ms), checksum %s%s%n", q, e, d, Format.rate(rate),
                                        g.eventsPerSecond(), l.latency().p50Millis(), l.latency().p99Millis(),
                                        l.latency().maxMillis(), l.latency().count(), l.endOfInput().count(),
                                        l.endOfInput().maxMillis(), l.checksum(),
                                        same ? "" : " DIFFERS from in-process " + reference);
                                latencies.add(l);
                            }
                        }
                    }
                }
            }
            Environment env = Environment.current();
            String section = markdown(started, commit, events, bootstrap, env, runs, expected)
                    + NexmarkLatencyReport.markdown(latencies, latencyFraction, latencyMaxRate, latencySeconds,
                    latencyEventSeconds)
                    + END + "\n";
            if (outFile.isPresent()) {
                GeneratedSection.update(outFile.get(), BEGIN, END, section);
            } else {
                out.print(section);
            }
            if (csv.isPresent()) {
                appendCsv(csv.get(), started, commit, env, runs, latencies);
            }
            return agree ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace(err);
            return 3;
        }
    }

    /**
     * A latency run's input rate for {@code q}: the one given for it, else the one given for every query, else (not
     * {@code latencyOnly}) {@code fraction} of the slowest throughput measured on it, at most {@code maxRate}.
     */
    static double latencyRate(NexmarkQuery q, List<KafkaRunRecord> runs, Map<NexmarkQuery, Double> perQuery,
                              Double all, boolean latencyOnly, double fraction, double maxRate) {
        if (perQuery.containsKey(q)) {
            return perQuery.get(q);
        } else if (all != null) {
            return all;
        } else if (latencyOnly) {
            return maxRate;
        }
        double slowest = runs.stream().filter(r -> r.query() == q)
                .mapToDouble(KafkaRunRecord::eventsPerSecond).min().orElse(maxRate);
        return Math.min(fraction * slowest, maxRate);
    }

    /**
     * Events per second of event time for a latency input whose paced part has {@code pacedEvents}, so that it
     * spans {@code eventSeconds} of event time: at least 1, at most the standard rate (also for
     * {@code eventSeconds} 0).
     */
    static long latencyEventRate(long pacedEvents, double eventSeconds) {
        if (eventSeconds <= 0) {
            return NexmarkGenerator.STANDARD_EVENTS_PER_SECOND;
        }
        return Math.max(1, Math.min(NexmarkGenerator.STANDARD_EVENTS_PER_SECOND,
                Math.round(pacedEvents / eventSeconds)));
    }

    static String markdown(Instant when, String commit, long events, String bootstrap, Environment env,
                           List<KafkaRunRecord> runs, Map<NexmarkQuery, Checksum> expected) {
        StringBuilder s = new StringBuilder();
        s.append(BEGIN).append(" (generated by dev.weir.bench.nexmark.kafka.NexmarkKafkaBenchmark; edits up to the"
                + " end marker are overwritten) -->\n\n");
        s.append("Generated ").append(when.truncatedTo(ChronoUnit.SECONDS)).append(" on commit `").append(commit)
                .append("`: ").append(Format.count(events)).append(" events in one partition of ")
                .append(bootstrap).append("; ").append(env.cpuModel()).append(", ").append(env.onlineCpus())
                .append(" CPUs shared by the broker and the harness JVM (not pinned); JVM options `")
                .append(String.join(" ", env.jvmArguments().stream().filter(a -> !a.startsWith("--add-opens"))
                        .toList())).append("` (and Flink's `--add-opens`).\n\n");
        s.append("| query | engine | delivery | events/s | close s | peak heap MB | peak RSS MB | output rows |"
                + " = in-process result |\n");
        s.append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (KafkaRunRecord r : runs) {
            s.append("| ").append(r.query().id()).append(" | ").append(r.engine().id()).append(" | ")
                    .append(r.delivery().id()).append(" | ").append(Format.rate(r.eventsPerSecond())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", r.closeNanos() / 1e9)).append(" | ")
                    .append(Format.mebibytes(r.peakHeapBytes())).append(" | ")
                    .append(r.peakRssBytes() < 0 ? "–" : Format.mebibytes(r.peakRssBytes())).append(" | ")
                    .append(Format.count(r.checksum().rows())).append(" | ")
                    .append(r.checksum().equals(expected.get(r.query())) ? "yes" : "**NO**").append(" |\n");
        }
        return s.toString();
    }

    static void appendCsv(Path csv, Instant when, String commit, Environment env, List<KafkaRunRecord> runs,
                          List<LatencyRecord> latencies) throws Exception {
        NexmarkReport.ensureCsvHeader(csv);
        List<String> lines = new ArrayList<>();
        String machine = NexmarkReport.machine(env);
        for (KafkaRunRecord r : runs) {
            Optional<LatencyRecord> latency = latencies.stream().filter(l -> l.engine() == r.engine()
                    && l.query() == r.query() && l.delivery() == r.delivery()).findFirst();
            lines.add(String.join(",", when.truncatedTo(ChronoUnit.SECONDS).toString(), commit, "\"" + machine + "\"",
                    "kafka-" + r.delivery().id(), r.query().id(), r.engine().id(), Long.toString(r.events()),
                    Long.toString(Math.round(r.eventsPerSecond())), latency.map(l -> millis(l.latency().p50Millis()))
                            .orElse(""), latency.map(l -> millis(l.latency().p99Millis())).orElse(""),
                    Long.toString(Format.mebibytes(r.peakHeapBytes())),
                    r.peakRssBytes() < 0 ? "" : Long.toString(Format.mebibytes(r.peakRssBytes())),
                    r.checksum().toString(), latency.map(l -> millis(l.latency().maxMillis())).orElse(""),
                    latency.map(l -> Long.toString(Math.round(l.rate()))).orElse(""),
                    latency.map(l -> Long.toString(l.latency().count())).orElse("")));
        }
        Files.write(csv, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
