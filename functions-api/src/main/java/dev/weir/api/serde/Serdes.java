package dev.weir.api.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Serdes for basic types. JSON for other types is provided by the engine. */
public final class Serdes {
    private Serdes() {
    }

    public static Serde<String> string() {
        return StringSerde.INSTANCE;
    }

    public static Serde<byte[]> bytes() {
        return BytesSerde.INSTANCE;
    }

    public static Serde<Long> longs() {
        return LongSerde.INSTANCE;
    }

    private enum StringSerde implements Serde<String> {
        INSTANCE;

        @Override
        public byte[] serialize(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public Class<String> type() {
            return String.class;
        }
    }

    private enum BytesSerde implements Serde<byte[]> {
        INSTANCE;

        @Override
        public byte[] serialize(byte[] value) {
            return value;
        }

        @Override
        public byte[] deserialize(byte[] bytes) {
            return bytes;
        }

        @Override
        public Class<byte[]> type() {
            return byte[].class;
        }
    }

    private enum LongSerde implements Serde<Long> {
        INSTANCE;

        @Override
        public byte[] serialize(Long value) {
            return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long deserialize(byte[] bytes) {
            if (bytes.length != Long.BYTES) {
                throw new SerdeException("a long needs 8 bytes, got " + bytes.length);
            }
            return ByteBuffer.wrap(bytes).getLong();
        }

        @Override
        public Class<Long> type() {
            return Long.class;
        }
    }
}
