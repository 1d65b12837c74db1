package dev.weir.runtime.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer.CompatibleFieldSerializerConfig;
import com.esotericsoftware.kryo.serializers.EnumNameSerializer;

/**
 * Configures Kryo for bytes that outlive a code change (RocksDB state values, savepoints): plain classes with Kryo's
 * {@code CompatibleFieldSerializer} (chunked, fields by name), records with {@link EvolvingRecordSerializer}, enums by
 * constant name. An added field gets its default (the no-argument constructor's value if the class has one, else
 * {@code null}/0/{@code false}), a removed field is skipped, a renamed field is a removal plus an addition, and a field
 * whose type changed to one the stored value does not fit is dropped like a removed one. Renaming or moving a class
 * breaks its bytes.
 *
 * <p>Use it with references off ({@code kryo.setReferences(false)}): a reference inside a skipped field would shift
 * every reference id after it. Values are then written as trees (shared objects come back as copies, cycles are not
 * supported).
 */
public final class EvolvingKryo {
    private EvolvingKryo() {
    }

    /** Makes {@code kryo} write evolvable bytes for classes without an explicitly registered serializer. */
    public static void configure(Kryo kryo) {
        CompatibleFieldSerializerConfig fields = new CompatibleFieldSerializerConfig();
        fields.setChunkedEncoding(true);
        kryo.setDefaultSerializer(new SerializerFactory.CompatibleFieldSerializerFactory(fields));
        // Added defaults take precedence over Kryo's built-in ones (its positional RecordSerializer, EnumSerializer).
        kryo.addDefaultSerializer(Record.class, new SerializerFactory.BaseSerializerFactory<>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Serializer newSerializer(Kryo k, Class type) {
                return new EvolvingRecordSerializer<>(type);
            }
        });
        kryo.addDefaultSerializer(Enum.class, EnumNameSerializer.class);
    }
}
