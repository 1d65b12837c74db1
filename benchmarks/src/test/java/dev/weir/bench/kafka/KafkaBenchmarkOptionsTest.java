package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaBenchmarkOptionsTest {
    @Test
    void defaultsAreTheIssuesWorkload() {
        KafkaBenchmarkOptions o = KafkaBenchmarkOptions.parse();

        assertThat(o.events()).isEqualTo(5_000_000);
        assertThat(o.keys()).isEqualTo(10_000);
        assertThat(o.partitions()).isEqualTo(12);
        assertThat(o.parallelisms()).containsExactly(1, 2);
        assertThat(o.latencyFractions()).containsExactly(0.5, 0.1);
        assertThat(o.latencyWarmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.latencyMeasure()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.out()).isEmpty();
        assertThat(o.keepTopics()).isFalse();
        assertThat(o.subjects()).containsExactly("kafka-count", "weir-count", "weir-count-rocksdb",
                "weir-count-engine-decode", "weir-count-shuffle");
    }

    @Test
    void subjectsCanBeNone() {
        assertThat(KafkaBenchmarkOptions.parse("--subjects", "none").subjects()).isEmpty();
    }

    @Test
    void parsesEveryOption() {
        KafkaBenchmarkOptions o = KafkaBenchmarkOptions.parse("--bootstrap", "broker:9092", "--events", "200k",
                "--keys", "1_000", "--partitions", "6", "--commit-interval", "1s", "--checkpoint-interval", "3s",
                "--warmup-events", "50k", "--parallelism", "1,3",
                "--latency-fraction", "25%,0.05", "--latency-warmup", "2s", "--latency-duration", "1500ms",
                "--timeout", "2m", "--subjects", "kafka-count", "--out", "docs/benchmarks.md", "--keep-topics");

        assertThat(o).isEqualTo(new KafkaBenchmarkOptions("broker:9092", 200_000, 1_000, 6, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 50_000, List.of(1, 3), List.of(0.25, 0.05), Duration.ofSeconds(2), Duration.ofMillis(1_500), Duration.ofMinutes(2),
                List.of("kafka-count"), Optional.of(Path.of("docs/benchmarks.md")), true));
    }

    @Test
    void rejectsBadInputWithAMessage() {
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--events", "lots")).hasMessageContaining("lots");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--parallelism", "13"))
                .hasMessageContaining("--parallelism");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--latency-fraction", "1.5"))
                .hasMessageContaining("--latency-fraction");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--commit-interval", "soon"))
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--subjects", "flink"))
                .hasMessageContaining("unknown subject 'flink'");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--frobnicate")).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> KafkaBenchmarkOptions.parse("--out")).hasMessageContaining("needs a value");
    }

    @Test
    void helpAndBadOptionsExitWithoutTouchingKafka() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        assertThat(KafkaBenchmark.run(new String[] {"--help"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(KafkaBenchmark.EXIT_OK);
        assertThat(out.toString()).contains("usage: KafkaBenchmark");
        assertThat(KafkaBenchmark.run(new String[] {"--events", "0"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(KafkaBenchmark.EXIT_USAGE);
        assertThat(err.toString()).contains("--events");
    }
}
