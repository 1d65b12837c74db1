package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.weir.ChecksumSink;
import dev.weir.bench.nexmark.weir.WeirQueries;
import dev.weir.runtime.engine.LocalEngine;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every query on Weir against the brute-force oracle, on 300,000 events (3 s of event time, 10 disorder groups). */
class WeirQueriesTest {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(300_000 + 1234);
    static Oracle oracle;

    @BeforeAll
    static void oracle() {
        oracle = new Oracle(GENERATOR);
    }

    @ParameterizedTest
    @EnumSource(NexmarkQuery.class)
    void weirProducesTheOraclesRows(NexmarkQuery query) {
        RowsSink sink = new RowsSink();
        new LocalEngine().run(WeirQueries.graph(query, WeirQueries.source(GENERATOR), sink));

        List<? extends ResultRow> expected = oracle.rows(query);
        assertThat(expected).isNotEmpty();
        assertThat(counts(sink.rows())).isEqualTo(counts(expected));
    }

    @ParameterizedTest
    @EnumSource(NexmarkQuery.class)
    void weirsChecksumIsTheOracles(NexmarkQuery query) {
        ChecksumSink sink = new ChecksumSink();
        new LocalEngine().run(WeirQueries.graph(query, WeirQueries.source(GENERATOR), sink));

        assertThat(sink.checksum()).isEqualTo(oracle.checksum(query));
    }

    /** The rows as a multiset. */
    static Map<ResultRow, Long> counts(Collection<? extends ResultRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
