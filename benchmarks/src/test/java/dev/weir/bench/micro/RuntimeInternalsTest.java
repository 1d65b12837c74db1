package dev.weir.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.io.Output;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The method handles into the runtime's package-private codecs still match their signatures: a change in the runtime
 * fails here, at build time, instead of in a benchmark run.
 */
class RuntimeInternalsTest {
    record Value(String name, long count) {
    }

    @Test
    void theShuffleCodecAndTheStateSerializerRoundTripThroughTheHandles() {
        RuntimeInternals.ShuffleCodec codec = new RuntimeInternals.ShuffleCodec(getClass().getClassLoader());
        byte[] record = codec.data(1, 42L, List.of("a", "b"));
        assertThat(codec.decode(record).toString()).contains("[a, b]").contains("42");

        RuntimeInternals.StateSerializer serializer = new RuntimeInternals.StateSerializer(getClass().getClassLoader());
        Output out = new Output(64, -1);
        serializer.writeValue(new Value("x", 7), out);
        assertThat(serializer.readValue(out.toBytes())).isEqualTo(new Value("x", 7));
    }
}
