package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShuffleCodecTest {
    record Bid(String auction, long price) {
    }

    record Ask(String auction, long price) {
    }

    record Other(int n) {
    }

    @Test
    void aKnownTypeIsWrittenAsAShortIdInsteadOfItsName() {
        ClassLoader loader = getClass().getClassLoader();
        Bid bid = new Bid("a-1", 42);
        byte[] byName = new ShuffleCodec(loader).data(1, 5, bid);
        byte[] byId = new ShuffleCodec(loader, List.of(Bid.class)).data(1, 5, bid);

        assertThat(byName.length - byId.length).isGreaterThanOrEqualTo(Bid.class.getName().length() - 3);
        ShuffleCodec.Decoded d = new ShuffleCodec(loader, List.of(Bid.class)).decode(byId);
        assertThat(d.value()).isEqualTo(bid);
        assertThat(d.timestampMillis()).isEqualTo(5);
        assertThat(d.writer()).isEqualTo(1);
    }

    @Test
    void theIdDependsOnTheClassNameAloneSoCodecsKnowingOtherTypesToo() {
        ClassLoader loader = getClass().getClassLoader();
        ShuffleCodec writer = new ShuffleCodec(loader, List.of(Other.class, Bid.class));
        ShuffleCodec reader = new ShuffleCodec(loader, List.of(Bid.class, Ask.class));

        assertThat(reader.decode(writer.data(0, 1, new Bid("b", 2))).value()).isEqualTo(new Bid("b", 2));
        assertThat(ShuffleCodec.knownTypeId(Bid.class)).isEqualTo(ShuffleCodec.knownTypeId(Bid.class))
                .isBetween(ShuffleCodec.FIRST_KNOWN_TYPE_ID,
                        ShuffleCodec.FIRST_KNOWN_TYPE_ID + ShuffleCodec.KNOWN_TYPE_IDS - 1);
    }

    @Test
    void typesTheCodecDoesNotKnowStillCrossByName() {
        ClassLoader loader = getClass().getClassLoader();
        ShuffleCodec codec = new ShuffleCodec(loader, List.of(Bid.class));

        assertThat(codec.decode(codec.data(0, 1, new Ask("a", 3))).value()).isEqualTo(new Ask("a", 3));
        assertThat(codec.decode(codec.data(0, 1, "text")).value()).isEqualTo("text");
    }

    @Test
    void aBatchCarriesItsRecordsInOrderAndIsEmptyAfterItWasTaken() {
        ClassLoader loader = getClass().getClassLoader();
        ShuffleCodec writer = new ShuffleCodec(loader, List.of(Bid.class));
        ShuffleCodec.Batch batch = writer.newBatch();
        batch.add(-3, new Bid("a", 1));
        batch.add(9, "text");
        batch.add(10, new Ask("b", 2));
        assertThat(batch.count()).isEqualTo(3);

        byte[] record = batch.take(4);

        assertThat(batch.count()).isZero();
        assertThat(batch.bytes()).isZero();
        assertThat(record[0]).isEqualTo(ShuffleCodec.DATA_BATCH);
        List<String> read = new java.util.ArrayList<>();
        int from = new ShuffleCodec(loader, List.of(Bid.class)).readBatch(record, (ts, v) -> read.add(ts + " " + v));
        assertThat(from).isEqualTo(4);
        assertThat(read).containsExactly("-3 " + new Bid("a", 1), "9 text", "10 " + new Ask("b", 2));

        batch.add(11, "again");
        List<Object> second = new java.util.ArrayList<>();
        writer.readBatch(batch.take(4), (ts, v) -> second.add(v));
        assertThat(second).containsExactly("again");
    }
}
