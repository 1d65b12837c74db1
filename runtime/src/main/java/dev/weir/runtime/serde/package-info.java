/**
 * Serdes of the engine: JSON (Jackson) for any type without an explicit serde, and the choice of a default serde
 * per type. Used for Kafka payloads and serialized state.
 */
package dev.weir.runtime.serde;
