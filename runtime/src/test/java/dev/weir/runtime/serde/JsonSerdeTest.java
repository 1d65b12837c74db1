package dev.weir.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.serde.SerdeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    record BidV1(long auction, long price, Instant at) {
    }

    record BidV2(long auction, long price, Instant at, String currency) {
    }

    @Test
    void recordsRoundTripWithIsoTimestamps() {
        JsonSerde<BidV1> serde = JsonSerde.of(BidV1.class);
        BidV1 bid = new BidV1(7, 120, Instant.parse("2026-11-25T10:00:00Z"));
        byte[] json = serde.serialize(bid);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"at\":\"2026-11-25T10:00:00Z\"");
        assertThat(serde.deserialize(json)).isEqualTo(bid);
    }

    @Test
    void addingAFieldBreaksNeitherOldNorNewReaders() {
        byte[] v2 = JsonSerde.of(BidV2.class).serialize(new BidV2(7, 120, Instant.EPOCH, "EUR"));
        assertThat(JsonSerde.of(BidV1.class).deserialize(v2)).isEqualTo(new BidV1(7, 120, Instant.EPOCH));
        byte[] v1 = JsonSerde.of(BidV1.class).serialize(new BidV1(7, 120, Instant.EPOCH));
        assertThat(JsonSerde.of(BidV2.class).deserialize(v1)).isEqualTo(new BidV2(7, 120, Instant.EPOCH, null));
    }

    @Test
    void malformedInputFailsWithTheTypeAndPosition() {
        JsonSerde<BidV1> serde = JsonSerde.of(BidV1.class);
        assertThatThrownBy(() -> serde.deserialize("{\"auction\": 7, \"price\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerdeException.class).hasMessageContaining(BidV1.class.getName())
                .hasMessageContaining("line: 1");
        assertThatThrownBy(() -> serde.deserialize("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerdeException.class).hasMessageContaining("JSON null");
    }

    @Test
    void defaultSerdesAreRawForBasicTypesAndJsonOtherwise() {
        assertThat(DefaultSerdes.forType(String.class).serialize("héllo")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(DefaultSerdes.forType(Long.class).deserialize(DefaultSerdes.forType(Long.class).serialize(42L))).isEqualTo(42L);
        assertThat(DefaultSerdes.forType(BidV1.class)).isInstanceOf(JsonSerde.class);
        assertThat(DefaultSerdes.forType(List.class).deserialize("[1,2]".getBytes(StandardCharsets.UTF_8))).isEqualTo(List.of(1, 2));
    }
}
