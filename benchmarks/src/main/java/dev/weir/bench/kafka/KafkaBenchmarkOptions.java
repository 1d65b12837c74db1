package dev.weir.bench.kafka;

import dev.weir.bench.OptionValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka benchmark's command line, parsed and validated once (the style of
 * {@link dev.weir.bench.BenchmarkOptions}).
 *
 * @param bootstrap       Kafka bootstrap servers
 * @param events          input records of the throughput runs
 * @param keys            distinct keys
 * @param partitions      partitions of every topic
 * @param commitInterval  offset (ALO) or transaction (EOS) commit interval of the Kafka-client processors (the
 *                        ceiling and the hand-written count)
 * @param checkpointInterval Weir's checkpoint interval (snapshot + commit); default Weir's own default
 * @param warmupEvents    records of one unmeasured run per processor, mode and parallelism before its measured runs
 *                        (0: none): the processors share one JVM, and the first to run would otherwise run cold
 * @param parallelisms    task counts each throughput run is measured with; the best is reported
 * @param latencyFractions input rates of the latency runs, as fractions of the processor's best throughput (at
 *                        most the producer-only ceiling); the first is the one the targets are checked at
 * @param latencyWarmup   latency runs: time at the start that is not measured
 * @param latencyMeasure  latency runs: measured time
 * @param timeout         longest wait of a run for its processor
 * @param subjects        ids of the {@link Subjects} to measure besides the ceiling
 * @param out             markdown file whose Kafka section is replaced; empty: print the markdown
 * @param keepTopics      keep the benchmark's topics (default: deleted after each run)
 */
