package dev.weir.bench.micro;

import com.esotericsoftware.kryo.io.Output;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.spec.connector.Bid;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serdes a record meets: the JSON serde of Kafka payloads ({@link JsonSerde}, Jackson) on a ~100-byte
 * {@link Bid}; the Kryo serializer of RocksDB state values ({@code StateSerializer}) on a small record and on the
 * count accumulator ({@code long[1]}); and the shuffle topics' record codec ({@code ShuffleCodec}) on a {@link Bid}.
 * Each encode returns the bytes; each decode reads bytes encoded once in the setup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SerdeBenchmark {

    /** A bid whose JSON is ~100 bytes. */
    static Bid bid() {
        return new Bid(1_003_417L, "bidder-00042-of-auction-house-7", 937L, 1_735_689_612_345L);
    }

    @State(Scope.Thread)
    public static class Json {
        final JsonSerde<Bid> serde = JsonSerde.of(Bid.class);
        Bid bid;
        byte[] bytes;

        @Setup
        public void setup() {
            bid = bid();
            bytes = serde.serialize(bid);
        }
    }

    @Benchmark
    public byte[] jsonEncode(Json s) {
        return s.serde.serialize(s.bid);
    }

    @Benchmark
    public Bid jsonDecode(Json s) {
        return s.serde.deserialize(s.bytes);
    }

    /** A small state value: a running count with the latest event time seen. */
    public record CountAndLatest(long count, long latestMillis) {
    }

    @State(Scope.Thread)
    public static class StateValue {
        /** {@code record}: a {@link CountAndLatest}; {@code long[1]}: the built-in count's accumulator. */
        @Param({"record", "long[1]"})
        public String value;

        final RuntimeInternals.StateSerializer serializer =
                new RuntimeInternals.StateSerializer(SerdeBenchmark.class.getClassLoader());
        final Output out = new Output(128, -1);
        Object object;
        byte[] bytes;

        @Setup
        public void setup() {
            object = switch (value) {
                case "record" -> new CountAndLatest(123_456L, 1_735_689_612_345L);
                case "long[1]" -> new long[] {123_456L};
                default -> throw new IllegalArgumentException("value must be record or long[1], was " + value);
            };
            out.reset();
            serializer.writeValue(object, out);
            bytes = out.toBytes();
        }
    }

    /** Into a reused buffer, as the RocksDB backend's state column does before a put. */
    @Benchmark
    public int stateValueWrite(StateValue s) {
        s.out.reset();
        s.serializer.writeValue(s.object, s.out);
        return s.out.position();
    }

    @Benchmark
    public Object stateValueRead(StateValue s) {
        return s.serializer.readValue(s.bytes);
    }

    @State(Scope.Thread)
    public static class Shuffle {
        final RuntimeInternals.ShuffleCodec codec =
                new RuntimeInternals.ShuffleCodec(SerdeBenchmark.class.getClassLoader());
        Bid bid;
        long timestampMillis;
        byte[] bytes;

        @Setup
        public void setup() {
            bid = bid();
            timestampMillis = bid.timestampMillis();
            bytes = codec.data(0, timestampMillis, bid);
        }
    }

    @Benchmark
    public byte[] shuffleEncode(Shuffle s) {
        return s.codec.data(0, s.timestampMillis, s.bid);
    }

    @Benchmark
    public Object shuffleDecode(Shuffle s) {
        return s.codec.decode(s.bytes);
    }
}
