package dev.weir.runtime.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.InputChunked;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.io.OutputChunked;
import com.esotericsoftware.kryo.util.ObjectMap;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes records by component <em>name</em>, so that components can be added to or removed from a record used
 * as state and older bytes still read.
 *
 * <p>Written by hand because Kryo 5.6's {@code RecordSerializer} is positional: it writes the component values
 * sorted by name with neither a count nor names, so bytes of a record with one component fewer are misread
 * (values shifted into the wrong components, or reading past the end). This serializer follows Kryo's
 * {@code CompatibleFieldSerializer} (chunked encoding, unknown data read when its class exists): the first occurrence
 * of a record class in a value writes the component names, then every component value is written with its class in
 * a chunk of its own.
 *
 * <p>Reading maps names to the current components: a component the bytes lack gets its default ({@code null}, 0,
 * {@code false}); a component the class no longer has is read and dropped (skipped if its class is gone too); a
 * value whose class does not fit the component's type any more is dropped like a removed component. The record is
 * then built with its canonical constructor, which may reject the defaults.
 */
final class EvolvingRecordSerializer<T> extends Serializer<T> {
    private static final int CHUNK_SIZE = 1024;
    private final Class<T> type;
    private final String[] names;
    private final Class<?>[] types;
    private final Method[] accessors;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Constructor<T> constructor;
    /**
     * Chunked streams for reuse: each has a 1 KiB buffer, and a fresh pair per value was most of the allocation of
     * state values. A stack, since a component may hold a record of the same class (the serializer is re-entered).
     */
    private final ArrayDeque<OutputChunked> outputs = new ArrayDeque<>();
    private final ArrayDeque<InputChunked> inputs = new ArrayDeque<>();

    EvolvingRecordSerializer(Class<T> type) {
        super(false, true);
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        types = new Class<?>[components.length];
        accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getType();
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            indexByName.put(names[i], i);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T object) {
        ObjectMap<Object, Object> context = kryo.getGraphContext();
        if (!context.containsKey(this)) {
            context.put(this, null);
            output.writeVarInt(names.length, true);
            for (String name : names) {
                output.writeString(name);
            }
        }
        OutputChunked chunked = outputs.isEmpty() ? new OutputChunked(CHUNK_SIZE) : outputs.pop();
        chunked.setOutputStream(output);
        try {
            for (int i = 0; i < accessors.length; i++) {
                Object value;
                try {
                    value = accessors[i].invoke(object);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new KryoException("cannot read component " + names[i] + " of " + type.getName(), e);
                }
                kryo.writeClassAndObject(chunked, value);
                chunked.endChunk();
            }
        } finally {
            chunked.setOutputStream(null);
            outputs.push(chunked);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> ignored) {
        ObjectMap<Object, Object> context = kryo.getGraphContext();
        int[] targets = (int[]) context.get(this);
        if (targets == null) {
            targets = readSchema(input);
            context.put(this, targets);
        }
        Object[] args = defaults();
        InputChunked chunked = inputs.isEmpty() ? new InputChunked(CHUNK_SIZE) : inputs.pop();
        chunked.setInputStream(input);
        try {
            readComponents(kryo, chunked, targets, args);
        } finally {
            chunked.setInputStream(null);
            inputs.push(chunked);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new KryoException("the canonical constructor of " + type.getName() + " rejected the stored values "
                    + "(components the bytes lack get null, 0 or false): " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KryoException("cannot create " + type.getName(), e);
        }
    }

    private void readComponents(Kryo kryo, InputChunked chunked, int[] targets, Object[] args) {
        for (int target : targets) {
            try {
                Object value = kryo.readClassAndObject(chunked);
                if (target >= 0 && fits(types[target], value)) {
                    args[target] = value;
                }
            } catch (KryoException e) {
                if (target >= 0) {
                    throw e;
                }
                // a removed component whose class is gone too: its chunk is skipped below
            }
            chunked.nextChunk();
        }
    }

    /** The index of each written component among the current ones, -1 for a removed one. */
    private int[] readSchema(Input input) {
        int n = input.readVarInt(true);
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = indexByName.getOrDefault(input.readString(), -1);
        }
        return targets;
    }

    private Object[] defaults() {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = defaultValue(types[i]);
        }
        return args;
    }

    private static Object defaultValue(Class<?> t) {
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return '\0';
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == float.class) {
            return 0f;
        }
        return 0d;
    }

    private static boolean fits(Class<?> t, Object value) {
        if (value == null) {
            return !t.isPrimitive();
        }
        if (!t.isPrimitive()) {
            return t.isInstance(value);
        }
        return defaultValue(t).getClass() == value.getClass();
    }
}
