package dev.weir.runtime.state.rocksdb;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.weir.api.window.Window;
import dev.weir.runtime.checkpoint.EvolvingKryo;
import dev.weir.runtime.state.VoidNamespace;
import java.nio.charset.StandardCharsets;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Turns the keys, namespaces and values of RocksDB state into bytes and back, with Kryo configured for state that
 * outlives a code change. One per backend; not thread-safe (Kryo is not): the task thread only.
 *
 * <p><b>Keys and namespaces</b> ({@link #writeIdentity}) must be deterministic: the same key gives the same bytes, or
 * RocksDB would see two keys. A tag byte comes first; {@code String} (UTF-8), {@code Long} and {@code Integer} (in
 * numeric byte order), {@link VoidNamespace} (no payload) and {@link Window} (start and end in numeric byte order) are
 * written by hand, which is both faster and shorter than Kryo; any other class goes through Kryo without references
 * (with references, two equal keys whose fields share or do not share an instance would differ).
 *
 * <p><b>Values</b> ({@link #writeValue}) are written with their class, and tolerate schema evolution: plain classes
 * with Kryo's {@code CompatibleFieldSerializer} (chunked, fields by name), records with
 * {@link EvolvingRecordSerializer}, enums by constant name. An added field gets its default (the no-argument
 * constructor's value if the class has one, else {@code null}/0/{@code false}), a removed field is skipped, a
 * renamed field is a removal plus an addition, and a field whose type changed to one the stored value does not fit
 * is dropped like a removed one. Renaming or moving a class breaks its bytes. References are off, so values are
 * written as trees: shared objects come back as copies and cyclic values are not supported (references inside
 * skipped fields would corrupt everything after them).
 */
final class StateSerializer {
    static final byte TAG_KRYO = 0;
    static final byte TAG_STRING = 1;
    static final byte TAG_LONG = 2;
    static final byte TAG_INT = 3;
    static final byte TAG_VOID = 4;
    static final byte TAG_WINDOW = 5;

    private final Kryo kryo = new Kryo();
    private final Input input = new Input();
    private final byte[] scratch = new byte[16];

    StateSerializer(ClassLoader classLoader) {
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        EvolvingKryo.configure(kryo);
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        kryo.setClassLoader(classLoader == null ? StateSerializer.class.getClassLoader() : classLoader);
    }

    /** Appends the deterministic bytes of a key or namespace: a tag, then the payload (its length is implied). */
    void writeIdentity(Object o, Output out) {
        if (o instanceof String s) {
            out.writeByte(TAG_STRING);
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        } else if (o instanceof Long l) {
            out.writeByte(TAG_LONG);
            KeyBytes.putOrderedLong(scratch, 0, l);
            out.writeBytes(scratch, 0, 8);
        } else if (o instanceof Integer i) {
            out.writeByte(TAG_INT);
            KeyBytes.putOrderedInt(scratch, 0, i);
            out.writeBytes(scratch, 0, 4);
        } else if (o == VoidNamespace.INSTANCE) {
            out.writeByte(TAG_VOID);
        } else if (o instanceof Window w) {
            out.writeByte(TAG_WINDOW);
            KeyBytes.putOrderedLong(scratch, 0, w.startMillis());
            KeyBytes.putOrderedLong(scratch, 8, w.endMillis());
            out.writeBytes(scratch, 0, 16);
        } else {
            out.writeByte(TAG_KRYO);
            try {
                kryo.writeClassAndObject(out, o);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot serialize key or namespace " + o + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads what {@link #writeIdentity} wrote, from {@code length} bytes at {@code offset}. */
    Object readIdentity(byte[] bytes, int offset, int length) {
        byte tag = bytes[offset];
        return switch (tag) {
            case TAG_STRING -> new String(bytes, offset + 1, length - 1, StandardCharsets.UTF_8);
            case TAG_LONG -> KeyBytes.getOrderedLong(bytes, offset + 1);
            case TAG_INT -> KeyBytes.getOrderedInt(bytes, offset + 1);
            case TAG_VOID -> VoidNamespace.INSTANCE;
            case TAG_WINDOW -> new Window(KeyBytes.getOrderedLong(bytes, offset + 1),
                    KeyBytes.getOrderedLong(bytes, offset + 9));
            case TAG_KRYO -> {
                try {
                    input.setBuffer(bytes, offset + 1, length - 1);
                    yield kryo.readClassAndObject(input);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("cannot read a stored key or namespace: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("unknown key tag " + tag + ": not a Weir RocksDB key");
        };
    }

    /** Appends the bytes of a state value (with its class). */
    void writeValue(Object value, Output out) {
        try {
            kryo.writeClassAndObject(out, value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot serialize state value of " + value.getClass().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads what {@link #writeValue} wrote. */
    Object readValue(byte[] bytes) {
        try {
            input.setBuffer(bytes);
            return kryo.readClassAndObject(input);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read a stored state value: " + e.getMessage(), e);
        }
    }
}
