package dev.weir.api.state;

import java.util.Objects;
import java.util.Optional;

/** Declares a map per key. With a TTL, each map entry expires on its own. */
public record MapStateDescriptor<UK, UV>(String name, Class<UK> mapKeyType, Class<UV> mapValueType,
                                         Optional<StateTtl> ttl) implements StateDescriptor {
    public MapStateDescriptor {
        StateDescriptor.checkName(name);
        Objects.requireNonNull(mapKeyType, "mapKeyType");
        Objects.requireNonNull(mapValueType, "mapValueType");
        Objects.requireNonNull(ttl, "ttl");
    }

    public static <UK, UV> MapStateDescriptor<UK, UV> of(String name, Class<UK> mapKeyType, Class<UV> mapValueType) {
        return new MapStateDescriptor<>(name, mapKeyType, mapValueType, Optional.empty());
    }

    public MapStateDescriptor<UK, UV> withTtl(StateTtl newTtl) {
        return new MapStateDescriptor<>(name, mapKeyType, mapValueType, Optional.of(newTtl));
    }
}
