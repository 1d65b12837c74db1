package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TS = 1_735_689_600_123L;

    @Test
    void everyEventIsExactlyOneHundredBytesWhateverTheDigitsOfTsAndSeq() throws Exception {
        for (long seq : new long[] {0, 9, 10, 99_999, 4_999_999, 123_456_789_012L, Long.MAX_VALUE}) {
            for (long ts : new long[] {0, TS, Long.MAX_VALUE}) {
                byte[] event = EventCodec.encode(123, ts, seq);
                assertThat(event).hasSize(EventCodec.EVENT_BYTES);
                assertThat(JSON.readTree(event).get("seq").asLong()).isEqualTo(seq);
                assertThat(EventCodec.timestampMillis(event)).isEqualTo(ts);
                assertThat(EventCodec.seq(event)).isEqualTo(seq);
            }
        }
    }

    @Test
    void eventIsJsonWithTheGivenFields() throws Exception {
        byte[] event = EventCodec.encode(123, TS, 42);

        JsonNode node = JSON.readTree(event);

        assertThat(node.get("key").asText()).isEqualTo("k000123");
        assertThat(node.get("ts").asLong()).isEqualTo(TS);
        assertThat(node.get("seq").asLong()).isEqualTo(42);
        assertThat(node.get("pad").asText()).matches("x+");
        assertThat(new String(event, StandardCharsets.US_ASCII))
                .startsWith("{\"key\":\"k000123\",\"ts\":1735689600123,\"seq\":42,\"pad\":\"xxx").endsWith("x\"}");
    }

    @Test
    void fieldsDecodeFromTheBytes() {
        byte[] event = EventCodec.encode(9_999, TS, 4_999_999);

        assertThat(EventCodec.keyIndex(event)).isEqualTo(9_999);
        assertThat(EventCodec.timestampMillis(event)).isEqualTo(TS);
        assertThat(EventCodec.seq(event)).isEqualTo(4_999_999);
    }

    @Test
    void keyIsKAndSixDigits() {
        assertThat(new String(EventCodec.key(0), StandardCharsets.US_ASCII)).isEqualTo("k000000");
        assertThat(new String(EventCodec.key(123), StandardCharsets.US_ASCII)).isEqualTo("k000123");
        assertThat(new String(EventCodec.key(999_999), StandardCharsets.US_ASCII)).isEqualTo("k999999");
    }

    @Test
    void rejectsKeysOutOfRangeAndNegativeNumbers() {
        assertThatThrownBy(() -> EventCodec.key(EventCodec.MAX_KEYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.encode(-1, TS, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.encode(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.encode(1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
