package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaReportTest {
    private static final Environment ENV = new Environment("Test CPU", 2, 2, "0-1", "Test VM 17",
            List.of("-Xmx1g"), List.of("G1 Young Generation"), 1L << 30);
    private static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");

    @TempDir
    Path dir;

    private static ThroughputResult run(String subject, DeliveryMode mode, int p, double perSecond) {
        long records = 1_000_000;
        OptionalLong outputs = subject.equals(KafkaResults.CONSUMER_ONLY) || subject.equals(KafkaResults.PRODUCER_ONLY)
                ? OptionalLong.empty() : OptionalLong.of(records);
        return new ThroughputResult(subject, mode, p, records, (long) (records * 1e9 / perSecond), 5_000_000,
                outputs, OutputCheck.exactly(records, "input"), 300L << 20, OptionalLong.of(400L << 20),
                Optional.of(new CpuUse(1.2, 0.6, 0.05)));
    }

    private static LatencyResult latency(String subject, DeliveryMode mode, double p99) {
        return latency(subject, mode, 0.5, p99);
    }

    private static LatencyResult latency(String subject, DeliveryMode mode, double fraction, double p99) {
        return new LatencyResult(subject, mode, 2, fraction, 100_000,
                new InputLoader.Paced(1_500_000, 0, 15_000_000_000L, 20), 1_500_000,
                OutputCheck.atLeast(1_500_000, "input"), new LatencySummary(1_000_000, 3.0, 5.0, p99, 30.0, 42.0),
                Optional.empty());
    }

    private static KafkaResults results() {
        return new KafkaResults(run(KafkaResults.PRODUCER_ONLY, DeliveryMode.AT_LEAST_ONCE, 1, 400_000),
                List.of(run(KafkaResults.CONSUMER_ONLY, DeliveryMode.AT_LEAST_ONCE, 1, 900_000),
                        run(KafkaResults.RAW_FORWARD, DeliveryMode.AT_LEAST_ONCE, 1, 150_000),
                        run(KafkaResults.RAW_FORWARD, DeliveryMode.AT_LEAST_ONCE, 2, 200_000),
                        run(KafkaResults.RAW_FORWARD, DeliveryMode.EXACTLY_ONCE, 1, 140_000),
                        run(KafkaResults.RAW_FORWARD, DeliveryMode.EXACTLY_ONCE, 2, 180_000)),
                List.of(latency(KafkaResults.RAW_FORWARD, DeliveryMode.AT_LEAST_ONCE, 12.0),
                        latency(KafkaResults.RAW_FORWARD, DeliveryMode.EXACTLY_ONCE, 110.0),
                        latency(KafkaResults.RAW_FORWARD, DeliveryMode.AT_LEAST_ONCE, 0.1, 4.0)));
    }

    private static String render(KafkaResults results, List<String> subjects) {
        return KafkaReport.render(KafkaBenchmarkOptions.defaults(), ENV, results, AT,
                "benchmarks/kafka-run.sh --out docs/benchmarks.md", subjects);
    }

    @Test
    void bestParallelismIsReportedPerMode() {
        KafkaResults r = results();

        assertThat(r.best(KafkaResults.RAW_FORWARD, DeliveryMode.AT_LEAST_ONCE).get().parallelism()).isEqualTo(2);
        assertThat(r.best(KafkaResults.RAW_FORWARD, DeliveryMode.EXACTLY_ONCE).get().recordsPerSecond())
                .isEqualTo(180_000, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void ceilingRowShowsBestRatesEosOverheadAndP99() {
        String md = render(results(), List.of(Subjects.WEIR_LABEL));

        assertThat(md).startsWith(KafkaReport.BEGIN).endsWith(KafkaReport.END + "\n");
        assertThat(md).contains("Generated 2026-11-26T00:00:00Z by `benchmarks/kafka-run.sh --out docs/benchmarks.md`");
        assertThat(md).contains("| ALO p99 ms at 50.0% | EOS p99 ms at 50.0% |");
        assertThat(md).contains("commit interval 100 ms (Kafka-client processors), Weir checkpoint interval 2000 ms");
        assertThat(md).contains("| raw consume→produce (the ceiling) | 100 ms | 200.0 k (p2) | 180.0 k (p2) | 10.0% | 100.0% "
                + "| 12.0 | 110.0 | – |");
    }

    @Test
    void weirRowsArePendingUntilItRuns() {
        String md = render(results(), List.of(Subjects.WEIR_LABEL));

        assertThat(md).contains("| Weir keyed tumbling count | 2000 ms | " + KafkaReport.PENDING);
        assertThat(md).contains("| Weir keyed tumbling count | ALO | 1,2 | 2000 ms | " + KafkaReport.PENDING);
        assertThat(md).contains("| Weir keyed tumbling count | EOS | | 2000 ms | 50.0% | " + KafkaReport.PENDING);
        assertThat(md).contains("| Weir keyed tumbling count | ALO | | 2000 ms | 10.0% | " + KafkaReport.PENDING);
    }

    @Test
    void subjectIsComparedWithTheCeilingAndItsTargets() {
        KafkaResults base = results();
        List<ThroughputResult> runs = new java.util.ArrayList<>(base.throughput());
        runs.add(run("Weir", DeliveryMode.AT_LEAST_ONCE, 2, 120_000));
        runs.add(run("Weir", DeliveryMode.EXACTLY_ONCE, 2, 90_000));
        List<LatencyResult> lat = new java.util.ArrayList<>(base.latency());
        lat.add(latency("Weir", DeliveryMode.AT_LEAST_ONCE, 25.0));

        String md = render(new KafkaResults(base.producer(), runs, lat), List.of("Weir"));

        assertThat(md).contains("| Weir | 100 ms | 120.0 k (p2) | 90.0 k (p2) | 25.0% | 60.0% | 25.0 | – | "
                + "≥ 50% of ceiling: met; EOS overhead ≤ 20%: NOT met; ALO p99 < 20 ms at 50.0%: NOT met |");
    }

    @Test
    void throughputAndLatencyRowsCarryTheirNumbers() {
        String md = render(results(), List.of());

        assertThat(md).contains("| producer only (input load) | acks=all | 1 | – | 400.0 k | 40.0 | 2.50 | 5 | – | – "
                + "| 300 | 400 | 1.20 / 0.60 / 0.05 |");
        assertThat(md).contains("| consumer only | read_uncommitted | 1 | – | 900.0 k | 90.0 |");
        assertThat(md).contains("| raw consume→produce | EOS | 2 | 100 ms | 180.0 k | 18.0 | 5.56 | 5 | 1,000,000 "
                + "| ok (= input) | 300 | 400 |");
        assertThat(md).contains("| raw consume→produce | ALO | 2 | 100 ms | 50.0% | 100.0 k | 100.0 k | 0.2 | 1,000,000 | 3.0 "
                + "| 5.0 | 12.0 | 30.0 | 42.0 | ok (>= input) | – |");
        assertThat(md).contains("| raw consume→produce | ALO | 2 | 100 ms | 10.0% | 100.0 k | 100.0 k | 0.2 | 1,000,000 | 3.0 "
                + "| 5.0 | 4.0 |");
    }

    @Test
    void latencyRateIsAFractionOfTheSmallerOfProcessorAndProducer() {
        ThroughputResult producer = run(KafkaResults.PRODUCER_ONLY, DeliveryMode.AT_LEAST_ONCE, 1, 400_000);

        assertThat(KafkaBenchmark.latencyRate(run("slow", DeliveryMode.AT_LEAST_ONCE, 2, 200_000), producer, 0.5))
                .isCloseTo(100_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(KafkaBenchmark.latencyRate(run("fast", DeliveryMode.AT_LEAST_ONCE, 2, 1_000_000), producer, 0.5))
                .isCloseTo(200_000, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void updateReplacesOnlyTheKafkaSectionAndKeepsTheEngineSection() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        String engine = "<!-- engine-benchmark:begin (generated) -->\nengine\n<!-- engine-benchmark:end -->\n";
        Files.writeString(doc, "# B\n\n" + engine + "\nprose\n\n" + KafkaReport.BEGIN + "\nold\n" + KafkaReport.END
                + "\n\nafter\n");

        KafkaReport.update(doc, KafkaReport.BEGIN + "\nnew\n" + KafkaReport.END + "\n");

        assertThat(Files.readString(doc)).isEqualTo("# B\n\n" + engine + "\nprose\n\n" + KafkaReport.BEGIN
                + "\nnew\n" + KafkaReport.END + "\n\nafter\n");
    }

    @Test
    void updateAppendsTheSectionToADocumentWithoutOne() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# B\n");

        KafkaReport.update(doc, "SECTION\n");

        assertThat(Files.readString(doc)).isEqualTo("# B\n\nSECTION\n");
    }
}
