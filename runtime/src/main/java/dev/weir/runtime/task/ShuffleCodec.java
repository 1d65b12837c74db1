package dev.weir.runtime.task;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The record format of internal shuffle topics. The first byte says what a record is:
 * <ul>
 *   <li>{@code 0} data: the writer task index (a varint), the event timestamp (8 bytes, ms since the epoch) then the
 *       value, Kryo-encoded with its class (any Java type crosses a shuffle, as inside a task); record headers carry
 *       the event's headers. The class is a short id for Kryo's built-in types and the pipeline's
 *       {@linkplain #ShuffleCodec(ClassLoader, Collection) known types}, its name otherwise.</li>
 *   <li>{@code 1} watermark: writer task index (4 bytes) and its watermark (8 bytes).</li>
 *   <li>{@code 2} idle / {@code 3} active: writer task index.</li>
 *   <li>{@code 4} end of input: writer task index.</li>
 *   <li>{@code 5} savepoint barrier: writer task index and the savepoint's id (8 bytes): the writer sends nothing
 *       more in this run (a stop-with-savepoint drains the shuffle up to it).</li>
 *   <li>{@code 6} data batch: the writer task index and the number of records (varints), then per record its event
 *       timestamp (8 bytes) and value as in a data record; the records have no headers. One Kafka record for many:
 *       the producer, the broker and the consumer each pay their per-record cost once per batch
 *       ({@link Batch}).</li>
 * </ul>
 * Kryo, not JSON: shuffle records never leave the pipeline and are read by the same code that wrote them, so
 * speed and an exact round trip matter more than a readable, evolvable format. One codec per thread.
 */
final class ShuffleCodec {
    static final byte DATA = 0;
    static final byte WATERMARK = 1;
    static final byte IDLE = 2;
    static final byte ACTIVE = 3;
    static final byte END = 4;
    static final byte BARRIER = 5;
    static final byte DATA_BATCH = 6;

    private final Kryo kryo = new Kryo();
    private final Output output = new Output(256, -1);
    private final Input input = new Input();

    /** First id of {@linkplain #ShuffleCodec(ClassLoader, Collection) known types}, above Kryo's built-in ones. */
    static final int FIRST_KNOWN_TYPE_ID = 1024;
    /** Ids of known types are in {@code [FIRST_KNOWN_TYPE_ID, FIRST_KNOWN_TYPE_ID + KNOWN_TYPE_IDS)}: 3-byte varints. */
    static final int KNOWN_TYPE_IDS = 1 << 20;

    /** A codec that writes every class outside Kryo's built-in ones by name. */
    ShuffleCodec(ClassLoader classLoader) {
        this(classLoader, List.of());
    }

    /**
     * A codec that writes the classes in {@code knownTypes} as a 3-byte id instead of their name (~50 bytes, and a
     * lookup by name on reading). The id is derived from the class name alone, so writers and readers agree on it
     * without coordination, however many types they know: every task of a pipeline gives the same types. A type
     * whose id another type already took (sorted by name), and types Kryo registers by itself, are left out.
     */
    ShuffleCodec(ClassLoader classLoader, Collection<Class<?>> knownTypes) {
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        kryo.setClassLoader(classLoader);
        knownTypes.stream().distinct().sorted(Comparator.comparing(Class::getName)).forEach(type -> {
            int id = knownTypeId(type);
            if (kryo.getClassResolver().getRegistration(type) == null && kryo.getRegistration(id) == null) {
                kryo.register(type, id);
            }
        });
    }

    /** The id of a known type: a function of its name. */
    static int knownTypeId(Class<?> type) {
        return FIRST_KNOWN_TYPE_ID + Math.floorMod(type.getName().hashCode(), KNOWN_TYPE_IDS);
    }

    byte[] data(int writer, long timestampMillis, Object value) {
        output.reset();
        output.writeByte(DATA);
        output.writeVarInt(writer, true);
        output.writeLong(timestampMillis);
        kryo.writeClassAndObject(output, value);
        return output.toBytes();
    }

    /**
     * Data records of one writer for one partition, in the order written, to be sent as one Kafka record
     * ({@link #DATA_BATCH}). Uses its codec's Kryo: same thread.
     */
    final class Batch {
        private final Output body = new Output(1024, -1);
        private int count;

        void add(long timestampMillis, Object value) {
            body.writeLong(timestampMillis);
            kryo.writeClassAndObject(body, value);
            count++;
        }

        int count() {
            return count;
        }

        /** Encoded size of the records so far. */
        int bytes() {
            return body.position();
        }

        /** The batch as a shuffle record of {@code writer}; the batch is empty afterwards. */
        byte[] take(int writer) {
            output.reset();
            output.writeByte(DATA_BATCH);
            output.writeVarInt(writer, true);
            output.writeVarInt(count, true);
            byte[] record = new byte[output.position() + body.position()];
            System.arraycopy(output.getBuffer(), 0, record, 0, output.position());
            System.arraycopy(body.getBuffer(), 0, record, output.position(), body.position());
            body.reset();
            count = 0;
            return record;
        }
    }

    Batch newBatch() {
        return new Batch();
    }

    /** Receives the records of a data batch. */
    interface BatchReader {
        void record(long timestampMillis, Object value);
    }

    /**
     * Hands the records of a {@link #DATA_BATCH} record to {@code reader}, in order, and returns the writer. The reader
     * may not use this codec meanwhile.
     */
    int readBatch(byte[] bytes, BatchReader reader) {
        if (bytes[0] != DATA_BATCH) {
            throw new IllegalStateException("not a data batch: kind " + bytes[0]);
        }
        input.setBuffer(bytes, 1, bytes.length - 1);
        int writer = input.readVarInt(true);
        int count = input.readVarInt(true);
        for (int i = 0; i < count; i++) {
            long ts = input.readLong();
            reader.record(ts, kryo.readClassAndObject(input));
        }
        return writer;
    }

    /** A control record of {@code writer}; {@code watermarkMillis} is the savepoint id of a {@link #BARRIER}. */
    static byte[] control(byte kind, int writer, long watermarkMillis) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(kind == WATERMARK || kind == BARRIER ? 13 : 5);
        b.put(kind).putInt(writer);
        if (kind == WATERMARK || kind == BARRIER) {
            b.putLong(watermarkMillis);
        }
        return b.array();
    }

    /**
     * A decoded shuffle record; control fields are meaningful for control kinds only ({@code watermarkMillis} holds
     * the savepoint id of a barrier).
     */
    record Decoded(byte kind, long timestampMillis, Object value, int writer, long watermarkMillis) {
    }

    Decoded decode(byte[] bytes) {
        byte kind = bytes[0];
        if (kind == DATA) {
            input.setBuffer(bytes, 1, bytes.length - 1);
            int writer = input.readVarInt(true);
            long ts = input.readLong();
            return new Decoded(DATA, ts, kryo.readClassAndObject(input), writer, 0);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int writer = b.getInt();
        long wm = kind == WATERMARK || kind == BARRIER ? b.getLong() : 0;
        if (kind < WATERMARK || kind > BARRIER) {
            throw new IllegalStateException("not a shuffle record: kind " + kind);
        }
        return new Decoded(kind, 0, null, writer, wm);
    }
}
