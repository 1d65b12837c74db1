package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskUnitsTest {
    record Bid(String auction, long price, List<String> tags) {
    }

    @Test
    void shuffleRecordsRoundTripDataAndControl() {
        ShuffleCodec codec = new ShuffleCodec(getClass().getClassLoader());
        Bid bid = new Bid("a-1", 42, List.of("x", "y"));
        ShuffleCodec.Decoded d = codec.decode(codec.data(1, -5L, bid));
        assertThat(d.kind()).isEqualTo(ShuffleCodec.DATA);
        assertThat(d.timestampMillis()).isEqualTo(-5L);
        assertThat(d.value()).isEqualTo(bid);
        assertThat(codec.decode(codec.data(0, 7, 3L)).value()).isEqualTo(3L).isInstanceOf(Long.class);

        ShuffleCodec.Decoded wm = codec.decode(ShuffleCodec.control(ShuffleCodec.WATERMARK, 2, Long.MAX_VALUE));
        assertThat(wm.kind()).isEqualTo(ShuffleCodec.WATERMARK);
        assertThat(wm.writer()).isEqualTo(2);
        assertThat(wm.watermarkMillis()).isEqualTo(Long.MAX_VALUE);
        ShuffleCodec.Decoded end = codec.decode(ShuffleCodec.control(ShuffleCodec.END, 1, 0));
        assertThat(end.kind()).isEqualTo(ShuffleCodec.END);
        assertThat(end.writer()).isEqualTo(1);
        assertThatThrownBy(() -> codec.decode(new byte[] {9, 0, 0, 0, 0})).hasMessageContaining("kind 9");
    }

    @Test
    void checkpointNamesRoundTripThroughOffsetMetadataAndFileNames() {
        CheckpointName n = new CheckpointName(17, "abc123");
        assertThat(CheckpointName.fromMetadata(n.metadata())).isEqualTo(n);
        assertThat(CheckpointName.fromFileName(n.fileName())).isEqualTo(n);
        assertThat(CheckpointName.fromMetadata("")).isNull();
        assertThat(CheckpointName.fromMetadata(null)).isNull();
        assertThat(CheckpointName.fromFileName("chk-x-abc")).isNull();
        assertThat(CheckpointName.newAttempt()).matches("[a-z0-9]{12}");
    }

    @Test
    void taskIdsOwnSourcePartitionsRoundRobinAndNameKafkaResources() {
        TaskId t = new TaskId("orders", 1, 3);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().filter(t::ownsSourcePartition)).containsExactly(1, 4, 7);
        assertThat(t.transactionalId()).isEqualTo("weir.orders.task-1");
        assertThat(t.groupId()).isEqualTo("weir.orders");
        assertThat(t.shuffleTopic("by user")).isEqualTo("weir.orders.shuffle.by_user");
        assertThatThrownBy(() -> new TaskId("bad name", 0, 1)).hasMessageContaining("must match");
        assertThatThrownBy(() -> new TaskId("p", 3, 3)).hasMessageContaining("task index 3 of parallelism 3");
    }

    @Test
    void localSnapshotStoreKeepsCompleteCheckpointsFallsBackAndDeletesOlderOnes(@TempDir Path dir) throws Exception {
        LocalSnapshotStore store = new LocalSnapshotStore(dir.resolve("store"));
        TaskId t = new TaskId("p", 0, 2);
        TaskId other = new TaskId("p", 1, 2);
        Path sst = Files.writeString(dir.resolve("000007.sst"), "sst bytes");
        for (long id = 1; id <= 4; id++) {
            store.write(t, new CheckpointName(id, "a"), new TaskSnapshot(new byte[] {(byte) id},
                    new java.util.TreeMap<>(java.util.Map.of("window/000007.sst", sst))));
        }
        store.write(other, new CheckpointName(1, "a"), TaskSnapshot.of(new byte[] {9}));
        store.write(t, new CheckpointName(3, "b"), TaskSnapshot.of(new byte[] {33}));

        RestoredSnapshot three = store.read(t, new CheckpointName(3, "a"), dir.resolve("r1"));
        assertThat(three.metadata()).containsExactly(3);
        assertThat(three.name()).isEqualTo(new CheckpointName(3, "a"));
        assertThat(dir.resolve("r1/window/000007.sst")).hasContent("sst bytes");
        assertThat(store.read(t, new CheckpointName(3, "b"), dir.resolve("r2")).metadata()).containsExactly(33);
        RestoredSnapshot fallback = store.read(t, new CheckpointName(5, "a"), dir.resolve("r3"));
        assertThat(fallback.name().id()).as("a missing checkpoint falls back to the newest older one").isEqualTo(4);

        store.retain(t, new CheckpointName(4, "a"));

        assertThatThrownBy(() -> store.read(t, new CheckpointName(2, "a"), dir.resolve("r4")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no usable checkpoint at or before chk-2-a");
        assertThat(store.read(other, new CheckpointName(1, "a"), dir.resolve("r5")).metadata())
                .as("other tasks untouched").containsExactly(9);
        try (var files = Files.list(dir.resolve("store/p/task-0"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("chk-3-a", "chk-3-b", "chk-4-a");
        }
    }

    @Test
    void exactlyOnceRefusesSourcesOrSinksOnAnotherCluster(@TempDir Path dir) {
        dev.weir.runtime.pipeline.Pipeline p = dev.weir.runtime.pipeline.Pipeline.create("two-clusters");
        p.source("in", new dev.weir.runtime.kafka.KafkaSource<>(dev.weir.runtime.kafka.KafkaSourceConfig
                                .builder("other-host:9092", "in", String.class).build()),
                        dev.weir.runtime.watermark.WatermarkStrategy.<String>monotonous())
                .sink("out", new dev.weir.runtime.kafka.KafkaSink<>(dev.weir.runtime.kafka.KafkaSinkConfig
                        .builder("127.0.0.1:19092", "out", String.class).build()));
        TaskSettings settings = new TaskSettings("127.0.0.1:19092", new LocalSnapshotStore(dir));

        assertThatThrownBy(() -> new TaskRunner(p.graph(), new TaskId("two-clusters", 0, 1), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task's cluster 127.0.0.1:19092")
                .hasMessageContaining("in=other-host:9092")
                .hasMessageNotContaining("out=");
    }
}
