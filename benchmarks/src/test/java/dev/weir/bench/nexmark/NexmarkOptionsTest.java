package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkOptionsTest {
    @Test
    void parsesEveryOptionAndDerivesWarmupEvents() {
        NexmarkOptions o = NexmarkOptions.parse(new String[] {"--events", "5M", "--rounds", "2", "--queries", "q5,Q7",
                "--engines", "flink", "--out", "docs/benchmarks.md", "--csv", "x.csv", "--commit", "abc"});
        assertThat(o.events()).isEqualTo(5_000_000);
        assertThat(o.warmupEvents()).isEqualTo(1_000_000);
        assertThat(o.rounds()).isEqualTo(2);
        assertThat(o.queries()).containsExactly(NexmarkQuery.Q5, NexmarkQuery.Q7);
        assertThat(o.engines()).containsExactly(Engine.FLINK);
        assertThat(o.out()).contains(Path.of("docs/benchmarks.md"));
        assertThat(o.csv()).contains(Path.of("x.csv"));
        assertThat(o.commit()).isEqualTo("abc");
        assertThat(o.child()).isEmpty();
    }

    @Test
    void childArgumentsParseBackToTheChildTask() {
        NexmarkOptions parent = NexmarkOptions.parse(new String[] {"--events", "1M", "--warmups", "2"});
        List<String> args = parent.childArguments(Engine.WEIR, NexmarkQuery.Q4);
        NexmarkOptions child = NexmarkOptions.parse(args.toArray(String[]::new));
        assertThat(child.child()).contains(new NexmarkOptions.ChildTask(Engine.WEIR, NexmarkQuery.Q4));
        assertThat(child.events()).isEqualTo(1_000_000);
        assertThat(child.warmups()).isEqualTo(2);
    }

    @Test
    void rejectsUnknownQueriesAndOptions() {
        assertThatThrownBy(() -> NexmarkOptions.parse(new String[] {"--queries", "q6"}))
                .hasMessageContaining("unknown query 'q6'");
        assertThatThrownBy(() -> NexmarkOptions.parse(new String[] {"--fast"})).hasMessageContaining("--fast");
    }

    @Test
    void runRecordLineRoundTrips() {
        RunRecord r = new RunRecord(Engine.FLINK, NexmarkQuery.Q7, 1000, 5_000, 9_000, 1 << 20, -1,
                new Checksum(3, -5, 77));
        assertThat(RunRecord.parseLine(r.toLine())).contains(r);
        assertThat(RunRecord.parseLine("some progress")).isEmpty();
    }
}
