package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.operator.Watermarks;
import org.junit.jupiter.api.Test;

/** Writer 0 stands for the reading task's own writer (local channel), writer 1 for another task (Kafka). */
class ShuffleWritersTest {
    @Test
    void theWatermarkIsTheMinimumOverWritersThatAreNotIdle() {
        ShuffleWriters w = new ShuffleWriters("t-0", 2);

        assertThat(w.control(ShuffleCodec.WATERMARK, 0, 100)).isFalse(); // writer 1 has said nothing yet
        assertThat(w.control(ShuffleCodec.WATERMARK, 1, 50)).isTrue();
        assertThat(w.watermark()).isEqualTo(50);
        assertThat(w.control(ShuffleCodec.WATERMARK, 1, 200)).isTrue();
        assertThat(w.watermark()).isEqualTo(100);

        assertThat(w.control(ShuffleCodec.IDLE, 0, 0)).isTrue();
        assertThat(w.watermark()).isEqualTo(200);
        assertThat(w.control(ShuffleCodec.ACTIVE, 0, 0)).isFalse();
        assertThat(w.watermark()).isEqualTo(200); // the combined watermark never goes back
    }

    @Test
    void thePartitionEndsWhenEveryWriterEndedAndAnEndSentAgainIsIgnored() {
        ShuffleWriters w = new ShuffleWriters("t-0", 2);
        w.control(ShuffleCodec.WATERMARK, 1, 10);

        w.control(ShuffleCodec.END, 0, 0);
        assertThat(w.allEnded()).isFalse();
        assertThat(w.watermark()).isEqualTo(10);
        assertThat(w.control(ShuffleCodec.END, 1, 0)).isTrue();

        assertThat(w.allEnded()).isTrue();
        assertThat(w.watermark()).isEqualTo(Watermarks.END_OF_TIME);
        assertThat(w.control(ShuffleCodec.END, 1, 0)).isFalse();
    }

    @Test
    void drainedForASavepointOnceEveryWriterSentItsBarrierAndARecordAfterABarrierVoidsIt() {
        ShuffleWriters w = new ShuffleWriters("t-0", 2);

        w.control(ShuffleCodec.BARRIER, 0, 7);
        assertThat(w.drainedFor(7)).isFalse();
        w.control(ShuffleCodec.BARRIER, 1, 7);
        assertThat(w.drainedFor(7)).isTrue();
        assertThat(w.drainedFor(8)).isFalse();

        w.data(1); // writer 1 went on after its barrier: restarted without the request
        assertThat(w.drainedFor(7)).isFalse();
        w.control(ShuffleCodec.END, 1, 0);
        assertThat(w.drainedFor(7)).isTrue();
    }

    @Test
    void aSnapshotRestoresWatermarksIdlenessAndEndsButNotBarriers() {
        ShuffleWriters w = new ShuffleWriters("t-0", 2);
        w.control(ShuffleCodec.WATERMARK, 0, 30);
        w.control(ShuffleCodec.IDLE, 1, 0);
        w.control(ShuffleCodec.BARRIER, 0, 7);

        ShuffleWriters restored = new ShuffleWriters("t-0", 2);
        restored.restore(w.snapshot());

        assertThat(restored.watermark()).isEqualTo(30);
        assertThat(restored.allEnded()).isFalse();
        assertThat(restored.drainedFor(7)).isFalse();
        assertThatThrownBy(() -> new ShuffleWriters("t-0", 3).restore(w.snapshot()))
                .hasMessageContaining("rescaling needs a savepoint");
        assertThatThrownBy(() -> w.control(ShuffleCodec.WATERMARK, 2, 1)).hasMessageContaining("writer 2");
    }
}
