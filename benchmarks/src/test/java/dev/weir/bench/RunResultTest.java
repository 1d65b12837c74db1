package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void lineOfAForkedRunRoundTrips() {
        RunResult withGc = new RunResult(Query.SLIDING, false, 3, 10_000_000, 2_500_000_000L, 1_300_000_000L,
                600_000_000L, OptionalLong.of(12_000_000), 2, 150, 549_254);
        RunResult withoutGc = new RunResult(Query.SESSION, true, 1, 1_000, 1_000_000, 0, 0, OptionalLong.empty(), 0, 0,
                10);

        assertThat(RunResult.parseLine(withGc.toLine())).contains(withGc);
        assertThat(RunResult.parseLine(withoutGc.toLine())).contains(withoutGc);
        assertThat(RunResult.parseLine("q-sliding run 1: 2.5 s")).isEmpty();
    }

    @Test
    void ratesPerEvent() {
        RunResult r = new RunResult(Query.TUMBLING, false, 1, 4_000_000, 2_000_000_000L, 400_000_000L, 0,
                OptionalLong.empty(), 0, 0, 0);

        assertThat(r.eventsPerSecond()).isEqualTo(2_000_000.0);
        assertThat(r.allocatedBytesPerEvent()).isEqualTo(100.0);
    }
}
