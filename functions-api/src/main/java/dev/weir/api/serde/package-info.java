/**
 * Serdes turn values into bytes and back (Kafka payloads, state). The engine uses JSON (Jackson) by default for
 * any type without an explicit serde; this package keeps the contract free of any library.
 */
package dev.weir.api.serde;
