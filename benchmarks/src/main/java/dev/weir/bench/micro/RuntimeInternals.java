package dev.weir.bench.micro;

import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The runtime's package-private codecs, reached through method handles so that the benchmarks measure the real
 * classes without the runtime opening them up: the RocksDB backend's {@code StateSerializer} and the shuffle
 * topics' {@code ShuffleCodec}. The handles are static finals, so the JIT inlines the calls as if they were direct.
 */
final class RuntimeInternals {
    private static final MethodHandle NEW_STATE_SERIALIZER;
    private static final MethodHandle WRITE_VALUE;
    private static final MethodHandle READ_VALUE;
    private static final MethodHandle NEW_SHUFFLE_CODEC;
    private static final MethodHandle SHUFFLE_DATA;
    private static final MethodHandle SHUFFLE_DECODE;

    static {
        try {
            Class<?> serializer = Class.forName("dev.weir.runtime.state.rocksdb.StateSerializer");
            MethodHandles.Lookup s = MethodHandles.privateLookupIn(serializer, MethodHandles.lookup());
            NEW_STATE_SERIALIZER = s.findConstructor(serializer, MethodType.methodType(void.class, ClassLoader.class))
                    .asType(MethodType.methodType(Object.class, ClassLoader.class));
            WRITE_VALUE = s.findVirtual(serializer, "writeValue",
                            MethodType.methodType(void.class, Object.class, Output.class))
                    .asType(MethodType.methodType(void.class, Object.class, Object.class, Output.class));
            READ_VALUE = s.findVirtual(serializer, "readValue", MethodType.methodType(Object.class, byte[].class))
                    .asType(MethodType.methodType(Object.class, Object.class, byte[].class));
            Class<?> codec = Class.forName("dev.weir.runtime.task.ShuffleCodec");
            MethodHandles.Lookup c = MethodHandles.privateLookupIn(codec, MethodHandles.lookup());
            NEW_SHUFFLE_CODEC = c.findConstructor(codec, MethodType.methodType(void.class, ClassLoader.class))
                    .asType(MethodType.methodType(Object.class, ClassLoader.class));
            SHUFFLE_DATA = c.findVirtual(codec, "data",
                            MethodType.methodType(byte[].class, int.class, long.class, Object.class))
                    .asType(MethodType.methodType(byte[].class, Object.class, int.class, long.class, Object.class));
            Class<?> decoded = Class.forName("dev.weir.runtime.task.ShuffleCodec$Decoded");
            SHUFFLE_DECODE = c.findVirtual(codec, "decode", MethodType.methodType(decoded, byte[].class))
                    .asType(MethodType.methodType(Object.class, Object.class, byte[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RuntimeInternals() {
    }

    /** The Kryo serializer of RocksDB state values (one per backend, not thread-safe). */
    static final class StateSerializer {
        private final Object serializer;

        StateSerializer(ClassLoader loader) {
            serializer = construct(NEW_STATE_SERIALIZER, loader);
        }

        /** Appends the value's bytes (with its class) to {@code out}. */
        void writeValue(Object value, Output out) {
            try {
                WRITE_VALUE.invokeExact(serializer, value, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        Object readValue(byte[] bytes) {
            try {
                return (Object) READ_VALUE.invokeExact(serializer, bytes);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** The record format of internal shuffle topics (one per thread). */
    static final class ShuffleCodec {
        private final Object codec;

        ShuffleCodec(ClassLoader loader) {
            codec = construct(NEW_SHUFFLE_CODEC, loader);
        }

        /** A data record of writer task {@code writer}: kind byte, writer, timestamp, the value Kryo-encoded with its class. */
        byte[] data(int writer, long timestampMillis, Object value) {
            try {
                return (byte[]) SHUFFLE_DATA.invokeExact(codec, writer, timestampMillis, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The decoded record (the runtime's {@code ShuffleCodec.Decoded}). */
        Object decode(byte[] bytes) {
            try {
                return (Object) SHUFFLE_DECODE.invokeExact(codec, bytes);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    private static Object construct(MethodHandle constructor, ClassLoader loader) {
        try {
            return (Object) constructor.invokeExact(loader);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
