package dev.weir.bench.nexmark.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndOfInputTest {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(100_000);

    @Test
    void marksLieFarPastTheLastEventAndEachOthersWindows() {
        List<EventEnvelope> marks = EndOfInput.marks(GENERATOR);
        long last = GENERATOR.timestampMillis(GENERATOR.events() - 1);
        long windowAndGrace = NexmarkQuery.Q5_SIZE.plus(NexmarkQuery.OUT_OF_ORDERNESS).toMillis();

        assertThat(marks).hasSize(EndOfInput.MARKS).allMatch(EventEnvelope::isEndMark);
        assertThat(marks.get(0).timeMillis()).isGreaterThan(last + 2 * windowAndGrace);
        assertThat(marks.get(1).timeMillis()).isGreaterThan(marks.get(0).timeMillis() + 2 * windowAndGrace);
        assertThat(marks).allMatch(m -> EndOfInput.isMarkTime(GENERATOR, m.timeMillis()));
        assertThat(EndOfInput.isMarkTime(GENERATOR, last)).isFalse();
    }

    @Test
    void aMarkRoundTripsAsJsonAndEventsKeepTheirJson() {
        EventEnvelope mark = EndOfInput.marks(GENERATOR).get(0);
        EventEnvelope bid = EventEnvelope.of(GENERATOR.event(7));

        assertThat(Json.read(Json.write(mark), EventEnvelope.class)).isEqualTo(mark);
        assertThat(Json.read(Json.write(mark), EventEnvelope.class).event()).isNull();
        assertThat(new String(Json.write(bid))).doesNotContain("endMark").startsWith("{\"bid\"");
        assertThat(Json.read(Json.write(bid), EventEnvelope.class)).isEqualTo(bid);
    }
}
