package dev.weir.api.state;

import java.util.Objects;
import java.util.Optional;

/** Declares a list of values per key. */
public record ListStateDescriptor<T>(String name, Class<T> elementType, Optional<StateTtl> ttl)
        implements StateDescriptor {
    public ListStateDescriptor {
        StateDescriptor.checkName(name);
        Objects.requireNonNull(elementType, "elementType");
        Objects.requireNonNull(ttl, "ttl");
    }

    public static <T> ListStateDescriptor<T> of(String name, Class<T> elementType) {
        return new ListStateDescriptor<>(name, elementType, Optional.empty());
    }

    public ListStateDescriptor<T> withTtl(StateTtl newTtl) {
        return new ListStateDescriptor<>(name, elementType, Optional.of(newTtl));
    }
}
