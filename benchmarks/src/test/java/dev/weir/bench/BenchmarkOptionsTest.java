package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsAreTheIssuesWorkload() {
        BenchmarkOptions o = BenchmarkOptions.parse();

        assertThat(o.events()).isEqualTo(10_000_000);
        assertThat(o.queries()).containsExactly(Query.values());
        assertThat(o.fork()).isTrue();
        assertThat(o.verify()).isTrue();
    }

    @Test
    void parsesCountsQueriesAndOutput() {
        BenchmarkOptions o = BenchmarkOptions.parse("--events", "200k", "--queries", "tumbling,q-sliding",
                "--warmups", "1", "--runs", "3", "--out", "docs/benchmarks.md", "--no-fork");

        assertThat(o.events()).isEqualTo(200_000);
        assertThat(o.queries()).isEqualTo(List.of(Query.TUMBLING, Query.SLIDING));
        assertThat(o.warmups()).isEqualTo(1);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.out()).contains(Path.of("docs/benchmarks.md"));
        assertThat(o.fork()).isFalse();
        assertThat(OptionValues.count("10_000_000")).isEqualTo(10_000_000);
        assertThat(OptionValues.count("10M")).isEqualTo(10_000_000);
    }

    @Test
    void queryEventsOverrideTheDefaultForThoseQueries() {
        BenchmarkOptions o = BenchmarkOptions.parse("--events", "1M", "--query-events", "q-session=500k,sliding=2M");

        assertThat(o.eventsFor(Query.SESSION)).isEqualTo(500_000);
        assertThat(o.eventsFor(Query.SLIDING)).isEqualTo(2_000_000);
        assertThat(o.eventsFor(Query.TUMBLING)).isEqualTo(1_000_000);
    }

    @Test
    void childArgumentsRoundTrip() {
        BenchmarkOptions o = BenchmarkOptions.parse("--events", "1M", "--query-events", "q-session=300k",
                "--warmups", "0", "--runs", "2");

        BenchmarkOptions child = BenchmarkOptions.parse(o.childArguments(Query.SESSION).toArray(String[]::new));

        assertThat(child.child()).isTrue();
        assertThat(child.queries()).containsExactly(Query.SESSION);
        assertThat(child.events()).isEqualTo(300_000);
        assertThat(child.warmups()).isZero();
        assertThat(child.runs()).isEqualTo(2);
    }

    @Test
    void rejectsUnknownOptionsAndQueries() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--bogus")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--queries", "q-join")).hasMessageContaining("q-join");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--events")).hasMessageContaining("needs a value");
    }
}
