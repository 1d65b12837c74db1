package dev.weir.runtime.serde;

import dev.weir.api.serde.Serde;
import dev.weir.api.serde.Serdes;

/** The serde the engine uses for a type when the pipeline names none: raw for strings, longs and bytes, JSON otherwise. */
public final class DefaultSerdes {
    private DefaultSerdes() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Serde<T> forType(Class<T> type) {
        if (type == String.class) {
            return (Serde<T>) Serdes.string();
        }
        if (type == Long.class) {
            return (Serde<T>) Serdes.longs();
        }
        if (type == byte[].class) {
            return (Serde<T>) Serdes.bytes();
        }
        return JsonSerde.of(type);
    }
}
