package dev.weir.api.state;

import java.util.Objects;
import java.util.Optional;

/** Declares a single value per key. */
public record ValueStateDescriptor<T>(String name, Class<T> type, Optional<StateTtl> ttl) implements StateDescriptor {
    public ValueStateDescriptor {
        StateDescriptor.checkName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ttl, "ttl");
    }

    public static <T> ValueStateDescriptor<T> of(String name, Class<T> type) {
        return new ValueStateDescriptor<>(name, type, Optional.empty());
    }

    public ValueStateDescriptor<T> withTtl(StateTtl newTtl) {
        return new ValueStateDescriptor<>(name, type, Optional.of(newTtl));
    }
}
