package dev.weir.bench.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.bench.state.StateBenchmarkOptions.Backend;
import dev.weir.bench.state.StateBenchmarkOptions.Part;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateBenchmarkOptionsTest {
    @Test
    void defaultsAreTheIssuesWorkload() {
        StateBenchmarkOptions o = StateBenchmarkOptions.parse();

        assertThat(o.parts()).containsExactly(Part.THROUGHPUT, Part.CHECKPOINT, Part.RECOVERY, Part.SAVEPOINT);
        assertThat(o.keys()).isEqualTo(10_000_000);
        assertThat(o.events()).isEqualTo(10_000_000);
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(540));
        assertThat(o.throughputRuns()).containsExactly(new ThroughputSpec(Backend.ROCKSDB, 512L << 20),
                new ThroughputSpec(Backend.HEAP, 512L << 20), new ThroughputSpec(Backend.HEAP, 8L << 30));
        assertThat(o.stateKeys()).isEqualTo(10_000_000);
        assertThat(o.valueBytes()).isEqualTo(100);
        assertThat(o.updateFraction()).isEqualTo(0.01);
        assertThat(o.updatedKeys()).isEqualTo(100_000);
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.settle()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.processRecovery()).isTrue();
        assertThat(o.keepObjects()).isFalse();
        assertThat(o.out()).isEmpty();
    }

    @Test
    void parsesEveryOption() {
        StateBenchmarkOptions o = StateBenchmarkOptions.parse("--parts", "checkpoint,recovery", "--keys", "1M",
                "--events", "3_000_000", "--runs", "heap:1g, rocksdb:256m", "--jvm-opts", " -XX:+UseSerialGC  -Xss1m",
                "--timeout", "2m", "--block-cache", "128m", "--write-buffer", "32m", "--state-keys", "200k",
                "--value-bytes", "64", "--update-fraction", "5%", "--rounds", "3", "--settle", "0", "--no-process-recovery",
                "--work-dir", "/var/tmp/x", "--keep-objects", "--out", "docs/benchmarks.md");

        assertThat(o.parts()).containsExactly(Part.CHECKPOINT, Part.RECOVERY);
        assertThat(o.keys()).isEqualTo(1_000_000);
        assertThat(o.events()).isEqualTo(3_000_000);
        assertThat(o.throughputRuns()).containsExactly(new ThroughputSpec(Backend.HEAP, 1L << 30),
                new ThroughputSpec(Backend.ROCKSDB, 256L << 20));
        assertThat(o.jvmOptions()).containsExactly("-XX:+UseSerialGC", "-Xss1m");
        assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.blockCacheBytes()).isEqualTo(128L << 20);
        assertThat(o.writeBufferBytes()).isEqualTo(32L << 20);
        assertThat(o.stateKeys()).isEqualTo(200_000);
        assertThat(o.valueBytes()).isEqualTo(64);
        assertThat(o.updateFraction()).isEqualTo(0.05);
        assertThat(o.updatedKeys()).isEqualTo(10_000);
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.settle()).isZero();
        assertThat(o.processRecovery()).isFalse();
        assertThat(o.workDir()).isEqualTo(Path.of("/var/tmp/x"));
        assertThat(o.keepObjects()).isTrue();
        assertThat(o.out()).contains(Path.of("docs/benchmarks.md"));
    }

    @Test
    void eventsDefaultToTheKeys() {
        assertThat(StateBenchmarkOptions.parse("--keys", "200k").events()).isEqualTo(200_000);
        assertThat(StateBenchmarkOptions.parse("--events", "5", "--keys", "200k").events()).isEqualTo(5);
    }

    @Test
    void allMeansEveryPart() {
        assertThat(StateBenchmarkOptions.parse("--parts", "all").parts()).hasSize(4);
        assertThat(StateBenchmarkOptions.parse("--parts", "checkpoint,savepoint").parts())
                .containsExactly(Part.CHECKPOINT, Part.SAVEPOINT);
        assertThat(StateBenchmarkOptions.parse("--parts", "throughput").parts()).containsExactly(Part.THROUGHPUT);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--parts", "recovery"))
                .hasMessageContaining("add it");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--parts", "savepoint"))
                .hasMessageContaining("savepoint saves the state of part checkpoint");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--parts", "nope")).hasMessageContaining("unknown part");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--runs", "heap")).hasMessageContaining("BACKEND:HEAP");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--runs", "disk:1g")).hasMessageContaining("backend");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--runs", "heap:1k")).hasMessageContaining("16m");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--block-cache", "lots")).hasMessageContaining("size");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--block-cache", "64m", "--write-buffer", "65m"))
                .hasMessageContaining("write-buffer");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--update-fraction", "0")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--keys", "3g")).hasMessageContaining("at most");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--rounds", "0")).hasMessageContaining("rounds");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--update-fraction", "30%", "--rounds", "4"))
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--value-bytes", "0")).hasMessageContaining("value-bytes");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--timeout")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StateBenchmarkOptions.parse("--frobnicate")).hasMessageContaining("unknown option");
    }

    @Test
    void sizesRoundTripAsJvmOptions() {
        assertThat(StateBenchmarkOptions.parseSize("512m")).isEqualTo(512L << 20);
        assertThat(StateBenchmarkOptions.parseSize("8G")).isEqualTo(8L << 30);
        assertThat(StateBenchmarkOptions.parseSize("64kb")).isEqualTo(64L << 10);
        assertThat(StateBenchmarkOptions.parseSize("1000")).isEqualTo(1000);
        assertThat(StateBenchmarkOptions.sizeOption(8L << 30)).isEqualTo("8g");
        assertThat(StateBenchmarkOptions.sizeOption(512L << 20)).isEqualTo("512m");
        assertThat(StateBenchmarkOptions.sizeOption(1536L << 20)).isEqualTo("1536m");
        assertThat(StateBenchmarkOptions.sizeOption(1000)).isEqualTo("1000");
        assertThat(new ThroughputSpec(Backend.HEAP, 8L << 30)).hasToString("heap:8g");
    }

    @Test
    void parsesCountsDurationsAndFractions() {
        assertThat(dev.weir.bench.OptionValues.count("10M")).isEqualTo(10_000_000);
        assertThat(dev.weir.bench.OptionValues.count("10,000,000")).isEqualTo(10_000_000);
        assertThat(dev.weir.bench.OptionValues.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(dev.weir.bench.OptionValues.duration("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(dev.weir.bench.OptionValues.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(dev.weir.bench.OptionValues.fraction("1%")).isEqualTo(0.01);
        assertThat(dev.weir.bench.OptionValues.fraction("0.25")).isEqualTo(0.25);
    }
}
