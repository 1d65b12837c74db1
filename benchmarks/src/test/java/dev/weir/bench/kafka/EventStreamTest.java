package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.BidGenerator;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    @Test
    void sameIndexGivesTheSameEventInEveryInstance() {
        EventStream a = EventStream.standard();
        EventStream b = EventStream.standard();
        for (long i : new long[] {0, 1, 2, 1_000, 4_999_999}) {
            assertThat(a.event(i)).isEqualTo(b.event(i));
            assertThat(a.key(i)).isEqualTo(b.key(i));
        }
    }

    @Test
    void eventCarriesItsIndexKeyAndEventTime() {
        EventStream s = EventStream.standard();
        byte[] event = s.event(777);

        assertThat(EventCodec.seq(event)).isEqualTo(777);
        assertThat(EventCodec.keyIndex(event)).isEqualTo(s.keyIndex(777));
        assertThat(EventCodec.key(EventCodec.keyIndex(event))).isEqualTo(s.key(777));
        assertThat(EventCodec.timestampMillis(event)).isEqualTo(s.eventTimeMillis(777));
    }

    @Test
    void eventTimeAdvancesTenMicrosecondsPerEventPlusAJitterBelowHalfASecond() {
        EventStream s = EventStream.standard();
        for (long i = 0; i < 100_000; i += 7) {
            long base = BidGenerator.STANDARD_BASE_MILLIS + i / 100;
            assertThat(s.eventTimeMillis(i)).isBetween(base, base + BidGenerator.MAX_JITTER_MILLIS);
        }
    }

    @Test
    void keysCoverTheirRangeRoughlyEvenly() {
        EventStream s = new EventStream(100);
        int[] hits = new int[100];
        for (long i = 0; i < 100_000; i++) {
            hits[s.keyIndex(i)]++;
        }
        for (int h : hits) {
            assertThat(h).isBetween(800, 1_200);
        }
    }

    @Test
    void stampedEventKeepsKeyAndSeqButTakesTheGivenTime() {
        EventStream s = EventStream.standard();
        byte[] event = s.stampedEvent(5, 1_800_000_000_000L);

        assertThat(event).hasSize(EventCodec.EVENT_BYTES);
        assertThat(EventCodec.timestampMillis(event)).isEqualTo(1_800_000_000_000L);
        assertThat(EventCodec.seq(event)).isEqualTo(5);
        assertThat(EventCodec.keyIndex(event)).isEqualTo(s.keyIndex(5));
    }
}
