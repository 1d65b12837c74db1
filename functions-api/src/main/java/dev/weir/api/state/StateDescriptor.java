package dev.weir.api.state;

import java.util.Optional;

/**
 * Declares a piece of keyed state: its name (unique per function), its kind and value types, and an optional
 * TTL. Descriptors are values: declare them as constants.
 */
public sealed interface StateDescriptor permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor {
    /** Name of the state, unique within one function. */
    String name();

    /** Time-to-live, if entries expire. */
    Optional<StateTtl> ttl();

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("state name must not be blank");
        }
    }
}
