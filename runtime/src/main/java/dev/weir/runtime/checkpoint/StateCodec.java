package dev.weir.runtime.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Encodes the object graphs of {@link Checkpointed#snapshotState()} to bytes and back, with Kryo.
 *
 * <p><b>Why Kryo.</b> State holds whatever user functions put there: keys, accumulators and map keys of any class,
 * mutable or not, usually without {@code Serializable} and without a schema. A checkpoint must restore them
 * <em>exactly</em> (a {@code Long} key stays a {@code Long}, a record key of a {@code HashMap} stays a record, a
 * {@code long[]} accumulator stays a {@code long[]}), which JSON cannot promise without type information. Kryo
 * writes the class of every object and its fields, so the round trip is exact; this is what Flink does for the
 * generic types it cannot analyse. Classes need no registration; shared and cyclic references are kept; classes
 * without a no-argument constructor are created without calling a constructor (Objenesis); records go through their
 * canonical constructor; {@code List.of}/{@code Map.of}/{@code Set.of} work on Java 17 without {@code --add-opens}.
 *
 * <p><b>Two formats.</b> The checkpoint codec ({@link #StateCodec(ClassLoader)}) is not a schema-evolution format:
 * bytes name classes and fields, so they decode only with the same code (classes renamed, fields added or removed
 * break a restore); it keeps shared and cyclic references and is the faster one, for the checkpoints of one running
 * pipeline version. The savepoint codec ({@link #forSavepoints}) writes fields and record components by name
 * ({@link EvolvingKryo}): a savepoint restores into an upgraded function whose state classes gained or lost fields;
 * it writes trees (no references), so cyclic state cannot go into a savepoint. JDK classes that Kryo has no
 * serializer for and that hide their fields from reflection (Java 17 strong encapsulation) cannot be encoded.
 *
 * <p>Not thread-safe (Kryo is not): one codec per engine thread.
 */
public final class StateCodec {
    /**
     * Kryo's default reference resolver shrinks its identity map back to 2048 entries after every encode, so each
     * snapshot of a large state regrows it (rehashing every object again); this one keeps up to 2^20 entries.
     */
    private final Kryo kryo = new Kryo(new DefaultClassResolver(), new MapReferenceResolver(1 << 20));
    private final Output output = new Output(4096, -1);
    private final boolean evolving;

    /** A codec resolving classes through the calling thread's context class loader. */
    public StateCodec() {
        this(Thread.currentThread().getContextClassLoader());
    }

    /**
     * A codec resolving classes through {@code classLoader}: the one that loaded the pipeline's functions, so their
     * state classes are found when decoding.
     */
    public StateCodec(ClassLoader classLoader) {
        this(classLoader, false);
    }

    private StateCodec(ClassLoader classLoader, boolean evolving) {
        this.evolving = evolving;
        kryo.setRegistrationRequired(false);
        kryo.setReferences(!evolving);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        if (evolving) {
            EvolvingKryo.configure(kryo);
        }
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        kryo.setClassLoader(classLoader == null ? StateCodec.class.getClassLoader() : classLoader);
    }

    /**
     * The savepoint codec: fields and record components by name, so state classes may gain or lose fields between
     * the savepoint and its restore ({@link EvolvingKryo} lists the rules); no references (trees only).
     */
    public static StateCodec forSavepoints(ClassLoader classLoader) {
        return new StateCodec(classLoader, true);
    }

    /** Whether this is the savepoint codec ({@link #forSavepoints}). */
    public boolean evolving() {
        return evolving;
    }

    /**
     * The bytes of {@code state} (which may be {@code null}) and everything it references.
     *
     * @throws IllegalArgumentException if some object in the graph cannot be encoded
     */
    public byte[] encode(Object state) {
        output.reset();
        try {
            kryo.writeClassAndObject(output, state);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot encode state: " + e.getMessage(), e);
        } finally {
            kryo.reset();
        }
        byte[] bytes = output.toBytes();
        if (output.getBuffer().length > 1 << 20) {
            output.setBuffer(new byte[4096], -1);
        }
        return bytes;
    }

    /**
     * The object graph {@link #encode} was given.
     *
     * @throws IllegalArgumentException if the bytes are not an encoded state, or name a class this codec cannot load
     */
    public Object decode(byte[] bytes) {
        try {
            return kryo.readClassAndObject(new Input(bytes));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot decode state: " + e.getMessage(), e);
        } finally {
            kryo.reset();
        }
    }
}
