package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Headers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalShuffleChannelTest {
    /** Records what reaches the reader, in order. */
    static final class RecordingReceiver implements LocalShuffleChannel.Receiver {
        final List<String> received = new ArrayList<>();

        @Override
        public void localData(Object value, long timestampMillis, Headers headers) {
            received.add("data " + value + "@" + timestampMillis);
        }

        @Override
        public void localControl(byte kind, long valueMillis) {
            received.add("control " + kind + " " + valueMillis);
        }
    }

    @Test
    void whatIsSentBeforeTheReaderOpensWaitsAndIsDeliveredInOrderWhenItOpens() {
        LocalShuffleChannel channel = new LocalShuffleChannel();
        RecordingReceiver reader = new RecordingReceiver();

        channel.data("a", 1, Headers.EMPTY);
        channel.control(ShuffleCodec.WATERMARK, 5);
        channel.data("b", 6, Headers.EMPTY);
        assertThat(channel.waiting()).isEqualTo(3);
        assertThat(reader.received).isEmpty();

        channel.open(reader);

        assertThat(channel.waiting()).isZero();
        assertThat(reader.received).containsExactly("data a@1", "control " + ShuffleCodec.WATERMARK + " 5", "data b@6");
    }

    @Test
    void onceOpenRecordsAndSignalsReachTheReaderBeforeTheSendReturns() {
        LocalShuffleChannel channel = new LocalShuffleChannel();
        RecordingReceiver reader = new RecordingReceiver();
        channel.open(reader);

        channel.data("a", 1, Headers.EMPTY);
        assertThat(reader.received).containsExactly("data a@1");
        channel.control(ShuffleCodec.BARRIER, 77);
        assertThat(reader.received).containsExactly("data a@1", "control " + ShuffleCodec.BARRIER + " 77");
        assertThat(channel.waiting()).isZero();
    }

    @Test
    void aChannelHasOneReader() {
        LocalShuffleChannel channel = new LocalShuffleChannel();
        channel.open(new RecordingReceiver());

        assertThatThrownBy(() -> channel.open(new RecordingReceiver())).hasMessageContaining("one reader");
    }
}
