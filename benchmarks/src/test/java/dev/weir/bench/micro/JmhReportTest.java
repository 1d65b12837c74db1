package dev.weir.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weir.bench.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH JSON of a real (tiny, in-process: no fork) run of two watermark benchmarks with the GC and CPU time
 * profilers, parsed and rendered as markdown.
 */
class JmhReportTest {
    @TempDir
    static Path dir;
    static Path json;
    static List<JmhResult> results;

    @BeforeAll
    static void runTwoBenchmarksBriefly() throws Exception {
        json = dir.resolve("jmh-result.json");
        new Runner(new OptionsBuilder()
                .include(WatermarkBenchmark.class.getName() + ".(generatorPeriodic|combineMinOverInputs)")
                .param("inputs", "16")
                .param("idle", "half")
                .forks(0)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(100))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON).result(json.toString())
                .build()).run();
        results = JmhResult.read(json);
    }

    @Test
    void realResultFileIsParsedWithParamsScoresAndAllocation() {
        assertThat(results).extracting(JmhResult::method).containsExactly("combineMinOverInputs", "generatorPeriodic");
        JmhResult combine = results.get(0);
        assertThat(combine.className()).isEqualTo("WatermarkBenchmark");
        assertThat(combine.params()).containsExactly(Map.entry("idle", "half"), Map.entry("inputs", "16"));
        assertThat(results.get(1).params()).isEmpty();
        for (JmhResult r : results) {
            assertThat(r.mode()).isEqualTo("avgt");
            assertThat(r.scoreUnit()).isEqualTo("ns/op");
            assertThat(r.score()).isPositive().isLessThan(1e6);
            assertThat(r.scoreError()).isFinite();
            assertThat(r.allocBytesPerOp()).isPresent();
            assertThat(r.secondary(CpuTimeProfiler.CPU_PER_OP).orElseThrow()).isPositive().isFinite();
            assertThat(r.secondary(CpuTimeProfiler.CPU_SHARE).orElseThrow()).isPositive().isFinite();
            assertThat(r.run().measurementIterations()).isEqualTo(3);
            assertThat(r.iterations()).hasSize(3);
            assertThat(r.bestIteration().orElseThrow()).isEqualTo(r.iterations().stream().mapToDouble(d -> d).min()
                    .orElseThrow()).isLessThanOrEqualTo(r.score());
            assertThat(r.run().jmhVersion()).isEqualTo("1.37");
        }
    }

    @Test
    void tableHasARowPerRunWithScoreRateAndAllocation() {
        String md = JmhReport.render(results, Environment.current(), "1.00 / 1.00 / 1.00",
                Instant.parse("2026-11-26T06:00:00Z"), "benchmarks/jmh-run.sh --quick");
        assertThat(md).startsWith(JmhReport.BEGIN).endsWith(JmhReport.END + "\n")
                .contains("## Microbenchmarks (JMH)", "### Watermark propagation (`WatermarkBenchmark`)",
                        "Generated 2026-11-26T06:00:00Z by `benchmarks/jmh-run.sh --quick`",
                        "warmup 1 × 100 ms, measurement 3 × 100 ms", "load average over 1 / 5 / 15 min");
        JmhResult periodic = results.get(1);
        String rate = JmhReport.rate(1e9 / periodic.score());
        assertThat(md).contains("| `combineMinOverInputs` | idle=half, inputs=16 | ")
                .contains("| `generatorPeriodic` | – | " + JmhReport.decimal(periodic.score()) + " ± "
                        + JmhReport.decimal(periodic.scoreError()) + " ns/op | "
                        + JmhReport.decimal(periodic.bestIteration().orElseThrow()) + " | "
                        + JmhReport.decimal(periodic.secondary(CpuTimeProfiler.CPU_PER_OP).orElseThrow()) + " | ")
                .contains(" | " + rate + " | ");
    }

    @Test
    void updateReplacesOnlyTheSectionAndKeepsTheNotesAfterIt() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\nprose\n\n" + JmhReport.BEGIN + "\nold table\n" + JmhReport.END
                + "\n\n### Notes\n\nhand-written\n");
        String section = JmhReport.render(results, Environment.current(), "0 / 0 / 0", Instant.now(), "x");
        JmhReport.update(doc, section);
        String text = Files.readString(doc);
        assertThat(text).startsWith("# Benchmarks\n\nprose\n\n" + section).endsWith("\n### Notes\n\nhand-written\n")
                .doesNotContain("old table");
    }

    @Test
    void ratesFollowTheScoreUnit() {
        JmhResult.RunSettings run = results.get(0).run();
        assertThat(JmhReport.opsPerSecond(result(2, "ns/op", run)).orElseThrow()).isCloseTo(5e8, within(1.0));
        assertThat(JmhReport.opsPerSecond(result(4, "us/op", run)).orElseThrow()).isCloseTo(250_000, within(1e-3));
        assertThat(JmhReport.opsPerSecond(result(3, "ops/ms", run)).orElseThrow()).isCloseTo(3000, within(1e-6));
        assertThat(JmhReport.opsPerSecond(result(3, "B/op", run))).isEmpty();
        assertThat(JmhReport.decimal(2.393)).isEqualTo("2.39");
        assertThat(JmhReport.decimal(34.04)).isEqualTo("34.0");
        assertThat(JmhReport.decimal(8356.2)).isEqualTo("8,356");
        assertThat(JmhReport.rate(4.18e8)).isEqualTo("418 M");
        assertThat(JmhReport.bytes(0.015)).isEqualTo("0");
        assertThat(JmhReport.bytes(1136.5)).isEqualTo("1,137");
    }

    private static JmhResult result(double score, String unit, JmhResult.RunSettings run) {
        return new JmhResult("a.B.c", "avgt", Map.of(), score, 0.1, unit, List.of(score), Map.of(), run);
    }
}
