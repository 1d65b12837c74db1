package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The whole harness, tiny: every step runs against the broker and the report comes out. */
class KafkaBenchmarkIT {
    @Test
    void smallRunMeasuresEveryStepIncludingWeir() {
        // 20k records are 0.2 s of event time: the count's windows never fire, only its throughput is checked
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = KafkaBenchmark.run(new String[] {"--bootstrap", KafkaClients.DEFAULT_BOOTSTRAP, "--events", "20k",
                "--parallelism", "2", "--latency-fraction", "0.5", "--latency-warmup", "1s",
                "--latency-duration", "1s"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; stderr:%n%s", err.toString(StandardCharsets.UTF_8))
                .isEqualTo(KafkaBenchmark.EXIT_OK);
        assertThat(md).startsWith(KafkaReport.BEGIN);
        assertThat(md).contains("| producer only (input load) | acks=all | 1 |");
        assertThat(md).contains("| consumer only | read_uncommitted | 2 |");
        assertThat(md).contains("| raw consume→produce | ALO | 2 |").contains("| raw consume→produce | EOS | 2 |");
        assertThat(md).contains("20,000 | ok (= input)");
        assertThat(md).contains("| hand-written Kafka tumbling count | ALO | 2 |")
                .contains("| hand-written Kafka tumbling count | EOS | 2 |");
        assertThat(md).contains("| Weir keyed tumbling count | ALO | 2 |")
                .contains("| Weir keyed tumbling count | EOS | 2 |");
        assertThat(md).contains("| Weir keyed tumbling count, RocksDB + S3 | ALO | 2 |")
                .contains("| Weir keyed tumbling count, RocksDB + S3 | EOS | 2 |");
        assertThat(md).doesNotContain(KafkaReport.PENDING);
        assertThat(md).doesNotContain("WRONG");
    }
}