public record KafkaBenchmarkOptions(String bootstrap, long events, int keys, int partitions, Duration commitInterval,
                                    Duration checkpointInterval, long warmupEvents, List<Integer> parallelisms,
                                    List<Double> latencyFractions, Duration latencyWarmup,
                                    Duration latencyMeasure, Duration timeout, List<String> subjects,
                                    Optional<Path> out, boolean keepTopics) {

    public static final String USAGE = """
            usage: KafkaBenchmark [options]
              --bootstrap HOST:PORT   Kafka (default: WEIR_KAFKA_BOOTSTRAP, else 127.0.0.1:19092)
              --events N              input records of the throughput runs (default 5M; accepts 5M, 200k, 5_000_000)
              --keys N                distinct keys (default 10,000)
              --partitions N          partitions of every topic (default 12)
              --commit-interval D     commit interval of the Kafka-client processors: the ceiling and the
                                      hand-written count (default 100ms; units ms, s)
              --checkpoint-interval D Weir's checkpoint interval (default 2s, Weir's own default)
              --warmup-events N       records of one unmeasured run per processor, mode and parallelism
                                      before its measured runs (default 1M; 0 for none)
              --parallelism LIST      task counts to measure, best reported (default 1,2)
              --latency-fraction LIST latency runs: input rates as fractions of the best throughput, at most the
                                      producer-only ceiling (default 0.5,0.1; 50% also works); targets use the first
              --latency-warmup D      latency runs: unmeasured start (default 3s)
              --latency-duration D    latency runs: measured time (default 7s)
              --timeout D             longest wait for one run (default 300s)
              --subjects LIST         processors to compare with the ceiling, or none (default: all registered:
                                      kafka-count, the hand-written Kafka tumbling count;
                                      weir-count, Weir's keyed tumbling count (heap state, key-by by
                                      source partitions: no shuffle);
                                      weir-count-rocksdb, the same with RocksDB state and S3
                                      checkpoints (needs the WEIR_S3_* settings of dev/s3.sh env);
                                      weir-count-engine-decode, weir-count decoding its input on the
                                      engine thread (decodeAhead false);
                                      weir-count-shuffle, weir-count with a hash key-by, which shuffles
                                      through Kafka at parallelism > 1)
              --out FILE              replace the Kafka section of FILE (e.g. docs/benchmarks.md);
                                      default: print the markdown to stdout
              --keep-topics           keep the benchmark's topics (default: delete them)
              --help                  print this help
            """;

    public KafkaBenchmarkOptions {
        if (events < 1 || keys < 1 || keys > EventCodec.MAX_KEYS || partitions < 1) {
            throw new IllegalArgumentException("--events and --partitions must be >= 1, --keys in [1, "
                    + EventCodec.MAX_KEYS + "]");
        }
        if (parallelisms.isEmpty() || parallelisms.stream().anyMatch(p -> p < 1 || p > partitions)) {
            throw new IllegalArgumentException("--parallelism values must be in [1, partitions]");
        }
        if (latencyFractions.isEmpty() || latencyFractions.stream().anyMatch(f -> !(f > 0 && f <= 1))) {
            throw new IllegalArgumentException("--latency-fraction values must be in (0, 1]");
        }
        if (warmupEvents < 0) {
            throw new IllegalArgumentException("--warmup-events must be >= 0");
        }
        for (Duration d : List.of(commitInterval, checkpointInterval, latencyMeasure, timeout)) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
        if (latencyWarmup.isNegative()) {
            throw new IllegalArgumentException("--latency-warmup must be >= 0");
        }
        parallelisms = List.copyOf(parallelisms);
        latencyFractions = List.copyOf(latencyFractions);
        subjects = List.copyOf(subjects);
        subjects.forEach(Subjects::byId);
    }

    public static KafkaBenchmarkOptions defaults() {
        return new KafkaBenchmarkOptions(KafkaClients.DEFAULT_BOOTSTRAP, 5_000_000, EventStream.STANDARD_KEYS, 12,
                Duration.ofMillis(100), dev.weir.runtime.graph.PipelineOptions.DEFAULT_CHECKPOINT_INTERVAL, 1_000_000,
                List.of(1, 2), List.of(0.5, 0.1), Duration.ofSeconds(3), Duration.ofSeconds(7),
                Duration.ofSeconds(300), Subjects.ALL.stream().map(Subjects.Subject::id).toList(), Optional.empty(),
                false);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    public static KafkaBenchmarkOptions parse(String... args) {
        KafkaBenchmarkOptions d = defaults();
        String bootstrap = d.bootstrap;
        long events = d.events;
        long keys = d.keys;
        long partitions = d.partitions;
        Duration commit = d.commitInterval;
        Duration checkpoint = d.checkpointInterval;
        long warmupEvents = d.warmupEvents;
        List<Integer> parallelisms = d.parallelisms;
        List<Double> fractions = d.latencyFractions;
        Duration warmup = d.latencyWarmup;
        Duration measure = d.latencyMeasure;
        Duration timeout = d.timeout;
        List<String> subjects = d.subjects;
        Optional<Path> out = d.out;
        boolean keep = d.keepTopics;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bootstrap" -> bootstrap = OptionValues.value(args, ++i, a);
                case "--events" -> events = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--keys" -> keys = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--partitions" -> partitions = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--commit-interval" -> commit = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--checkpoint-interval" -> checkpoint = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--warmup-events" -> warmupEvents = OptionValues.count(OptionValues.value(args, ++i, a));
                case "--parallelism" -> parallelisms = parseInts(OptionValues.value(args, ++i, a));
                case "--latency-fraction" -> fractions = OptionValues.list(OptionValues.value(args, ++i, a)).stream()
                        .map(OptionValues::fraction).toList();
                case "--latency-warmup" -> warmup = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--latency-duration" -> measure = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--timeout" -> timeout = OptionValues.duration(OptionValues.value(args, ++i, a));
                case "--subjects" -> subjects = parseSubjects(OptionValues.value(args, ++i, a));
                case "--out" -> out = Optional.of(Path.of(OptionValues.value(args, ++i, a)));
                case "--keep-topics" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (keys > EventCodec.MAX_KEYS || partitions > 10_000) {
            throw new IllegalArgumentException("--keys must be at most " + EventCodec.MAX_KEYS
                    + " and --partitions at most 10000");
        }
        return new KafkaBenchmarkOptions(bootstrap, events, (int) keys, (int) partitions, commit, checkpoint,
                warmupEvents, parallelisms,
                fractions, warmup, measure, timeout, subjects, out, keep);
    }

    /** A comma-separated list of subject ids, or {@code none}. */
    private static List<String> parseSubjects(String s) {
        return s.trim().equals("none") ? List.of() : OptionValues.list(s);
    }

    private static List<Integer> parseInts(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : OptionValues.list(s)) {
            long n = OptionValues.count(p);
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too large: " + p);
            }
            out.add((int) n);
        }
        return out;
    }
}
